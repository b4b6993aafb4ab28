// The phone's radio is charged by state (docs/cost-model.md, "Radio states"): tx_w while its
// upload's bits are on the air, rx_w while its reply's are, idle_w for everything else
// (deferring to another station, the WAN's latency, the server's queue and compute).
// Hand-computed: one cloud request, 28,624 bytes up and 1,448 down at 54 Mbit/s of goodput,
// a 10 ms WAN each way, a 10 ms cloud model; tx 1.2 W, rx 0.9 W, idle 0.3 W.
//   upload on the air   28,624 x 8 / 54e3 = 4.240593 ms  -> tx   5.088711 mJ
//   reply on the air     1,448 x 8 / 54e3 = 0.214519 ms  -> rx   0.193067 mJ
//   idle: 10 (WAN up) + 10 (compute) + 10 (WAN down)     -> idle 9.000000 mJ
// 14.281778 mJ in all, where charging tx and rx for the whole transfers gave 29.28.
#include "core/model/closed_form.hpp"
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

namespace {

const char* kRadio = "[radio]\ntx_w = 1.2\nrx_w = 0.9\nidle_w = 0.3\n";

// Per request: tx, rx and idle energy, upload and download times.
std::vector<double> radio_split(const Prepared& p, const RunPoint& point, bool simulated) {
  const auto policy = make_policy("cloud-only", p.deployment, p.scenario.params);
  auto flatten = [](const std::vector<CostBreakdown>& costs) {
    std::vector<double> v;
    for (const auto& c : costs)
      for (double x : {c.tx_mj, c.rx_mj, c.idle_mj, c.upload_ms, c.download_ms})
        v.push_back(x);
    return v;
  };
  if (!simulated) return flatten(evaluate_closed_form(p, *policy, point));
  return test::in_child([&] { return flatten(sim::simulate(p, *policy, point)); });
}

} // namespace

TEST_CASE("radio states: one cloud request over a 10 ms WAN, by hand, both modes") {
  const auto p = test::tiny_scenario(
      "radio", "requests = 1",
      std::string("[policy]\npolicies = cloud-only\n[network]\nbandwidth_mbps = 54\n"
                  "wan_latency_ms = 10\nupload_bytes = 28624\ndownload_bytes = 1448\n") +
          kRadio);
  const RunPoint point = p->run_points()[0];
  for (bool simulated : {false, true}) {
    CAPTURE(simulated);
    const auto v = radio_split(*p, point, simulated);
    REQUIRE(v.size() == 5);
    CHECK(v[0] == doctest::Approx(1.2 * 28624 * 8 / 54e3));
    CHECK(v[1] == doctest::Approx(0.9 * 1448 * 8 / 54e3));
    CHECK(v[2] == doctest::Approx(0.3 * 30));
    CHECK(v[0] + v[1] + v[2] == doctest::Approx(14.281778).epsilon(1e-6));
    CHECK(v[3] == doctest::Approx(28624 * 8 / 54e3 + 10));
  }
}

TEST_CASE("radio states: a phone deferring to another station pays idle, not tx") {
  // Two phones of one cell upload 1 MB at once at 8 Mbit/s of goodput: the air is shared,
  // so each upload lasts 2 s, of which each phone's bits hold the air for 1 s.
  const auto p = test::tiny_scenario(
      "radio2", "requests = 2",
      std::string("[policy]\npolicies = cloud-only\n[network]\nbandwidth_mbps = 8\n"
                  "upload_bytes = 1000000\ndownload_bytes = 0\n[load]\nphones = 2\n"
                  "[servers]\ngpu_workers = 2\n") +
          kRadio);
  const auto v = radio_split(*p, p->run_points()[0], true);
  REQUIRE(v.size() == 10);
  for (int phone = 0; phone < 2; ++phone) {
    const double* r = &v[static_cast<std::size_t>(phone * 5)];
    CHECK(r[3] == doctest::Approx(2000));       // the upload, shared
    CHECK(r[0] == doctest::Approx(1.2 * 1000)); // on the air 1 s
    // Idle: 1 s deferring, the 10 ms model, and the empty reply's nothing.
    CHECK(r[2] == doctest::Approx(0.3 * (1000 + 10)));
  }
}

TEST_CASE("radio states: with equal powers the split changes nothing (Table I's scenarios)") {
  const auto p = test::tiny_scenario("radio3", "requests = 1",
                                     "[policy]\npolicies = cloud-only\n[network]\n"
                                     "bandwidth_mbps = 20\nwan_latency_ms = 7\n"
                                     "upload_bytes = 50000\ndownload_bytes = 500\n[radio]\n"
                                     "tx_w = 2\nrx_w = 2\nidle_w = 2\n");
  const auto v = radio_split(*p, p->run_points()[0], false);
  // Eq. 10 with one power: P x (upload + compute + download).
  CHECK(v[0] + v[1] + v[2] == doctest::Approx(2 * (v[3] + 10 + v[4])));
}
