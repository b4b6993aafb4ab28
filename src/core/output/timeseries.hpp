#pragma once
// Per-minute output of simulated runs (muxsim run --timeseries FILE.csv.gz): for each minute
// of simulated time, the requests that completed in it, their mean and p95 latency, the p95
// of each tier (local, edge, cloud) and the deadline misses. Percentiles come from
// QuantileSketch (within 0.05 %), so a run's series holds a few sketches a minute however
// many requests it has. Written as gzip parts (core/output/gzip_parts.hpp).
#include "core/model/cost_breakdown.hpp"
#include "core/output/quantile_sketch.hpp"

#include <string>
#include <vector>

namespace muxsim {

// The header line, from the same column table the rows are written by.
const std::string& timeseries_header();

class MinuteSeries {
public:
  // `deadline_ms` > 0 counts the requests slower than it as misses.
  explicit MinuteSeries(double deadline_ms) : deadline_ms_(deadline_ms) {}
  // A completed request, in the minute it completed (start_s plus its latency).
  void add(const CostBreakdown& c);
  // Writes the run's rows, one per minute from the first to the last with a completion.
  void write_part(const std::string& path, long run) const;

  // One minute's completions: what its row is written from (timeseries.cpp's columns).
  struct Minute {
    double latency_sum = 0;
    long misses = 0;
    QuantileSketch all, local, edge, cloud;
  };

private:
  double deadline_ms_;
  std::vector<Minute> minutes_;
};

} // namespace muxsim
