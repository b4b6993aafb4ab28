#include "core/output/request_log.hpp"

#include "core/formats/input_error.hpp"

#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <zlib.h>

namespace muxsim {

namespace {

const char* placement(const CostBreakdown& c) {
  if (c.local) return "local";
  if (c.at_edge) return "edge";
  return c.server_ms > 0 || c.upload_ms > 0 ? "cloud" : "none";
}

} // namespace

std::string request_log_part(const std::string& path, long run) {
  return fmt::format("{}.part-{}", path, run);
}

void write_request_log_part(const std::string& path, long run,
                            const std::vector<CostBreakdown>& costs, long phones) {
  const std::string part = request_log_part(path, run);
  gzFile out = gzopen(part.c_str(), "wb6");
  if (!out) throw InputError(part + ": cannot write");
  std::string text;
  for (std::size_t k = 0; k < costs.size(); ++k) {
    const CostBreakdown& c = costs[k];
    text +=
        fmt::format("{},{},{},{:.6f},{:.6g},{},{},{:.6f},{:.6f},{:.6f},{:.6f},{:.6f},{:.6f},{:.6f},"
                    "{:.6f},{:.6f}\n",
                    run, k, static_cast<long>(k) % phones, c.start_s, c.wifi_mbps, placement(c),
                    c.correct ? 1 : 0, c.mux_ms, c.local_ms, c.upload_ms, c.queue_ms, c.server_ms,
                    c.download_ms, c.latency_ms(), c.phone_energy_mj(), c.total_gflops());
    if (text.size() > (1 << 20)) {
      gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
      text.clear();
    }
  }
  gzwrite(out, text.data(), static_cast<unsigned>(text.size()));
  if (gzclose(out) != Z_OK) throw InputError(part + ": write failed");
}

void join_request_log(const std::string& path, const std::vector<long>& runs) {
  const std::string temporary = path + ".tmp";
  const std::string header = path + ".part-header";
  gzFile head = gzopen(header.c_str(), "wb6");
  if (!head) throw InputError(header + ": cannot write");
  gzputs(head, kRequestLogHeader);
  gzclose(head);
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(path + ": cannot write");
    std::ifstream first(header, std::ios::binary);
    out << first.rdbuf();
    first.close();
    std::remove(header.c_str());
    for (long run : runs) {
      const std::string part = request_log_part(path, run);
      std::ifstream in(part, std::ios::binary);
      if (in) out << in.rdbuf();
      std::remove(part.c_str());
    }
    if (!out) throw InputError(path + ": write failed");
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0)
    throw InputError(path + ": cannot replace file");
}

void remove_request_log_parts(const std::string& path, const std::vector<long>& runs) {
  for (long run : runs)
    std::remove(request_log_part(path, run).c_str());
  std::remove((path + ".part-header").c_str());
  std::remove((path + ".tmp").c_str());
}

} // namespace muxsim
