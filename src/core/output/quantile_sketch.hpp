#pragma once
// Percentiles of a run's latencies in memory that does not grow with the run: a histogram of
// logarithmic buckets, each spanning a ratio of at most gamma = (1 + a) / (1 - a), so the
// value that stands for a bucket is within a relative error a of every value in it (the
// DDSketch construction: Masson, Rim and Lee, "DDSketch", PVLDB 12(12), 2019). Debian packages
// no C or C++ HdrHistogram or DDSketch, so it is written here, in a way that gives the same
// bits on every CPU: a bucket is found from frexp's exponent and a table of mantissa bounds
// built by repeated multiplication, never from log().
#include <cstdint>
#include <vector>

namespace muxsim {

class QuantileSketch {
public:
  // Relative accuracy a: every percentile is within this fraction of the exact one.
  static constexpr double kRelativeAccuracy = 5e-4;

  // `value` >= 0 (a latency in ms).
  void add(double value);
  long count() const { return count_; }
  // Linear interpolation between closest ranks, as percentile() in summary.hpp, with each
  // order statistic replaced by its bucket's value: a weighted mean of values each within
  // kRelativeAccuracy of the exact ones, so within it of the exact percentile. q in [0, 1].
  double quantile(double q) const;
  // Buckets held: memory is 8 bytes each, bounded by the range of the values, not their count.
  std::size_t buckets() const { return counts_.size(); }

private:
  // The value standing for the `rank`-th smallest value added (0-based).
  double order_statistic(long rank) const;

  long count_ = 0, zeros_ = 0;
  long first_ = 0; // the bucket index of counts_[0]
  std::vector<std::uint64_t> counts_;
};

} // namespace muxsim
