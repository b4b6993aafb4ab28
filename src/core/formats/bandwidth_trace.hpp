#pragma once
// A real throughput time series (docs/formats.md): two fields a line, seconds and a
// throughput, separated by a comma, tabs or spaces. The throughput's unit is stated, never
// guessed: by a header line `seconds,bytes_per_second` or `seconds,mbit_per_second` (any
// separator), or by the scenario's [network] trace_unit for files without one (the shared
// data's: wifi-walk in bytes/s, hsdpa-3g and fcc in Mbit/s). Lines starting with '#' are
// comments.
#include "core/base/trace_unit.hpp"

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

// Rejects an unstated unit (or a header and a trace_unit that disagree), time going
// backwards (or standing still), negative or non-numeric throughput, and a file without
// rows, naming file, line and field.
BandwidthTrace read_bandwidth_trace(const std::string& path, TraceUnit unit = TraceUnit::FromFile);

} // namespace muxsim
