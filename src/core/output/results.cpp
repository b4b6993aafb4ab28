#include "core/output/results.hpp"
#include "core/config/read_scenario.hpp"

#include "core/base/input_error.hpp"
#include "core/output/load.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <set>
#include <sstream>
#include <unistd.h>

namespace muxsim {

namespace {

std::string quoted(const std::string& text) {
  if (text.find_first_of(",\"\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text)
    out += (c == '"') ? std::string("\"\"") : std::string(1, c == '\n' ? ' ' : c);
  return out + "\"";
}

// The numeric columns of a Summary, in order, each with the field it reads: one table serves
// the CSV header, its rows and the child-to-parent hand-over, so they can never disagree.
struct SummaryColumn {
  const char* name;
  double Summary::*field;
};
constexpr SummaryColumn kSummaryColumns[] = {
    {"accuracy", &Summary::accuracy},
    {"local_fraction", &Summary::local_fraction},
    {"edge_fraction", &Summary::edge_fraction},
    {"miss_rate", &Summary::miss_rate},
    {"latency_ms_mean", &Summary::latency_ms_mean},
    {"latency_ms_p50", &Summary::latency_ms_p50},
    {"latency_ms_p95", &Summary::latency_ms_p95},
    {"latency_ms_p99", &Summary::latency_ms_p99},
    {"phone_energy_mj", &Summary::phone_energy_mj},
    {"phone_compute_mj", &Summary::phone_compute_mj},
    {"phone_radio_mj", &Summary::phone_radio_mj},
    {"phone_tx_mj", &Summary::phone_tx_mj},
    {"phone_rx_mj", &Summary::phone_rx_mj},
    {"phone_idle_mj", &Summary::phone_idle_mj},
    {"phone_gflops", &Summary::phone_gflops},
    {"cloud_gflops", &Summary::cloud_gflops},
    {"edge_gflops", &Summary::edge_gflops},
    {"total_gflops", &Summary::total_gflops},
    {"mux_ms_mean", &Summary::mux_ms_mean},
    {"local_ms_mean", &Summary::local_ms_mean},
    {"upload_ms_mean", &Summary::upload_ms_mean},
    {"queue_ms_mean", &Summary::queue_ms_mean},
    {"server_ms_mean", &Summary::server_ms_mean},
    {"download_ms_mean", &Summary::download_ms_mean},
    {"upload_air_ms_mean", &Summary::upload_air_ms_mean},
    {"download_air_ms_mean", &Summary::download_air_ms_mean},
    {"share_mux", &Summary::share_mux},
    {"share_local", &Summary::share_local},
    {"share_upload", &Summary::share_upload},
    {"share_queue", &Summary::share_queue},
    {"share_server", &Summary::share_server},
    {"share_download", &Summary::share_download},
    {"load_air", &Summary::load_air},
    {"load_wan", &Summary::load_wan},
    {"load_edge", &Summary::load_edge},
    {"load_cloud", &Summary::load_cloud},
    {"load_max", &Summary::load_max},
};

} // namespace

std::string results_header(const ResultColumns& columns) {
  std::string h = "run,scenario,seed,mode,policy,requests,bandwidth_mbps,cells,phones,"
                  "arrival_rate_hz,deadline_ms,";
  for (const auto& key : columns.swept)
    h += key + ",";
  h += "wifi_standard,channel,trace_mean_mbps,";
  for (const auto& c : kSummaryColumns)
    h += std::string(c.name) + ",";
  h.pop_back();
  for (const auto& m : columns.models)
    h += ",called_" + m;
  return h + ",overload,trace,note,status,error\n";
}

std::string result_line(const ResultRow& row, const ResultColumns& columns) {
  const std::vector<std::string>& models = columns.models;
  const Summary& s = row.summary;
  std::string line = fmt::format("{},{},{},{},{},{},{:.6g},{},{},{:.6g},{:.6g}", row.run,
                                 quoted(row.scenario), row.point.seed, mode_name(row.mode),
                                 row.policy, s.requests, row.point.bandwidth_mbps, row.point.cells,
                                 row.point.phones, row.point.arrival_rate_hz, row.deadline_ms);
  for (const auto& column : columns.swept) {
    std::string value;
    for (const auto& [name, v] : row.swept)
      if (name == column) value = v;
    line += "," + quoted(value);
  }
  line += fmt::format(",{},{},", row.wifi_standard, row.channel);
  if (row.trace_mean_mbps >= 0) line += fmt::format("{:.6g}", row.trace_mean_mbps);
  for (const auto& c : kSummaryColumns)
    line += row.status == RunStatus::Ok ? fmt::format(",{:.6f}", s.*c.field) : ",";
  for (const auto& m : models) {
    double called = 0;
    for (std::size_t i = 0; i < row.models.size(); ++i)
      if (row.models[i] == m && i < s.called.size()) called = s.called[i];
    line += row.status == RunStatus::Ok ? fmt::format(",{:.6f}", called) : ",";
  }
  const bool ok = row.status == RunStatus::Ok;
  return line + fmt::format(",{},{},{},{},{}\n", ok ? overloaded_resources(s, row.overload_at) : "",
                            quoted(row.provenance), quoted(row.note),
                            row.status == RunStatus::Ok ? "ok" : "failed", quoted(row.error));
}

bool has_fixed_result_column(const std::string& name) {
  for (const char* fixed : {"requests", "deadline_ms", "wifi_standard", "channel"})
    if (name == fixed) return true;
  return false;
}

ResultColumns result_columns(const std::vector<ResultRow>& rows) {
  std::set<std::string> models;
  ResultColumns columns;
  for (const auto& r : rows) {
    models.insert(r.models.begin(), r.models.end());
    for (const auto& [name, value] : r.swept)
      if (std::find(columns.swept.begin(), columns.swept.end(), name) == columns.swept.end())
        columns.swept.push_back(name);
  }
  columns.models = {models.begin(), models.end()};
  return columns;
}

long run_of_line(const std::string& line) {
  const auto comma = line.find(',');
  if (comma == 0 || comma == std::string::npos) return -1;
  long run = 0;
  for (std::size_t i = 0; i < comma; ++i) {
    if (line[i] < '0' || line[i] > '9') return -1;
    run = run * 10 + (line[i] - '0');
  }
  return run;
}

std::string summary_to_text(const Summary& s) {
  std::string out = fmt::format("{} {}", s.requests, s.called.size());
  for (const auto& c : kSummaryColumns)
    out += fmt::format(" {:a}", s.*c.field);
  for (double c : s.called)
    out += fmt::format(" {:a}", c);
  return out;
}

Summary summary_from_text(const std::string& text) {
  Summary s;
  std::istringstream in(text);
  std::size_t called = 0;
  in >> s.requests >> called;
  auto next = [&in]() {
    std::string token;
    in >> token;
    return std::strtod(token.c_str(), nullptr);
  };
  for (const auto& c : kSummaryColumns)
    s.*c.field = next();
  for (std::size_t i = 0; i < called; ++i)
    s.called.push_back(next());
  return s;
}

void write_atomically(const std::string& path, const std::string& content) {
  const std::string temporary = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    if (!out) throw InputError(path + ": cannot write (is the folder there and writable?)");
    out << content;
    out.flush();
    if (!out) {
      std::remove(temporary.c_str());
      throw InputError(path + ": write failed");
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::remove(temporary.c_str());
    throw InputError(path + ": cannot replace file");
  }
}

} // namespace muxsim
