// A multiplexer in the cloud is charged for what it makes the phone do: upload the input
// before anything is decided, wait while the multiplexer runs, and fetch the answer.
// 10,000 bytes up at 8 Mbit/s take 10 ms, 1,000 bytes back 1 ms; radio 2 W sending, 1 W
// receiving, 0.5 W waiting; the cloud multiplexer takes 2 ms, the cloud model 10 ms, the
// phone's model 4 ms and 12 mJ. By hand:
//   input a, kept local:  10 + 2 + 1 + 4 = 17 ms;   2 x 10 + 0.5 x 2 + 1 x 1 + 12 = 34 mJ
//   input b, offloaded:   10 + 2 + 10 + 1 = 23 ms;  2 x 10 + 0.5 x (2 + 10) + 1 x 1 = 27 mJ
#include "core/policy/registry.hpp"
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

TEST_CASE("a cloud multiplexer charges the upload, the wait and the reply, in both modes") {
  const auto p = test::tiny_scenario(
      "cloud-mux", "requests = 2",
      "mux_device = cloud\n[policy]\npolicies = hybrid\n[network]\nbandwidth_mbps = 8\n"
      "upload_bytes = 10000\ndownload_bytes = 1000\n[radio]\ntx_w = 2\nrx_w = 1\nidle_w = 0.5\n");
  const auto policy = make_policy("hybrid", p->deployment, p->scenario.params);
  const RunPoint point = p->run_points()[0];
  const auto closed = evaluate_closed_form(*p, *policy, point);
  REQUIRE(closed.size() == 2);
  CHECK(closed[0].local);
  CHECK(closed[0].latency_ms() == doctest::Approx(17));
  CHECK(closed[0].phone_energy_mj() == doctest::Approx(34));
  CHECK(!closed[1].local);
  CHECK(closed[1].latency_ms() == doctest::Approx(23));
  CHECK(closed[1].phone_energy_mj() == doctest::Approx(27));
  CHECK(closed[1].cloud_gflops == doctest::Approx(16.1)); // the multiplexer runs in the cloud

  const auto simulated = test::in_child([&] {
    std::vector<double> v;
    for (const auto& c : sim::simulate(*p, *policy, point))
      v.insert(v.end(), {c.latency_ms(), c.phone_energy_mj(), c.mux_ms, c.upload_ms});
    return v;
  });
  REQUIRE(simulated.size() == 8);
  CHECK(simulated[0] == doctest::Approx(17));
  CHECK(simulated[1] == doctest::Approx(34));
  CHECK(simulated[2] == doctest::Approx(2));
  CHECK(simulated[3] == doctest::Approx(10));
  CHECK(simulated[4] == doctest::Approx(23));
  CHECK(simulated[5] == doctest::Approx(27));
}
