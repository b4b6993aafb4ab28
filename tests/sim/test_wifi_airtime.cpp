// Wi-Fi airtime sharing (the 802.11 performance anomaly): stations sharing the air get equal
// throughput x with sum_i x / r_i = 1, so two stations sending B bytes at once at rates r1
// and r2 each run at 1 / (1/r1 + 1/r2) and both finish at T = 8 B (1/r1 + 1/r2).
#include "core/assemble/prepared.hpp"
#include "core/model/wifi_ofdma.hpp"
#include "core/model/wifi_timing.hpp"
#include "core/policy/registry.hpp"
#include "engine_on.hpp"
#include "fork_helper.hpp"
#include "sim/platform.hpp"
#include "sim/simulate.hpp"
#include "test_util.hpp"

#include <doctest/doctest.h>
#include <simgrid/s4u.hpp>

#include <algorithm>
#include <fstream>

namespace sg4 = simgrid::s4u;

namespace {

const char* kPlatform = R"(<?xml version='1.0'?>
<!DOCTYPE platform SYSTEM "https://simgrid.org/simgrid.dtd">
<platform version="4.1">
  <config><prop id="network/model" value="CM02"/><prop id="network/crosstraffic" value="0"/></config>
  <zone id="world" routing="Full">
    <zone id="cell" routing="Wifi">
      <prop id="access_point" value="ap"/>
      <host id="phone-0" speed="1Gf"/>
      <host id="phone-1" speed="1Gf"/>
      <router id="ap"/>
      <link id="air" sharing_policy="WIFI" bandwidth="54Mbps,18Mbps" latency="0ms"/>
    </zone>
    <zone id="datacenter" routing="Full"><host id="cloud" speed="1Gf"/></zone>
    <link id="wan" bandwidth="10Gbps" latency="0ms"/>
    <zoneRoute src="cell" dst="datacenter" gw_src="ap" gw_dst="cloud"><link_ctn id="wan"/></zoneRoute>
  </zone>
</platform>
)";

constexpr double kBytes = 2e6;

std::vector<double> two_uploads() {
  const auto engine = muxsim::test::engine_on(kPlatform);
  sg4::Engine& e = *engine;
  const sg4::Link* air = e.link_by_name("air");
  std::vector<double> done(2);
  for (int i = 0; i < 2; ++i) {
    sg4::Host* host = e.host_by_name("phone-" + std::to_string(i));
    air->set_host_wifi_rate(host, i); // phone-0 at 54 Mbps, phone-1 at 18 Mbps
    sg4::Actor::create("sender", host, [i, &done]() {
      auto* box = sg4::Mailbox::by_name("to-cloud-" + std::to_string(i));
      box->put(new int(i), static_cast<uint64_t>(kBytes));
      done[i] = sg4::Engine::get_clock();
    });
    sg4::Actor::create("receiver", e.host_by_name("cloud"), [i]() {
      delete sg4::Mailbox::by_name("to-cloud-" + std::to_string(i))->get<int>();
    });
  }
  e.run();
  return done;
}

} // namespace

TEST_CASE("two phones uploading at once share airtime: both finish at 8B(1/r1 + 1/r2)") {
  const double r1 = 54e6, r2 = 18e6;
  const double expected = 8 * kBytes * (1 / r1 + 1 / r2); // 0.3951 s
  const auto done = muxsim::test::in_child(two_uploads);
  REQUIRE(done.size() == 2);
  CHECK(done[0] == doctest::Approx(expected).epsilon(1e-6));
  CHECK(done[1] == doctest::Approx(expected).epsilon(1e-6));
  // Alone, the fast phone would have finished in a quarter of that time.
  CHECK(done[0] > 3.9 * 8 * kBytes / r1);
}

namespace {

// Upload times of two phones, each sending one upload of `bytes` (1 MB unless said) to the
// cloud at once, in a cell of these PHY rates (`network` lines of the [network] section).
std::vector<double> uploads_ms(const std::string& network, long bytes = 1000000, int phones = 2) {
  const std::string ini = muxsim::test::write_temp(
      "air.ini", "trace = reconstruct:table1\nprofiles = " +
                     muxsim::test::source_path("models/jetson-tx2.csv") + "," +
                     muxsim::test::source_path("models/gtx-1080ti.csv") +
                     "\nrequests = " + std::to_string(phones) +
                     "\nmodes = simulated\n[devices]\nphone_device = jetson-tx2\n"
                     "cloud_device = gtx-1080ti\nmobile_model = mobilenet_v2\n"
                     "cloud_model = resnext101_32x8d\nmux_model = mux-table1\n[policy]\n"
                     "policies = cloud-only\n[network]\n" +
                     network + "upload_bytes = " + std::to_string(bytes) +
                     "\ndownload_bytes = 0\nwan_latency_ms = 0\n[load]\n"
                     "phones = " +
                     std::to_string(phones) +
                     "\n[reconstruct]\n"
                     "target_local_fraction = 0.68\ntarget_hybrid_accuracy = 0.804\n");
  const auto p = muxsim::prepare(ini);
  const auto policy = muxsim::make_policy("cloud-only", p->deployment, p->scenario.params);
  return muxsim::test::in_child([&] {
    std::vector<double> ms;
    for (const auto& c : muxsim::sim::simulate(*p, *policy, p->run_points()[0]))
      ms.push_back(c.upload_ms);
    return ms;
  });
}

} // namespace

