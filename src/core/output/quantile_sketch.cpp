#include "core/output/quantile_sketch.hpp"

#include <algorithm>
#include <cmath>

namespace muxsim {

namespace {

// The lower bounds of the buckets within one binade of mantissas, [0.5, 1): 0.5, 0.5 gamma,
// 0.5 gamma^2, ... below 1. The last bucket ends at 1, so it spans less than gamma.
const std::vector<double>& mantissa_bounds() {
  static const std::vector<double> bounds = [] {
    constexpr double a = QuantileSketch::kRelativeAccuracy;
    const double gamma = (1 + a) / (1 - a);
    std::vector<double> b;
    for (double m = 0.5; m < 1; m *= gamma)
      b.push_back(m);
    return b;
  }();
  return bounds;
}

// Bucket e * M + k holds [0.5 gamma^k 2^e, 0.5 gamma^(k+1) 2^e), in frexp's terms.
long bucket_of(double value) {
  const auto& bounds = mantissa_bounds();
  int exponent = 0;
  const double mantissa = std::frexp(value, &exponent);
  const auto k = std::upper_bound(bounds.begin(), bounds.end(), mantissa) - bounds.begin() - 1;
  return static_cast<long>(exponent) * static_cast<long>(bounds.size()) + k;
}

// A bucket's value: the harmonic mean of its bounds lo and hi, whose relative distance from
// any value between them is at most (hi - lo) / (hi + lo) <= (gamma - 1) / (gamma + 1) = a.
double value_of(long bucket) {
  const auto& bounds = mantissa_bounds();
  const auto m = static_cast<long>(bounds.size());
  // Floor division: negative buckets hold values below 0.5.
  const long exponent = bucket >= 0 ? bucket / m : -((-bucket + m - 1) / m);
  const auto k = static_cast<std::size_t>(bucket - exponent * m);
  const double lo = std::ldexp(bounds[k], static_cast<int>(exponent));
  const double hi =
      std::ldexp(k + 1 < bounds.size() ? bounds[k + 1] : 1.0, static_cast<int>(exponent));
  return 2 * lo * hi / (lo + hi);
}

} // namespace

void QuantileSketch::add(double value) {
  ++count_;
  if (value <= 0) {
    ++zeros_;
    return;
  }
  const long bucket = bucket_of(value);
  if (counts_.empty()) {
    first_ = bucket;
    counts_.push_back(0);
  } else if (bucket < first_) {
    counts_.insert(counts_.begin(), static_cast<std::size_t>(first_ - bucket), 0);
    first_ = bucket;
  } else if (bucket >= first_ + static_cast<long>(counts_.size())) {
    counts_.resize(static_cast<std::size_t>(bucket - first_ + 1), 0);
  }
  ++counts_[static_cast<std::size_t>(bucket - first_)];
}

double QuantileSketch::order_statistic(long rank) const {
  if (rank < zeros_) return 0;
  long seen = zeros_;
  for (std::size_t i = 0; i < counts_.size(); ++i) {
    seen += static_cast<long>(counts_[i]);
    if (rank < seen) return value_of(first_ + static_cast<long>(i));
  }
  return value_of(first_ + static_cast<long>(counts_.size()) - 1);
}

double QuantileSketch::quantile(double q) const {
  if (count_ == 0) return 0;
  const double rank = q * static_cast<double>(count_ - 1);
  const auto lo = static_cast<long>(std::floor(rank));
  const long hi = std::min(lo + 1, count_ - 1);
  const double at_lo = order_statistic(lo);
  return at_lo + (rank - static_cast<double>(lo)) * (order_statistic(hi) - at_lo);
}

} // namespace muxsim
