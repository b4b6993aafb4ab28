// docs/invariants.md #6: a worker is free when its compute ends. Three phones, one GPU worker,
// 5 ms of one-way WAN latency, 10 ms of compute, empty messages (so a transfer is the
// latency alone). By hand, with a FIFO server:
//   round 1: all three arrive at 5 ms; they start at 5, 15, 25: waits 0, 10, 20 ms.
//   Each phone has its answer 5 ms after its compute ends (20, 30, 40 ms) and is back
//   5 ms later (25, 35, 45 ms); the server frees at 35, 45, 55: every later wait is 10 ms.
// A worker that waited for its reply to arrive would be busy 15 ms per request, and the
// waits would grow to 15-20 ms.
#include "sim_fixture.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace muxsim;

TEST_CASE("FIFO: with WAN latency and three phones, queue waits equal a FIFO server's") {
  const auto p = test::tiny_scenario("fifo", "requests = 12",
                                     "[policy]\npolicies = cloud-only\n"
                                     "[network]\nwan_latency_ms = 5\n"
                                     "[load]\nphones = 3\n");
  const auto t = test::timings(*p, "cloud-only", p->run_points()[0], true);
  std::vector<double> first = {test::stage(t, 0, test::kQueue), test::stage(t, 1, test::kQueue),
                               test::stage(t, 2, test::kQueue)};
  std::sort(first.begin(), first.end());
  CHECK(first[0] == doctest::Approx(0));
  CHECK(first[1] == doctest::Approx(10));
  CHECK(first[2] == doctest::Approx(20));
  for (long k = 3; k < 12; ++k) {
    INFO("request ", k);
    CHECK(test::stage(t, k, test::kQueue) == doctest::Approx(10));
    CHECK(test::stage(t, k, test::kUpload) == doctest::Approx(5));
    CHECK(test::stage(t, k, test::kServer) == doctest::Approx(10));
    CHECK(test::stage(t, k, test::kDownload) == doctest::Approx(5));
  }
}

TEST_CASE("FIFO: two workers serve two phones without waits") {
  const auto p = test::tiny_scenario("fifo2", "requests = 8",
                                     "[policy]\npolicies = cloud-only\n"
                                     "[network]\nwan_latency_ms = 5\n"
                                     "[load]\nphones = 2\n[servers]\ngpu_workers = 2\n");
  const auto t = test::timings(*p, "cloud-only", p->run_points()[0], true);
  for (long k = 0; k < 8; ++k)
    CHECK(test::stage(t, k, test::kQueue) == doctest::Approx(0));
}
