#include "core/output/results.hpp"

#include "core/base/input_error.hpp"
#include "core/config/read_scenario.hpp"
#include "core/output/load.hpp"

#include <algorithm>
#include <cstdio>
#include <fmt/format.h>
#include <fstream>
#include <functional>
#include <iterator>
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

// One column of results.csv and how a row writes its field. The header and every row are
// made from one list of these (result_table), so a column's name and its values cannot drift
// apart, and readers find columns by the names written here.
struct ResultColumn {
  std::string name;
  std::function<std::string(const ResultRow&)> write;
};

using Write = std::string (*)(const ResultRow&);
struct FixedColumn {
  const char* name;
  Write write;
};

std::string rate(double x) {
  return fmt::format("{:.6g}", x);
}

bool ok(const ResultRow& r) {
  return r.status == RunStatus::Ok;
}

// What the run was: every file starts with these, the run number first (run_of_line).
const FixedColumn kRunColumns[] = {
    {kRunColumn, [](const ResultRow& r) { return fmt::format("{}", r.run); }},
    {"scenario", [](const ResultRow& r) { return quoted(r.scenario); }},
    {"seed", [](const ResultRow& r) { return fmt::format("{}", r.point.seed); }},
    {kModeColumn, [](const ResultRow& r) { return std::string(mode_name(r.mode)); }},
    {"policy", [](const ResultRow& r) { return r.policy; }},
    {"requests", [](const ResultRow& r) { return fmt::format("{}", r.summary.requests); }},
    {"bandwidth_mbps", [](const ResultRow& r) { return rate(r.point.bandwidth_mbps); }},
    {"cells", [](const ResultRow& r) { return fmt::format("{}", r.point.cells); }},
    {"phones", [](const ResultRow& r) { return fmt::format("{}", r.point.phones); }},
    {"arrival_rate_hz", [](const ResultRow& r) { return rate(r.point.arrival_rate_hz); }},
    {"deadline_ms", [](const ResultRow& r) { return rate(r.deadline_ms); }},
};

// What the rates mean and how they move, after the swept keys.
const FixedColumn kChannelColumns[] = {
    {"wifi_standard", [](const ResultRow& r) { return r.wifi_standard; }},
    {"channel", [](const ResultRow& r) { return r.channel; }},
    {"trace_mean_mbps",
     [](const ResultRow& r) { return r.trace_mean_mbps >= 0 ? rate(r.trace_mean_mbps) : ""; }},
};

// How phones roamed, with [mobility] only: a scenario without it keeps its columns.
constexpr SummaryColumn kMobilityColumns[] = {
    {"handovers_per_phone_hour", &Summary::handovers_per_phone_hour},
    {"handover_share", &Summary::handover_share},
    {"no_link_share", &Summary::no_link_share},
};

// How the run ended, last: a failed run has no figures, only its error.
const FixedColumn kOutcomeColumns[] = {
    {"overload",
     [](const ResultRow& r) {
       return ok(r) ? overloaded_resources(r.summary, r.overload_at) : std::string();
     }},
    {"trace", [](const ResultRow& r) { return quoted(r.provenance); }},
    {"note", [](const ResultRow& r) { return quoted(r.note); }},
    {kStatusColumn, [](const ResultRow& r) { return std::string(run_status_name(r.status)); }},
    {"error", [](const ResultRow& r) { return quoted(r.error); }},
};

void add_fixed(std::vector<ResultColumn>& table, const FixedColumn* begin, const FixedColumn* end) {
  for (const FixedColumn* c = begin; c != end; ++c)
    table.push_back({c->name, c->write});
}

// Every column of a file in order: the run, the swept keys, the channel, the Summary's
// numbers, one called_<model> per trace model, the outcome.
std::vector<ResultColumn> result_table(const ResultColumns& columns) {
  std::vector<ResultColumn> table;
  add_fixed(table, std::begin(kRunColumns), std::end(kRunColumns));
  for (const auto& key : columns.swept)
    table.push_back({key, [key](const ResultRow& r) {
                       std::string value;
                       for (const auto& [name, v] : r.swept)
                         if (name == key) value = v;
                       return quoted(value);
                     }});
  add_fixed(table, std::begin(kChannelColumns), std::end(kChannelColumns));
  for (const auto& c : kSummaryColumns)
    table.push_back({c.name, [field = c.field](const ResultRow& r) {
                       return ok(r) ? fmt::format("{:.6f}", r.summary.*field) : std::string();
                     }});
  for (const auto& c : kMobilityColumns)
    if (columns.mobility)
      table.push_back({c.name, [field = c.field](const ResultRow& r) {
                         return ok(r) ? fmt::format("{:.6f}", r.summary.*field) : std::string();
                       }});
  for (const auto& m : columns.models)
    table.push_back({"called_" + m, [m](const ResultRow& r) {
                       double called = 0;
                       for (std::size_t i = 0; i < r.models.size(); ++i)
                         if (r.models[i] == m && i < r.summary.called.size())
                           called = r.summary.called[i];
                       return ok(r) ? fmt::format("{:.6f}", called) : std::string();
                     }});
  add_fixed(table, std::begin(kOutcomeColumns), std::end(kOutcomeColumns));
  return table;
}

} // namespace

const char* run_status_name(RunStatus status) {
  return status == RunStatus::Ok ? "ok" : "failed";
}

std::optional<RunStatus> run_status_from_name(const std::string& name) {
  for (RunStatus status : {RunStatus::Ok, RunStatus::Failed})
    if (name == run_status_name(status)) return status;
  return std::nullopt;
}

std::vector<std::string> result_column_names(const ResultColumns& columns) {
  std::vector<std::string> names;
  for (const auto& c : result_table(columns))
    names.push_back(c.name);
  return names;
}

std::string results_header(const ResultColumns& columns) {
  std::string h;
  for (const auto& name : result_column_names(columns))
    h += (h.empty() ? "" : ",") + name;
  return h + "\n";
}

std::string result_line(const ResultRow& row, const ResultColumns& columns) {
  std::string line;
  bool first = true;
  for (const auto& c : result_table(columns)) {
    if (!first) line += ",";
    line += c.write(row);
    first = false;
  }
  return line + "\n";
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
    columns.mobility = columns.mobility || r.mobility;
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
  for (const auto& c : kMobilityColumns)
    out += fmt::format(" {:a}", s.*c.field);
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
  for (const auto& c : kMobilityColumns)
    s.*c.field = next();
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
