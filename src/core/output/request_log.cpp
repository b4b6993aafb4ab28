#include "core/output/request_log.hpp"

#include "core/output/gzip_parts.hpp"

#include <fmt/format.h>

namespace muxsim {

namespace {

const char* placement(const CostBreakdown& c) {
  if (c.local) return "local";
  if (c.at_edge) return "edge";
  return c.server_ms > 0 || c.upload_ms > 0 ? "cloud" : "none";
}

} // namespace

void write_request_log_part(const std::string& path, long run,
                            const std::vector<CostBreakdown>& costs, long phones) {
  GzipPartWriter part(path, run);
  for (std::size_t k = 0; k < costs.size(); ++k) {
    const CostBreakdown& c = costs[k];
    part.add(
        fmt::format("{},{},{},{:.6f},{:.6g},{},{},{:.6f},{:.6f},{:.6f},{:.6f},{:.6f},{:.6f},{:.6f},"
                    "{:.6f},{:.6f}\n",
                    run, k, static_cast<long>(k) % phones, c.start_s, c.wifi_mbps, placement(c),
                    c.correct ? 1 : 0, c.mux_ms, c.local_ms, c.upload_ms, c.queue_ms, c.server_ms,
                    c.download_ms, c.latency_ms(), c.phone_energy_mj(), c.total_gflops()));
  }
  part.close();
}

} // namespace muxsim
