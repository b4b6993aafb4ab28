// Open-loop Poisson arrivals: mean gap 1/rate under a fixed seed; queueing appears when the
// arrival rate nears the server's capacity.
#include "core/model/arrivals.hpp"
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

TEST_CASE("Poisson arrivals at 50/s: the mean gap is 20 ms within 1 % over 200,000 arrivals") {
  // The standard error of the mean of 200,000 exponential gaps is 0.22 % of the mean.
  PoissonArrivals a(42, 0, 50.0);
  double last = 0;
  const int n = 200000;
  for (int i = 0; i < n; ++i)
    last = a.next();
  CHECK(last / n == doctest::Approx(0.02).epsilon(0.01));
  PoissonArrivals same(42, 0, 50.0), other(42, 1, 50.0);
  const double first = same.next();
  CHECK(first == PoissonArrivals(42, 0, 50.0).next());
  CHECK(first != other.next());
}

TEST_CASE("open loop: near the server's capacity requests queue; far below, rarely") {
  // Cloud compute is 10 ms: one worker serves 100 requests/s.
  auto mean_queue = [](const char* name, const char* rate) {
    const auto p =
        test::tiny_scenario(name, "requests = 2000",
                            std::string("[policy]\npolicies = cloud-only\n") +
                                "[load]\narrival = poisson\narrival_rate_hz = " + rate + "\n");
    const auto t = test::timings(*p, "cloud-only", p->run_points()[0], true);
    double sum = 0;
    for (long k = 0; k < 2000; ++k)
      sum += test::stage(t, k, test::kQueue);
    return sum / 2000;
  };
  const double light = mean_queue("light", "10"), heavy = mean_queue("heavy", "90");
  // M/D/1: Wq = rho S / (2 (1 - rho)): 0.56 ms at rho = 0.1, 45 ms at rho = 0.9.
  CHECK(light == doctest::Approx(0.556).epsilon(0.3));
  CHECK(heavy > 20);
}
