#include "core/output/timeseries.hpp"

#include "core/output/gzip_parts.hpp"

#include <cmath>
#include <fmt/format.h>

namespace muxsim {

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
  for (std::size_t i = 0; i < minutes_.size(); ++i) {
    const Minute& m = minutes_[i];
    const long n = m.all.count();
    const auto p95 = [](const QuantileSketch& s) {
      return s.count() > 0 ? fmt::format("{:.6f}", s.quantile(0.95)) : std::string();
    };
    part.add(fmt::format("{},{},{},{},{},{},{},{},{},{},{},{}\n", run, i, n,
                         n > 0 ? fmt::format("{:.6f}", m.latency_sum / static_cast<double>(n))
                               : std::string(),
                         p95(m.all), m.local.count(), p95(m.local), m.edge.count(), p95(m.edge),
                         m.cloud.count(), p95(m.cloud), m.misses));
  }
  part.close();
}

} // namespace muxsim
