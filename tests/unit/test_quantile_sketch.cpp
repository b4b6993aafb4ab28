// The streaming percentiles (core/output/quantile_sketch.hpp) against the exact ones.
#include "core/output/quantile_sketch.hpp"
#include "core/output/summary.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <vector>

using muxsim::QuantileSketch;

namespace {

// Latency-like values spread over five decades, heavy-tailed, from a fixed splitmix64 stream.
std::vector<double> latencies(long n) {
  std::vector<double> out;
  std::uint64_t state = 12345;
  for (long i = 0; i < n; ++i) {
    std::uint64_t z = (state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    const double u = static_cast<double>(z >> 11) / 9007199254740992.0; // [0, 1)
    out.push_back(0.5 * std::pow(10.0, 5 * u * u));
  }
  return out;
}

} // namespace

TEST_CASE("the sketch's p50, p95 and p99 are within 0.1 % of the exact ones") {
  for (long n : {1L, 2L, 7L, 100L, 10007L, 200000L}) {
    CAPTURE(n);
    const auto values = latencies(n);
    QuantileSketch sketch;
    for (double v : values)
      sketch.add(v);
    REQUIRE(sketch.count() == n);
    for (double q : {0.0, 0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
      CAPTURE(q);
      const double exact = muxsim::percentile(values, q);
      CHECK(std::abs(sketch.quantile(q) / exact - 1) <= QuantileSketch::kRelativeAccuracy);
      CHECK(std::abs(sketch.quantile(q) / exact - 1) <= 1e-3);
    }
  }
}

TEST_CASE("the sketch's memory follows the values' range, not their count") {
  QuantileSketch small, large;
  const auto values = latencies(300000);
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (i < 3000) small.add(values[i]);
    large.add(values[i]);
  }
  // Five decades span 17.6 binades at most, each of ceil(ln 2 / ln gamma) = 693 buckets
  // (gamma = (1 + a) / (1 - a)): 18 x 693 = 12,474 buckets at most, 100 KB.
  const double per_binade = std::ceil(std::log(2.0) / std::log((1 + 5e-4) / (1 - 5e-4)));
  const double most = std::ceil(5 * std::log2(10.0) + 1) * per_binade;
  CHECK(static_cast<double>(small.buckets()) <= most);
  CHECK(static_cast<double>(large.buckets()) <= most);
}

TEST_CASE("zeros, a single value, and values below 0.5 ms") {
  QuantileSketch s;
  CHECK(s.quantile(0.5) == 0);
  s.add(0);
  s.add(0);
  s.add(0.01);
  CHECK(s.quantile(0.5) == 0);
  CHECK(s.quantile(1.0) == doctest::Approx(0.01).epsilon(5e-4));
  QuantileSketch one;
  one.add(42.0);
  CHECK(one.quantile(0.95) == doctest::Approx(42.0).epsilon(5e-4));
  CHECK(one.buckets() == 1);
}
