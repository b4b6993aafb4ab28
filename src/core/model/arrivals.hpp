#pragma once
// Open-loop arrivals: each phone issues requests as a Poisson process of its own, seeded per
// (run seed, phone), whether or not its earlier requests have been answered.
#include "core/model/rng.hpp"

namespace muxsim {

class PoissonArrivals {
public:
  PoissonArrivals(long seed, long phone, double rate_hz)
      : rng_(static_cast<std::uint64_t>(seed), static_cast<std::uint64_t>(phone), kArrivals),
        mean_gap_s_(1.0 / rate_hz) {}
  // The time of the next arrival, s: the previous plus an exponential gap of mean 1 / rate.
  double next() { return clock_ += rng_.exponential(mean_gap_s_); }

private:
  Rng rng_;
  double mean_gap_s_;
  double clock_ = 0;
};

} // namespace muxsim