TEST_CASE("802.11g: two phones at 54 and 6 Mbit/s share the air at the 802.11 model's rates") {
  // Phone 0 starts its upload alone (one contender); phone 1 starts next, with two active.
  // Each moves the model's goodput for its PHY rate and contenders, and both finish at
  // 8B(1/e0 + 1/e1) (docs/wifi-validation.md).
  const auto upload_ms = uploads_ms("wifi_standard = 802.11g\nphone_rates_mbps = 54,6\n");
  namespace wifi = muxsim::wifi;
  const wifi::Phy g;
  const double collision = wifi::collision_us(g, {54, 6});
  const double e0 = wifi::goodput_mbps(g, 54, {1, collision}) * 1e6;
  const double e1 = wifi::goodput_mbps(g, 6, {2, collision}) * 1e6;
  const double expected_ms = 8 * 1e6 * (1 / e0 + 1 / e1) * 1e3;
  REQUIRE(upload_ms.size() == 2);
  CHECK(upload_ms[0] == doctest::Approx(expected_ms).epsilon(1e-6));
  CHECK(upload_ms[1] == doctest::Approx(expected_ms).epsilon(1e-6));
  // Taken as goodput, the PHY rates would have finished in 8B(1/54 + 1/6) Mbit: 1.63 s.
  CHECK(expected_ms > 1.3 * 8 * (1 / 54.0 + 1 / 6.0) * 1e3);
}

TEST_CASE("802.11n with A-MPDU: phones at 65 and 13 Mbit/s share the air by rounds") {
  // Each round, phone 0 sends a PPDU of 28 segments and phone 1 one of 5: while both are
  // active phone i moves w_i / (w_0 / e0 + w_1 / e1) bits a second, so phone 0 finishes its
  // 8 Mbit at T0 = 8e6 (1 / e0 + (w1 / w0) / e1). Phone 1 has then moved (w1 / w0) of
  // those bits, and sends the rest alone (at its level for two contenders, taken when it
  // started).
  const auto upload_ms = uploads_ms("wifi_standard = 802.11n\nphone_rates_mbps = 65,13\n");
  namespace wifi = muxsim::wifi;
  const wifi::Phy n{wifi::Standard::N80211, true};
  REQUIRE(wifi::segments_per_ppdu(n, 65) == 28);
  REQUIRE(wifi::segments_per_ppdu(n, 13) == 5);
  const double collision = wifi::collision_us(n, {65, 13});
  const double e0 = wifi::goodput_mbps(n, 65, {1, collision}) * 1e6;
  const double e1 = wifi::goodput_mbps(n, 13, {2, collision}) * 1e6;
  const double share = 5.0 / 28, bits = 8e6;
  const double t0 = bits * (1 / e0 + share / e1);
  const double t1 = t0 + bits * (1 - share) / e1;
  REQUIRE(upload_ms.size() == 2);
  CHECK(upload_ms[0] == doctest::Approx(t0 * 1e3).epsilon(1e-6));
  CHECK(upload_ms[1] == doctest::Approx(t1 * 1e3).epsilon(1e-6));
  // Shared bit for bit (the anomaly), both would have finished together at 8e6 (1/e0 + 1/e1).
  CHECK(t0 < 0.75 * bits * (1 / e0 + 1 / e1));
}

namespace {

// How far `ms` is past `base_ms` in whole collisions of `collision_ms` (-1 when it is not):
// a turn after waiting pays its drawn collisions on top of its clean exchange.
int collisions_in(double ms, double base_ms, double collision_ms) {
  const double n = (ms - base_ms) / collision_ms;
  return n > -1e-6 && std::abs(n - std::round(n)) < 1e-6 ? static_cast<int>(std::round(n)) : -1;
}

} // namespace

