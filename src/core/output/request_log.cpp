#include "core/output/request_log.hpp"

#include "core/output/column_table.hpp"
#include "core/output/gzip_parts.hpp"

#include <fmt/format.h>
#include <iterator>

namespace muxsim {

namespace {

const char* placement(const CostBreakdown& c) {
  if (c.local) return "local";
  if (c.at_edge) return "edge";
  return c.server_ms > 0 || c.upload_ms > 0 ? "cloud" : "none";
}

// One request as its row sees it.
struct RequestRow {
  long run;
  std::size_t request;
  long phone;
  const CostBreakdown& c;
};

// In the order of the file's columns; times in ms with six decimals.
// The file's columns (core/output/column_table.hpp), in order.
const Column<RequestRow> kColumns[] = {
    {"run", [](std::string& o, const RequestRow& r) { put(o, "{}", r.run); }},
    {"request", [](std::string& o, const RequestRow& r) { put(o, "{}", r.request); }},
    {"phone", [](std::string& o, const RequestRow& r) { put(o, "{}", r.phone); }},
    {"start_s", [](std::string& o, const RequestRow& r) { put(o, "{:.6f}", r.c.start_s); }},
    {"wifi_mbps", [](std::string& o, const RequestRow& r) { put(o, "{:.6g}", r.c.wifi_mbps); }},
    {"placement", [](std::string& o, const RequestRow& r) { o += placement(r.c); }},
    {"correct", [](std::string& o, const RequestRow& r) { o += r.c.correct ? '1' : '0'; }},
    {"mux_ms", [](std::string& o, const RequestRow& r) { put(o, "{:.6f}", r.c.mux_ms); }},
    {"local_ms", [](std::string& o, const RequestRow& r) { put(o, "{:.6f}", r.c.local_ms); }},
    {"upload_ms", [](std::string& o, const RequestRow& r) { put(o, "{:.6f}", r.c.upload_ms); }},
    {"queue_ms", [](std::string& o, const RequestRow& r) { put(o, "{:.6f}", r.c.queue_ms); }},
    {"server_ms", [](std::string& o, const RequestRow& r) { put(o, "{:.6f}", r.c.server_ms); }},
    {"download_ms", [](std::string& o, const RequestRow& r) { put(o, "{:.6f}", r.c.download_ms); }},
    {"latency_ms", [](std::string& o, const RequestRow& r) { put(o, "{:.6f}", r.c.latency_ms()); }},
    {"phone_energy_mj",
     [](std::string& o, const RequestRow& r) { put(o, "{:.6f}", r.c.phone_energy_mj()); }},
    {"total_gflops",
     [](std::string& o, const RequestRow& r) { put(o, "{:.6f}", r.c.total_gflops()); }},
};

// With [mobility]: where the request's phone was attached as it started.
const Column<RequestRow> kPositionColumns[] = {
    {"cell", [](std::string& o, const RequestRow& r) { put(o, "{}", r.c.cell); }},
    {"distance_m", [](std::string& o, const RequestRow& r) { put(o, "{:.3f}", r.c.distance_m); }},
};

} // namespace

std::string request_log_header(bool positions) {
  std::string header = header_of(kColumns);
  if (!positions) return header;
  header.back() = ',';
  return header + header_of(kPositionColumns);
}

void write_request_log_part(const std::string& path, long run,
                            const std::vector<CostBreakdown>& costs, long phones, bool positions) {
  GzipPartWriter part(path, run);
  std::string line, more;
  for (std::size_t k = 0; k < costs.size(); ++k) {
    const RequestRow row{run, k, static_cast<long>(k) % phones, costs[k]};
    write_line(line, kColumns, row);
    if (positions) {
      write_line(more, kPositionColumns, row);
      line.back() = ',';
      line += more;
    }
    part.add(line);
  }
  part.close();
}

} // namespace muxsim
