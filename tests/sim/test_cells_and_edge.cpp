// Many cells and the edge tier: at zero load, with latency on every path and per-phone rates,
// the simulation equals the closed form request by request, for every policy.
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

TEST_CASE("two cells of one phone each, an edge server per access point: sim equals closed form") {
  const auto p = test::tiny_scenario(
      "cells", "requests = 40",
      "edge_device = edge\nedge_model = big\n"
      "[policy]\npolicies = mobile-only,cloud-only,edge-only,hybrid,hybrid-edge,oracle\n"
      "[network]\nphone_rates_mbps = 54,6\nwan_latency_ms = 20\nwan_mbps = 500\n"
      "edge_latency_ms = 1\nedge_link_mbps = 1000\nupload_bytes = 28624\ndownload_bytes = 250\n"
      "[radio]\ntx_w = 1.2\nrx_w = 1.0\nidle_w = 0.5\n"
      "[load]\ncells = 2\nphones = 1\n[servers]\ngpu_workers = 2\n");
  const RunPoint point = p->run_points()[0];
  CHECK(point.cells == 2);
  for (const auto& policy : p->scenario.policies) {
    INFO(policy);
    const auto closed = test::timings(*p, policy, point, false);
    const auto simulated = test::timings(*p, policy, point, true);
    REQUIRE(simulated.size() == closed.size());
    for (std::size_t i = 0; i < closed.size(); ++i)
      CHECK(simulated[i] == doctest::Approx(closed[i]).epsilon(1e-9));
  }
  // Edge: 28,624 B at 6 Mbit/s (phone 1, the second cell) + 1 ms, alone on its path.
  const auto edge = test::timings(*p, "edge-only", point, false);
  CHECK(test::stage(edge, 1, test::kUpload) == doctest::Approx(28624 * 8 / 6e3 + 1));
  CHECK(test::stage(edge, 1, test::kServer) == 20);
}

TEST_CASE("an edge server shared by two cells queues their requests") {
  const auto p =
      test::tiny_scenario("shared-edge", "requests = 2",
                          "edge_device = edge\nedge_model = big\n"
                          "[policy]\npolicies = edge-only\n"
                          "[load]\ncells = 2\nphones = 1\n[servers]\ncells_per_edge = 2\n");
  const auto t = test::timings(*p, "edge-only", p->run_points()[0], true);
  CHECK(test::stage(t, 0, test::kQueue) + test::stage(t, 1, test::kQueue) == doctest::Approx(20));
}

// Two cells, one phone each at 54 Mbit/s, both uploading 1 MB at once over a 10 Mbit/s WAN
// they share: each gets 5 Mbit/s, so both uploads end at 8 Mbit / 5 Mbit/s = 1.6 s; the
// closed form, alone on the path, says 0.8 s.
TEST_CASE("cells share the WAN: two 1 MB uploads over 10 Mbit/s end at 1.6 s") {
  const auto p = test::tiny_scenario("shared-wan", "requests = 2",
                                     "[policy]\npolicies = cloud-only\n[network]\n"
                                     "bandwidth_mbps = 54\nwan_mbps = 10\nupload_bytes = 1000000\n"
                                     "[load]\ncells = 2\nphones = 1\n[servers]\ngpu_workers = 2\n");
  const RunPoint point = p->run_points()[0];
  const auto simulated = test::timings(*p, "cloud-only", point, true);
  const auto closed = test::timings(*p, "cloud-only", point, false);
  for (long k = 0; k < 2; ++k) {
    CHECK(test::stage(simulated, k, test::kUpload) == doctest::Approx(1600));
    CHECK(test::stage(closed, k, test::kUpload) == doctest::Approx(800));
  }
}
