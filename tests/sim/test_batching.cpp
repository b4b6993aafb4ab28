// Dynamic batching with a max batch of 4, a max wait of 10 ms and L(b) = 10 ms (1 + 0.5 (b-1)).
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

namespace {

std::unique_ptr<Prepared> batched(const char* name, const char* phones, const char* requests) {
  return test::tiny_scenario(
      name, std::string("requests = ") + requests,
      std::string("[policy]\npolicies = cloud-only\n[load]\nphones = ") + phones +
          "\n[servers]\nbatch_max = 4\nbatch_wait_ms = 10\nbatch_slope = 0.5\n");
}

} // namespace

TEST_CASE("batching: four requests at once form a full batch at once, run in L(4) = 25 ms") {
  const auto p = batched("batch4", "4", "4");
  const auto t = test::timings(*p, "cloud-only", p->run_points()[0], true);
  for (long k = 0; k < 4; ++k) {
    CHECK(test::stage(t, k, test::kQueue) == doctest::Approx(0));
    CHECK(test::stage(t, k, test::kServer) == doctest::Approx(25));
  }
}

TEST_CASE("batching: two requests wait the 10 ms max wait, then run as a batch of 2 in 15 ms") {
  const auto p = batched("batch2", "2", "2");
  const auto t = test::timings(*p, "cloud-only", p->run_points()[0], true);
  for (long k = 0; k < 2; ++k) {
    CHECK(test::stage(t, k, test::kQueue) == doctest::Approx(10));
    CHECK(test::stage(t, k, test::kServer) == doctest::Approx(15));
  }
}

TEST_CASE("batching: a lone phone waits the max wait every time, as the closed form says") {
  const auto p = batched("batch1", "1", "4");
  const RunPoint point = p->run_points()[0];
  const auto closed = test::timings(*p, "cloud-only", point, false);
  const auto simulated = test::timings(*p, "cloud-only", point, true);
  CHECK(test::stage(closed, 0, test::kQueue) == 10);
  REQUIRE(simulated.size() == closed.size());
  for (std::size_t i = 0; i < closed.size(); ++i)
    CHECK(simulated[i] == doctest::Approx(closed[i]));
}
