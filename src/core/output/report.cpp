#include "core/output/report.hpp"

#include "core/formats/csv.hpp"
#include "core/formats/input_error.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <map>
#include <vector>

namespace muxsim {

namespace {

struct Column {
  const char* field;
  const char* title;
  int decimals;
  bool higher_is_better;
};

const std::vector<Column> kColumns = {
    {"accuracy", "accuracy", 4, true},           {"local_fraction", "local", 2, true},
    {"latency_ms_mean", "latency ms", 2, false}, {"latency_ms_p95", "p95 ms", 2, false},
    {"phone_energy_mj", "phone mJ", 2, false},
};

const std::vector<std::string> kPoint = {"bandwidth_mbps", "cells", "phones", "arrival_rate_hz",
                                         "seed"};

const std::vector<Column> kSummaryColumns = {
    {"accuracy", "accuracy", 4, true},          {"latency_ms_mean", "mean ms", 2, false},
    {"latency_ms_p95", "p95 ms", 2, false},     {"phone_energy_mj", "phone mJ", 2, false},
    {"cloud_gflops", "cloud GFLOPs", 2, false},
};

// The successful rows of `mode`, grouped by scenario and run point in order of first
// appearance.
struct Groups {
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::size_t>> rows;
};

Groups group_rows(const CsvTable& t, const std::string& path, const std::string& mode,
                  const std::vector<Column>& columns) {
  std::vector<std::string> needed = {"scenario", "mode", "policy", "note", "status"};
  needed.insert(needed.end(), kPoint.begin(), kPoint.end());
  for (const auto& c : columns)
    needed.push_back(c.field);
  t.require_columns(needed);
  Groups g;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    if (t.text(r, "mode") != mode || t.text(r, "status") != "ok") continue;
    std::string key = t.text(r, "scenario");
    for (const auto& p : kPoint)
      key += "|" + t.text(r, p);
    if (!g.rows.count(key)) g.order.push_back(key);
    g.rows[key].push_back(r);
  }
  if (g.order.empty()) throw InputError(path + ": no successful " + mode + " rows to report");
  return g;
}

// "paper-table1 (simulated): 100 Mbit/s, 1 cell(s) x 1 phones, seed 1"
std::string point_title(const CsvTable& t, std::size_t r, const std::string& mode) {
  std::string title =
      fmt::format("{} ({}): {} Mbit/s, {} cell(s) x {} phones", t.text(r, "scenario"), mode,
                  t.text(r, "bandwidth_mbps"), t.text(r, "cells"), t.text(r, "phones"));
  if (t.number(r, "arrival_rate_hz") > 0)
    title += fmt::format(", {} req/s each", t.text(r, "arrival_rate_hz"));
  return title + fmt::format(", seed {}", t.text(r, "seed"));
}

} // namespace

std::string markdown_report(const std::string& results_path, const std::string& mode) {
  const CsvTable t = CsvTable::read(results_path);
  const Groups groups = group_rows(t, results_path, mode, kColumns);
  std::string out;
  for (const auto& key : groups.order) {
    const auto& group = groups.rows.at(key);
    out += "### " + point_title(t, group.front(), mode) + "\n\n| policy |";
    for (const auto& c : kColumns)
      out += fmt::format(" {} |", c.title);
    out += "\n|---|";
    for (std::size_t i = 0; i < kColumns.size(); ++i)
      out += "---:|";
    out += "\n";
    std::vector<std::string> best;
    for (const auto& c : kColumns) {
      double value = 0;
      bool any = false;
      for (std::size_t r : group) {
        if (!t.text(r, "note").empty()) continue; // an upper bound does not compete
        const double v = t.number(r, c.field);
        if (!any || (c.higher_is_better ? v > value : v < value)) value = v;
        any = true;
      }
      best.push_back(any ? fmt::format("{:.{}f}", value, c.decimals) : "");
    }
    for (std::size_t r : group) {
      const std::string note = t.text(r, "note");
      out += fmt::format("| {}{} |", t.text(r, "policy"), note.empty() ? "" : " (upper bound)");
      for (std::size_t i = 0; i < kColumns.size(); ++i) {
        const std::string v =
            fmt::format("{:.{}f}", t.number(r, kColumns[i].field), kColumns[i].decimals);
        out += note.empty() && v == best[i] ? fmt::format(" **{}** |", v) : fmt::format(" {} |", v);
      }
      out += "\n";
    }
    out += "\n";
  }
  return out;
}

std::string summary_report(const std::string& results_path, const std::string& mode) {
  const CsvTable t = CsvTable::read(results_path);
  const Groups groups = group_rows(t, results_path, mode, kSummaryColumns);
  std::string out;
  std::map<std::string, bool> shown; // scenarios: the first run point of each
  bool bounds = false;
  for (const auto& key : groups.order) {
    const auto& group = groups.rows.at(key);
    const std::string scenario = t.text(group.front(), "scenario");
    if (shown[scenario]) continue;
    shown[scenario] = true;
    std::size_t width = 6; // "policy"
    for (std::size_t r : group)
      width = std::max(width, t.text(r, "policy").size() + 1);
    // A policy name longer than the terminal allows is cut: the table stays within 100.
    width = std::min<std::size_t>(width, 100 - 13 * kSummaryColumns.size());
    out += point_title(t, group.front(), mode) + "\n" + fmt::format("  {:<{}}", "policy", width);
    for (const auto& c : kSummaryColumns)
      out += fmt::format(" {:>12}", c.title);
    out += "\n";
    for (std::size_t r : group) {
      const bool bound = !t.text(r, "note").empty();
      bounds = bounds || bound;
      const std::string name = t.text(r, "policy") + (bound ? "*" : "");
      out += fmt::format("  {:<{}}", name.substr(0, width), width);
      for (const auto& c : kSummaryColumns)
        out += fmt::format(" {:>12.{}f}", t.number(r, c.field), c.decimals);
      out += "\n";
    }
    out += "\n";
  }
  return bounds ? out + "* an upper bound (it reads correctness), not a policy to deploy\n" : out;
}

} // namespace muxsim
