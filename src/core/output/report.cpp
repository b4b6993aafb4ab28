#include "core/output/report.hpp"

#include "core/formats/csv.hpp"
#include "core/formats/input_error.hpp"

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

} // namespace

std::string markdown_report(const std::string& results_path, const std::string& mode) {
  const CsvTable t = CsvTable::read(results_path);
  std::vector<std::string> needed = {"scenario", "mode", "policy", "note", "status"};
  needed.insert(needed.end(), kPoint.begin(), kPoint.end());
  for (const auto& c : kColumns)
    needed.push_back(c.field);
  t.require_columns(needed);
  // Tables in order of first appearance: scenario, then run point.
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::size_t>> rows;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    if (t.text(r, "mode") != mode || t.text(r, "status") != "ok") continue;
    std::string key = t.text(r, "scenario");
    for (const auto& p : kPoint)
      key += "|" + t.text(r, p);
    if (!rows.count(key)) order.push_back(key);
    rows[key].push_back(r);
  }
  if (order.empty()) throw InputError(results_path + ": no successful " + mode + " rows to report");
  std::string out;
  for (const auto& key : order) {
    const auto& group = rows[key];
    const std::size_t first = group.front();
    out += fmt::format("### {} ({}): {} Mbit/s, {} cell(s) x {} phones", t.text(first, "scenario"),
                       mode, t.text(first, "bandwidth_mbps"), t.text(first, "cells"),
                       t.text(first, "phones"));
    if (t.number(first, "arrival_rate_hz") > 0)
      out += fmt::format(", {} req/s each", t.text(first, "arrival_rate_hz"));
    out += fmt::format(", seed {}\n\n| policy |", t.text(first, "seed"));
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

} // namespace muxsim