TEST_CASE("802.11ac: two 28.6 KB uploads at once take the air in turn, one PPDU each") {
  // Each upload fits one A-MPDU. Phone 0's finds the air idle: one exchange, as alone, not
  // slowed by phone 1. Phone 1's waits for that PPDU, then goes at the clean rate of two
  // contenders (itself and the access point's TCP ACKs) plus a whole number of drawn
  // collisions (sim/air_turns.hpp). Shared by rounds both would have ended together.
  namespace wifi = muxsim::wifi;
  const double bytes = 28624;
  const wifi::Phy ac{wifi::Standard::AC80211, true, 80};
  for (const double slow : {390.0, 58.5}) {
    CAPTURE(slow);
    const auto upload_ms = uploads_ms("wifi_standard = 802.11ac\nphone_rates_mbps = 390," +
                                          std::to_string(slow) + "\n",
                                      static_cast<long>(bytes));
    REQUIRE(upload_ms.size() == 2);
    REQUIRE(wifi::fits_one_ppdu(ac, slow, bytes));
    const double alone_ms = wifi::message_airtime_us(ac, 390, bytes) / 1e3;
    CHECK(upload_ms[0] == doctest::Approx(alone_ms).epsilon(1e-6));
    const double collision_us = wifi::collision_us(ac, {390, slow});
    const double clean_ms = 8 * bytes / wifi::goodput_mbps(ac, slow, {2, 0}) / 1e3;
    const double colliding_ms = 8 * bytes / wifi::goodput_mbps(ac, slow, {2, collision_us}) / 1e3;
    const double one_collision_ms = (colliding_ms - clean_ms) / wifi::collisions_per_success(2);
    CHECK(collisions_in(upload_ms[1], alone_ms + clean_ms, one_collision_ms) >= 0);
  }
}

TEST_CASE("802.11ax uplink OFDMA: uploads waiting for the air go together in a trigger round") {
  // Five 28.6 KB uploads at once at HE MCS 11. One finds the air idle and goes alone. The
  // other four wait; when the air frees, the access point serves them in one round: four
  // 242-tone RUs take 2.29 ms against 2.49 for four lone exchanges, so it pays (two or three
  // would not). It contends among two (itself and the TCP ACKs of the turn before: the clean
  // rate plus a whole number of drawn collisions, as a turn does); the four then go side by
  // side and end together, charged their four lone exchanges. Without OFDMA they go one
  // after the other.
  namespace wifi = muxsim::wifi;
  const double bytes = 28624, mcs11 = 510.417;
  const wifi::Phy ax{wifi::Standard::AX80211, true, 80, 1, 3200};
  const std::vector<wifi::TbUpload> four(4, {mcs11, bytes});
  const double alone_ms = wifi::message_airtime_us(ax, mcs11, bytes) / 1e3;
  REQUIRE(wifi::trigger_round_us(ax, four) < 4 * alone_ms * 1e3);
  REQUIRE(wifi::trigger_round_us(ax, {{mcs11, bytes}, {mcs11, bytes}}) > 2 * alone_ms * 1e3);
  const std::string cell = "wifi_standard = 802.11ax\nphone_rates_mbps = 510.417\n";
  auto on = uploads_ms(cell + "wifi_ofdma = ideal\n", static_cast<long>(bytes), 5);
  auto off = uploads_ms(cell, static_cast<long>(bytes), 5);
  REQUIRE(on.size() == 5);
  REQUIRE(off.size() == 5);
  std::sort(on.begin(), on.end());
  std::sort(off.begin(), off.end());
  const double collision_us = wifi::collision_us(ax, std::vector<double>(5, mcs11));
  const double clean_ms = 8 * bytes / wifi::goodput_mbps(ax, mcs11, {2, 0}) / 1e3;
  const double colliding_ms = 8 * bytes / wifi::goodput_mbps(ax, mcs11, {2, collision_us}) / 1e3;
  const double one_collision_ms = (colliding_ms - clean_ms) / wifi::collisions_per_success(2);
  CHECK(on[0] == doctest::Approx(alone_ms).epsilon(1e-6));
  for (std::size_t i = 2; i < 5; ++i)
    CHECK(on[i] == doctest::Approx(on[1]).epsilon(1e-9));
  CHECK(collisions_in(on[1], clean_ms + 4 * alone_ms, one_collision_ms) >= 0);
  CHECK(off[0] == doctest::Approx(alone_ms).epsilon(1e-6));
  for (std::size_t i = 1; i < 5; ++i)
    CHECK(off[i] > off[i - 1] + alone_ms * 0.99);
}
