#pragma once
// A real throughput time series (docs/formats.md), read in either of the two formats
// of ../shared/data/bandwidth/:
//   seconds,bytes_per_second      (comma separated: the wifi-walk traces)
//   seconds<TAB or space>Mbit/s   (the hsdpa-3g and fcc traces)
// The format is told by the first data line. Lines starting with '#' are comments.
#include <string>
#include <vector>

namespace muxsim {

struct BandwidthTrace {
  std::string path;
  std::vector<double> time_s; // strictly increasing, from the file (first may be > 0)
  std::vector<double> mbps;   // throughput from time_s[i] until time_s[i+1]

  // The trace's span: the last time plus the median step, so a looping trace gives its last
  // sample the same weight as the others.
  double period_s() const;
  // Time-weighted mean throughput over one period, each sample raised to at least `floor`.
  double mean_mbps(double floor = 0) const;
};

// Rejects time going backwards (or standing still), negative or non-numeric throughput,
// and a file without rows, naming file, line and field.
BandwidthTrace read_bandwidth_trace(const std::string& path);

} // namespace muxsim
