// A TCP flow cannot exceed window / round trip. One phone, 1 MB up a 600 Mbit/s path with
// 40 ms of one-way latency: window / (2 x 40 ms) = 4 MiB / 0.08 s = 52.43 MB/s (419 Mbit/s)
// binds, so the upload takes 1e6 / 52,428,800 s + 40 ms = 59.07 ms, not the 53.33 ms of the
// link rate alone. The closed form and the simulation must both say so.
#include "core/model/closed_form.hpp"
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

TEST_CASE("TCP window: 1 MB over 600 Mbit/s with 40 ms latency takes 59.07 ms, both modes") {
  const double expected = 1e6 / (4194304 / 0.08) * 1e3 + 40; // 59.0735 ms
  CHECK(transfer_ms(1e6, PathSpec{600, 600, 10000, 40, 4194304}) == doctest::Approx(expected));
  CHECK(transfer_ms(1e6, PathSpec{600, 600, 10000, 0, 4194304}) == doctest::Approx(8e6 / 600e3));

  const auto p = test::tiny_scenario("tcp", "requests = 3",
                                     "[policy]\npolicies = cloud-only\n"
                                     "[network]\nbandwidth_mbps = 600\nwan_latency_ms = 40\n"
                                     "upload_bytes = 1000000\n");
  const RunPoint point = p->run_points()[0];
  const auto closed = test::timings(*p, "cloud-only", point, false);
  const auto simulated = test::timings(*p, "cloud-only", point, true);
  CHECK(test::stage(closed, 0, test::kUpload) == doctest::Approx(expected));
  REQUIRE(simulated.size() == closed.size());
  for (std::size_t i = 0; i < closed.size(); ++i)
    CHECK(simulated[i] == doctest::Approx(closed[i]).epsilon(1e-9));
}

TEST_CASE("TCP window: a larger window lifts the bound to the link rate") {
  const auto p = test::tiny_scenario("tcp2", "requests = 1",
                                     "[policy]\npolicies = cloud-only\n"
                                     "[network]\nbandwidth_mbps = 600\nwan_latency_ms = 40\n"
                                     "upload_bytes = 1000000\ntcp_window_bytes = 67108864\n");
  const auto t = test::timings(*p, "cloud-only", p->run_points()[0], true);
  CHECK(test::stage(t, 0, test::kUpload) == doctest::Approx(8e6 / 600e3 + 40));
}
