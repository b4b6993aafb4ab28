// Phones placed by [mobility] (docs/mobility.md): the rate a distance gives, the cell the seam
// (core/model/attachment.hpp) puts each phone in, and a handover's gap in a transfer.
#include "core/model/wifi_timing.hpp"
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <string>

using namespace muxsim;

namespace {

// The rate ns-3's ideal rate control picks at `d` metres with the defaults, by hand:
// SNR(d) = 16.0206 - 46.6777 - 30 log10(d) + 93.9667 dB; nothing past 51.455 m (-82 dBm).
double ideal_80211g_mbps(double d) {
  const double snr = 16.0206 - 46.6777 - 30 * std::log10(d) + 173.977 - 10 * std::log10(20e6) - 7;
  if (16.0206 - 46.6777 - 30 * std::log10(d) < -82) return 0;
  const double steps[][2] = {{54, 19.125}, {48, 17.865}, {36, 13.465}, {24, 10.375},
                             {18, 6.985},  {12, 4.475},  {9, 3.809},   {6, 1.465}};
  for (const auto& s : steps)
    if (snr > s[1]) return s[0];
  return 0;
}

const std::string kCloudOnly = "[policy]\npolicies = cloud-only\n"
                               "[network]\nwifi_standard = 802.11g\nupload_bytes = 1000000\n";

} // namespace

TEST_CASE("a static phone at a distance: its rate by hand, and closed form equals simulation") {
  for (double d : {5.0, 31.0, 40.0, 50.0}) {
    INFO("distance " << d);
    const auto p = test::tiny_scenario(
        "static-" + std::to_string(static_cast<int>(d)), "requests = 4",
        kCloudOnly + "[mobility]\naccess_points = 0:0\nphone_positions = " + std::to_string(d) +
            ":0\n");
    const RunPoint point = p->run_points()[0];
    const double rate = ideal_80211g_mbps(d);
    CHECK(p->attachments(point)->first(0).phy_mbps == rate);
    // Alone, 1 MB moves at the 802.11g goodput of that rate; the closed form says the same.
    const double goodput = wifi::goodput_mbps({wifi::Standard::G80211, false}, rate);
    const auto closed = test::timings(*p, "cloud-only", point, false);
    const auto simulated = test::timings(*p, "cloud-only", point, true);
    CHECK(test::stage(closed, 0, test::kUpload) == doctest::Approx(8e6 / goodput / 1e3));
    for (std::size_t i = 0; i < closed.size(); ++i)
      CHECK(simulated[i] == doctest::Approx(closed[i]).epsilon(1e-9));
  }
}

TEST_CASE("the seam: each phone uploads through the cell its attachments name") {
  // Phone 0 stands by the second access point, phones 1 and 2 by the first: a platform that
  // put phone g in cell g / phones (or all in one) would make phone 0 share the air.
  const auto p = test::tiny_scenario("seam", "requests = 3",
                                     kCloudOnly + "[mobility]\naccess_points = 0:0, 200:0\n"
                                                  "phone_positions = 190:0, 10:0, 12:0\n");
  const RunPoint point = p->run_points()[0];
  CHECK(point.total_phones() == 3);
  const auto attachments = p->attachments(point);
  CHECK(attachments->first(0).cell == 1);
  CHECK(attachments->first(1).cell == 0);
  CHECK(attachments->first(2).cell == 0);
  CHECK(sim::platform_for(*p, *attachments).phone_cells == std::vector<long>{1, 0, 0});
  const auto simulated = test::timings(*p, "cloud-only", point, true);
  const auto alone = test::timings(*p, "cloud-only", point, false);
  // Phone 0 alone in its cell; phones 1 and 2 at 54 Mbit/s share theirs: each takes longer.
  CHECK(test::stage(simulated, 0, test::kUpload) ==
        doctest::Approx(test::stage(alone, 0, test::kUpload)).epsilon(1e-9));
  CHECK(test::stage(simulated, 1, test::kUpload) > 1.5 * test::stage(alone, 1, test::kUpload));
  CHECK(test::stage(simulated, 2, test::kUpload) > 1.5 * test::stage(alone, 2, test::kUpload));
}

TEST_CASE("a handover cuts the upload in flight, which resumes on the new cell after the gap") {
  // Running at 10 m/s from 40:0 (as far from both access points, so it takes the first)
  // towards the second, 80 m from the first, the phone loses the first at 51.455 m
  // (t = 1.1455 s), during a 10 MB upload that started at 0. From the second it is then
  // within 29.7 m, at 54 Mbit/s whenever the gap ends, so the upload ends exactly a gap later.
  test::write_temp("walk-1ms.csv", "phone,t,x,y\n0,0,40,0\n0,4,80,0\n");
  auto upload_ms = [](const std::string& gap) {
    const auto p = test::tiny_scenario(
        "gap-" + gap, "requests = 1",
        "[policy]\npolicies = cloud-only\n[network]\nwifi_standard = 802.11g\n"
        "upload_bytes = 10000000\n[mobility]\naccess_points = 0:0, 80:0\nmodel = trace\n"
        "walks = walk-1ms.csv\nhandover_gap_ms = " +
            gap + "\n");
    return test::stage(test::timings(*p, "cloud-only", p->run_points()[0], true), 0, test::kUpload);
  };
  const double none = upload_ms("0"), gap100 = upload_ms("100"), gap250 = upload_ms("250");
  CHECK(none > 1145.5); // it spans the handover
  CHECK(gap100 - none == doctest::Approx(100).epsilon(1e-9));
  CHECK(gap250 - none == doctest::Approx(250).epsilon(1e-9));
}
