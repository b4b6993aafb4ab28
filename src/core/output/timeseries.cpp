#include "core/output/timeseries.hpp"

#include "core/output/column_table.hpp"
#include "core/output/gzip_parts.hpp"

#include <cmath>
#include <fmt/format.h>
#include <iterator>

namespace muxsim {

namespace {

// One minute of a run as its row sees it.
struct MinuteRow {
  long run;
  std::size_t minute;
  const MinuteSeries::Minute& m;
};

// A tier's p95 with six decimals; empty in a minute where the tier completed nothing.
void p95(std::string& out, const QuantileSketch& s) {
  if (s.count() > 0) put(out, "{:.6f}", s.quantile(0.95));
}

// In the order of the file's columns.
// The file's columns (core/output/column_table.hpp), in order.
const Column<MinuteRow> kColumns[] = {
    {"run", [](std::string& o, const MinuteRow& r) { put(o, "{}", r.run); }},
    {"minute", [](std::string& o, const MinuteRow& r) { put(o, "{}", r.minute); }},
    {"requests", [](std::string& o, const MinuteRow& r) { put(o, "{}", r.m.all.count()); }},
    {"latency_ms_mean",
     [](std::string& o, const MinuteRow& r) {
       const long n = r.m.all.count();
       if (n > 0) put(o, "{:.6f}", r.m.latency_sum / static_cast<double>(n));
     }},
    {"latency_ms_p95", [](std::string& o, const MinuteRow& r) { p95(o, r.m.all); }},
    {"local_requests", [](std::string& o, const MinuteRow& r) { put(o, "{}", r.m.local.count()); }},
    {"local_p95_ms", [](std::string& o, const MinuteRow& r) { p95(o, r.m.local); }},
    {"edge_requests", [](std::string& o, const MinuteRow& r) { put(o, "{}", r.m.edge.count()); }},
    {"edge_p95_ms", [](std::string& o, const MinuteRow& r) { p95(o, r.m.edge); }},
    {"cloud_requests", [](std::string& o, const MinuteRow& r) { put(o, "{}", r.m.cloud.count()); }},
    {"cloud_p95_ms", [](std::string& o, const MinuteRow& r) { p95(o, r.m.cloud); }},
    {"misses", [](std::string& o, const MinuteRow& r) { put(o, "{}", r.m.misses); }},
};

} // namespace

const std::string& timeseries_header() {
  static const std::string header = header_of(kColumns);
  return header;
}

void MinuteSeries::add(const CostBreakdown& c) {
  const double ms = c.latency_ms();
  const auto minute = static_cast<std::size_t>(std::floor((c.start_s + ms * 1e-3) / 60));
  if (minute >= minutes_.size()) minutes_.resize(minute + 1);
  Minute& m = minutes_[minute];
  m.latency_sum += ms;
  m.misses += deadline_ms_ > 0 && ms > deadline_ms_;
  m.all.add(ms);
  (c.local ? m.local : c.at_edge ? m.edge : m.cloud).add(ms);
}

void MinuteSeries::write_part(const std::string& path, long run) const {
  GzipPartWriter part(path, run);
  std::string line;
  for (std::size_t i = 0; i < minutes_.size(); ++i) {
    const MinuteRow row{run, i, minutes_[i]};
    write_line(line, kColumns, row);
    part.add(line);
  }
  part.close();
}

} // namespace muxsim
