// Server options beyond one FIFO queue: a queue per model, and a WAN that follows a trace.
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

// Two phones at once; hybrid-single sends input a to mid (5 ms) and input b to big (10 ms).
// With one queue and one worker, one of them waits for the other; with a queue and a worker
// per model, neither waits.
TEST_CASE("a queue per model: requests for different models do not wait for each other") {
  auto total_wait = [](const char* name, const char* per_model) {
    const auto p =
        test::tiny_scenario(name, "requests = 2",
                            std::string("cloud_models = mid,big\n") +
                                "[policy]\npolicies = hybrid-single\n[load]\nphones = 2\n"
                                "[servers]\nqueue_per_model = " +
                                per_model + "\n");
    const auto t = test::timings(*p, "hybrid-single", p->run_points()[0], true);
    CHECK(test::stage(t, 0, test::kServer) == doctest::Approx(5));
    CHECK(test::stage(t, 1, test::kServer) == doctest::Approx(10));
    return test::stage(t, 0, test::kQueue) + test::stage(t, 1, test::kQueue);
  };
  CHECK(total_wait("one-queue", "false") > 4.9);
  CHECK(total_wait("per-model", "true") == doctest::Approx(0));
}

// The WAN runs at 8 Mbit/s (1 MB/s) for the first second, then 80 Mbit/s. SimGrid bounds a
// flow by its wired links' bandwidth when it starts, so a 2 MB upload over fast Wi-Fi goes
// in 300 kB chunks: three by 0.9 s, the fourth started at the old rate ends at 1.2 s, and
// the last 0.8 MB take 80 ms at 10 MB/s: 1.28 s (sent whole it would take 2 s).
TEST_CASE("the WAN follows a bandwidth trace through a SimGrid profile") {
  test::write_temp("wan.tsv", "seconds\tmbit_per_second\n0\t8\n1\t80\n");
  const std::string wan = "wan.tsv";
  const auto p =
      test::tiny_scenario("wan-trace", "requests = 1",
                          "[policy]\npolicies = cloud-only\n[network]\nwan_trace = " + wan +
                              "\nbandwidth_mbps = 1000\nupload_bytes = 2000000\n"
                              "trace_loop = false\nchunk_bytes = 300000\n");
  const auto t = test::timings(*p, "cloud-only", p->run_points()[0], true);
  CHECK(test::stage(t, 0, test::kUpload) == doctest::Approx(1280).epsilon(1e-6));
}

// A value the readers refuse (a latency of 1e308 ms) put straight into the deployment: SimGrid
// ends such a run as deadlocked, and simulate must not hand back its unfinished requests as
// if they were served.
TEST_CASE("a run SimGrid ends with requests unserved is an error, not a result") {
  auto p = test::tiny_scenario("deadlock", "requests = 2", "[policy]\npolicies = mobile-only\n");
  p->deployment.mobile_profile.latency_ms = 1e308;
  CHECK_THROWS_WITH(test::timings(*p, "mobile-only", p->run_points()[0], true),
                    doctest::Contains("0 of 2 requests served"));
}
