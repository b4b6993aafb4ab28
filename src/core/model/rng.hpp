#pragma once
// A small seeded generator (splitmix64) whose output is the same on every platform and
// standard library, so a seed gives byte-identical results everywhere (docs/invariants.md #3).
// std::exponential_distribution and friends are implementation-defined; this is not.
#include <cmath>
#include <cstdint>

namespace muxsim {

class Rng {
public:
  // One independent stream per (seed, who, purpose), e.g. (run seed, phone, arrivals).
  Rng(std::uint64_t seed, std::uint64_t who, std::uint64_t purpose)
      : state_(mix(mix(seed) ^ (who * 0x9E3779B97F4A7C15ULL) ^ (purpose << 56))) {}

  std::uint64_t next() { return mix(state_ += 0x9E3779B97F4A7C15ULL); }
  // Uniform in [0, 1), 53 random bits.
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
  // Exponential with the given mean, by inversion.
  double exponential(double mean) { return -mean * std::log1p(-uniform()); }

private:
  static std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::uint64_t state_;
};

// Purposes, so streams for different things never coincide.
enum RngPurpose : std::uint64_t {
  kRates = 1,
  kMarkov = 2,
  kArrivals = 3,
  kBootstrap = 4,
  kExploration = 5,
  kRandomOffload = 6,
  kWalks = 7,
  kPositions = 8,
  kCollisions = 9
};

} // namespace muxsim
