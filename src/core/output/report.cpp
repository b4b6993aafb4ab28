#include "core/output/report.hpp"

#include "core/base/input_error.hpp"
#include "core/config/read_scenario.hpp"
#include "core/formats/csv.hpp"
#include "core/output/results.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>
#include <map>
#include <set>
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

const std::vector<Column> kSummaryColumns = {
    {"accuracy", "accuracy", 4, true},          {"latency_ms_mean", "mean ms", 2, false},
    {"latency_ms_p95", "p95 ms", 2, false},     {"phone_energy_mj", "phone mJ", 2, false},
    {"cloud_gflops", "cloud GFLOPs", 2, false},
};

// A run point: every input of a run but its seed and policy. Its seeds are averaged over.
// Older results files have these; newer ones name every input between `requests` and
// `accuracy` (docs/formats.md), swept keys such as gpu_workers included.
const std::vector<std::string> kPoint = {"bandwidth_mbps", "cells", "phones", "arrival_rate_hz"};

std::vector<std::string> point_columns(const CsvTable& t) {
  const auto& h = t.header();
  const auto first = std::find(h.begin(), h.end(), "requests");
  const auto last = std::find(h.begin(), h.end(), "accuracy");
  if (first == h.end() || last == h.end() || last < first) return kPoint;
  return {first + 1, last};
}

// Whether a title names `column` beyond the scenario, the rate, cells, phones and load that
// it always names: when the column varies among the scenario's rows ("gpu_workers 2").
bool named_in_title(const CsvTable& t, const std::string& column, const std::string& scenario) {
  for (const char* c : {"bandwidth_mbps", "cells", "phones", "arrival_rate_hz"})
    if (column == c) return false;
  const std::string* first = nullptr;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    if (t.text(r, "scenario") != scenario) continue;
    if (!first) first = &t.text(r, column);
    if (t.text(r, column) != *first) return true;
  }
  return false;
}

// One policy's successful rows at one run point, one per seed.
struct PolicyRows {
  std::string policy;
  bool bound = false; // an upper bound such as oracle: shown, never best
  std::vector<std::size_t> rows;
};

struct Point {
  std::vector<PolicyRows> policies; // in order of first appearance
  std::vector<std::string> seeds;
};

// The points of `mode`, grouped by scenario and run point in order of first appearance.
struct Points {
  std::vector<std::string> order;
  std::map<std::string, Point> by_key;
};

void add_row(Point& point, const CsvTable& t, std::size_t r) {
  const std::string policy = t.text(r, "policy");
  const bool bound = !t.text(r, "note").empty();
  auto it = std::find_if(point.policies.begin(), point.policies.end(), [&](const PolicyRows& p) {
    return p.policy == policy && p.bound == bound;
  });
  if (it == point.policies.end()) it = point.policies.insert(it, {policy, bound, {}});
  it->rows.push_back(r);
  const std::string seed = t.text(r, "seed");
  if (std::find(point.seeds.begin(), point.seeds.end(), seed) == point.seeds.end())
    point.seeds.push_back(seed);
}

// A row's mode and status, parsed from their columns: a value muxsim never writes is an
// error naming the file, line and field, not a row silently left out.
Mode row_mode(const CsvTable& t, std::size_t r) {
  const std::string& text = t.text(r, kModeColumn);
  if (const auto mode = mode_from_name(text)) return *mode;
  throw InputError(where(t.name(), t.line(r), kModeColumn) + ": '" + text + "' is neither " +
                   mode_name(Mode::ClosedForm) + " nor " + mode_name(Mode::Simulated));
}

RunStatus row_status(const CsvTable& t, std::size_t r) {
  const std::string& text = t.text(r, kStatusColumn);
  if (const auto status = run_status_from_name(text)) return *status;
  throw InputError(where(t.name(), t.line(r), kStatusColumn) + ": '" + text + "' is neither " +
                   run_status_name(RunStatus::Ok) + " nor " + run_status_name(RunStatus::Failed));
}

Points group_rows(const CsvTable& t, const std::string& path, Mode mode,
                  const std::vector<Column>& columns) {
  std::vector<std::string> needed = {"scenario", kModeColumn,   "policy",
                                     "note",     kStatusColumn, "seed"};
  needed.insert(needed.end(), kPoint.begin(), kPoint.end());
  const std::vector<std::string> inputs = point_columns(t);
  for (const auto& c : columns)
    needed.push_back(c.field);
  t.require_columns(needed);
  Points g;
  for (std::size_t r = 0; r < t.rows(); ++r) {
    if (row_mode(t, r) != mode || row_status(t, r) != RunStatus::Ok) continue;
    std::string key = t.text(r, "scenario");
    for (const auto& p : inputs)
      key += "|" + t.text(r, p);
    if (!g.by_key.count(key)) g.order.push_back(key);
    add_row(g.by_key[key], t, r);
  }
  if (g.order.empty())
    throw InputError(path + ": no successful " + mode_name(mode) + " rows to report");
  return g;
}

// Student's t at 97.5 %: the half-width of a 95 % interval is t * s / sqrt(n).
double t_975(std::size_t dof) {
  static const double kTable[] = {12.706205, 4.302653, 3.182446, 2.776445, 2.570582, 2.446912,
                                  2.364624,  2.306004, 2.262157, 2.228139, 2.200985, 2.178813,
                                  2.160369,  2.144787, 2.131450, 2.119905, 2.109816, 2.100922,
                                  2.093024,  2.085963, 2.079614, 2.073873, 2.068658, 2.063899,
                                  2.059539,  2.055529, 2.051831, 2.048407, 2.045230, 2.042272};
  if (dof >= 1 && dof <= 30) return kTable[dof - 1];
  // Beyond the table, Cornish-Fisher's expansion about the normal quantile (Abramowitz and
  // Stegun 26.7.5), within 1e-5 of the exact value from 30 degrees of freedom on.
  const double z = 1.959964, v = static_cast<double>(dof);
  const double z3 = z * z * z, z5 = z3 * z * z, z7 = z5 * z * z;
  return z + (z3 + z) / (4 * v) + (5 * z5 + 16 * z3 + 3 * z) / (96 * v * v) +
         (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * v * v * v);
}

// A column's mean over a policy's seeds and the half-width of its 95 % interval (0 for one).
struct Estimate {
  double mean = 0, half_width = 0;
};

Estimate estimate(const CsvTable& t, const std::vector<std::size_t>& rows, const char* field) {
  const double n = static_cast<double>(rows.size());
  Estimate e;
  for (std::size_t r : rows)
    e.mean += t.number(r, field) / n;
  if (rows.size() < 2) return e;
  double squares = 0;
  for (std::size_t r : rows)
    squares += std::pow(t.number(r, field) - e.mean, 2);
  e.half_width = t_975(rows.size() - 1) * std::sqrt(squares / (n - 1) / n);
  return e;
}

// How a policy's seeds overloaded the shared resources, from the overload column of newer
// results files (empty when stable; else resources joined by '+') and load_max.
struct Overload {
  std::string resources; // "air+cloud", over all seeds; empty: stable in every seed
  std::size_t seeds = 0, of = 0;
  double load = 0; // the highest load_max of the overloaded seeds, when the file has it

  // "air+cloud (load 1.20; 1 of 3 seeds)"
  std::string detailed() const {
    std::vector<std::string> details;
    if (load > 0) details.push_back(fmt::format("load {:.2f}", load));
    if (seeds < of) details.push_back(fmt::format("{} of {} seeds", seeds, of));
    std::string out = resources;
    for (std::size_t i = 0; i < details.size(); ++i)
      out += (i == 0 ? " (" : "; ") + details[i] + (i + 1 == details.size() ? ")" : "");
    return out;
  }
};

Overload overload_of(const CsvTable& t, const std::vector<std::size_t>& rows) {
  Overload o;
  o.of = rows.size();
  if (!t.has_column("overload")) return o; // an older file: nothing known, nothing marked
  std::vector<std::string> names;
  for (std::size_t r : rows) {
    const std::string text = t.text(r, "overload");
    if (text.empty()) continue;
    ++o.seeds;
    for (const auto& name : split(text, '+'))
      if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    if (t.has_column("load_max")) o.load = std::max(o.load, t.number(r, "load_max"));
  }
  for (const auto& name : names)
    o.resources += (o.resources.empty() ? "" : "+") + name;
  return o;
}

// "paper-table1 (simulated): 100 Mbit/s, 1 cell(s) x 1 phones, seeds 1, 2"; with [mobility]
// (its columns present) the phones are the whole area's: "80 phones, 5 access points, 47 Mbit/s
// at the start".
std::string point_title(const CsvTable& t, std::size_t r, Mode mode,
                        const std::vector<std::string>& seeds) {
  std::string title =
      t.has_column("handover_share")
          ? fmt::format("{} ({}): {} phones, {} access points, {} Mbit/s at the start",
                        t.text(r, "scenario"), mode_name(mode), t.text(r, "phones"),
                        t.text(r, "cells"), t.text(r, "bandwidth_mbps"))
          : fmt::format("{} ({}): {} Mbit/s, {} cell(s) x {} phones", t.text(r, "scenario"),
                        mode_name(mode), t.text(r, "bandwidth_mbps"), t.text(r, "cells"),
                        t.text(r, "phones"));
  if (t.number(r, "arrival_rate_hz") > 0)
    title += fmt::format(", {} req/s each", t.text(r, "arrival_rate_hz"));
  for (const auto& column : point_columns(t))
    if (named_in_title(t, column, t.text(r, "scenario")))
      title += fmt::format(", {} {}", column, t.text(r, column));
  return title + (seeds.size() == 1 ? ", seed " : ", seeds ") + join(seeds);
}

// What the report's marks mean, said once after the tables.
struct Legend {
  bool intervals = false, single = false, overloaded = false;
  std::string text() const {
    std::string out;
    if (intervals)
      out += "Each value is the mean over the n seeds ± the half-width of its 95 % confidence "
             "interval (Student t, n - 1 degrees of freedom).\n";
    if (single) out += "n = 1: one seed, its value alone, without an interval.\n";
    if (overloaded)
      out += "⚠ overloaded: in the seeds counted, the offered load on that resource reached "
             "its capacity, so its queue grows with the run and the latency and energy depend "
             "on the run's length; such rows are never bold.\n";
    return out;
  }
};

// The best mean of each column among the policies that compete: not upper bounds, not
// overloaded. Compared as printed, so equal values are all bold.
std::vector<std::string> best_means(const CsvTable& t, const Point& point) {
  std::vector<std::string> best;
  for (const auto& c : kColumns) {
    double value = 0;
    bool any = false;
    for (const auto& p : point.policies) {
      if (p.bound || !overload_of(t, p.rows).resources.empty()) continue;
      const double v = estimate(t, p.rows, c.field).mean;
      if (!any || (c.higher_is_better ? v > value : v < value)) value = v;
      any = true;
    }
    best.push_back(any ? fmt::format("{:.{}f}", value, c.decimals) : "");
  }
  return best;
}

std::string markdown_row(const CsvTable& t, const PolicyRows& p,
                         const std::vector<std::string>& best, bool overload_column) {
  const Overload overload = overload_of(t, p.rows);
  std::string out =
      fmt::format("| {}{} | {} |", p.policy, p.bound ? " (upper bound)" : "", p.rows.size());
  for (std::size_t i = 0; i < kColumns.size(); ++i) {
    const Column& c = kColumns[i];
    const Estimate e = estimate(t, p.rows, c.field);
    const std::string mean = fmt::format("{:.{}f}", e.mean, c.decimals);
    const std::string cell =
        p.rows.size() > 1 ? fmt::format("{} ± {:.{}f}", mean, e.half_width, c.decimals) : mean;
    const bool bold = !p.bound && overload.resources.empty() && mean == best[i];
    out += bold ? fmt::format(" **{}** |", cell) : fmt::format(" {} |", cell);
  }
  if (overload_column)
    out += overload.resources.empty() ? " |" : " ⚠ overloaded: " + overload.detailed() + " |";
  return out + "\n";
}

std::string markdown_table(const CsvTable& t, const Point& point, Mode mode, Legend& legend) {
  bool overload_column = false;
  for (const auto& p : point.policies) {
    overload_column = overload_column || !overload_of(t, p.rows).resources.empty();
    legend.intervals = legend.intervals || p.rows.size() > 1;
    legend.single = legend.single || p.rows.size() == 1;
  }
  legend.overloaded = legend.overloaded || overload_column;
  std::string out = "### " +
                    point_title(t, point.policies.front().rows.front(), mode, point.seeds) +
                    "\n\n| policy | n |";
  for (const auto& c : kColumns)
    out += fmt::format(" {} |", c.title);
  out += overload_column ? " load |\n|---|---:|" : "\n|---|---:|";
  for (std::size_t i = 0; i < kColumns.size(); ++i)
    out += "---:|";
  out += overload_column ? "---|\n" : "\n";
  const std::vector<std::string> best = best_means(t, point);
  for (const auto& p : point.policies)
    out += markdown_row(t, p, best, overload_column);
  return out + "\n";
}

// A terminal is at most this wide; the summary's tables stay within it.
constexpr std::size_t kTerminalWidth = 100;

std::string summary_table(const CsvTable& t, const Point& point, Mode mode, Legend& legend) {
  std::size_t width = 6, marks = 0; // "policy"; the widest overload mark
  for (const auto& p : point.policies) {
    width = std::max(width, p.policy.size() + 1);
    const std::string overload = overload_of(t, p.rows).resources;
    if (!overload.empty()) marks = std::max(marks, 4 + overload.size()); // "  ⚠ " + resources
    legend.intervals = legend.intervals || p.rows.size() > 1;
  }
  legend.overloaded = legend.overloaded || marks > 0;
  // A policy name longer than the terminal allows is cut: the table stays within its width.
  width = std::min(width, kTerminalWidth - 2 - 13 * kSummaryColumns.size() - marks);
  std::string out = point_title(t, point.policies.front().rows.front(), mode, point.seeds) +
                    (point.seeds.size() > 1 ? " (means)\n" : "\n") +
                    fmt::format("  {:<{}}", "policy", width);
  for (const auto& c : kSummaryColumns)
    out += fmt::format(" {:>12}", c.title);
  out += "\n";
  for (const auto& p : point.policies) {
    const std::string name = p.policy + (p.bound ? "*" : "");
    out += fmt::format("  {:<{}}", name.substr(0, width), width);
    for (const auto& c : kSummaryColumns)
      out += fmt::format(" {:>12.{}f}", estimate(t, p.rows, c.field).mean, c.decimals);
    const std::string overload = overload_of(t, p.rows).resources;
    out += (overload.empty() ? "" : "  ⚠ " + overload) + "\n";
  }
  return out + "\n";
}

} // namespace

std::string markdown_report(const std::string& results_path, Mode mode) {
  const CsvTable t = CsvTable::read(results_path);
  const Points points = group_rows(t, results_path, mode, kColumns);
  std::string out;
  Legend legend;
  for (const auto& key : points.order)
    out += markdown_table(t, points.by_key.at(key), mode, legend);
  return out + legend.text();
}

std::string summary_report(const std::string& results_path, Mode mode) {
  const CsvTable t = CsvTable::read(results_path);
  const Points points = group_rows(t, results_path, mode, kSummaryColumns);
  std::string out;
  std::map<std::string, int> points_of; // scenario: its run points; the first is shown
  for (const auto& key : points.order)
    ++points_of[t.text(points.by_key.at(key).policies.front().rows.front(), "scenario")];
  std::map<std::string, bool> shown;
  std::set<std::string> hidden; // overloads at run points not shown, each said once
  bool bounds = false, more = false;
  Legend legend;
  for (const auto& key : points.order) {
    const Point& point = points.by_key.at(key);
    const std::string scenario = t.text(point.policies.front().rows.front(), "scenario");
    if (shown[scenario]) {
      // A run point not shown but overloaded is said, so the summary hides no unstable run.
      for (const auto& p : point.policies) {
        const std::string overload = overload_of(t, p.rows).resources;
        const std::string line =
            fmt::format("  ⚠ {} overloaded {} at another run point of {} (muxsim report)\n",
                        p.policy, overload, scenario);
        if (!overload.empty() && hidden.insert(line).second) out += line;
        legend.overloaded = legend.overloaded || !overload.empty();
      }
      continue;
    }
    shown[scenario] = true;
    more = more || points_of[scenario] > 1;
    for (const auto& p : point.policies)
      bounds = bounds || p.bound;
    out += summary_table(t, point, mode, legend);
  }
  if (bounds) out += "* an upper bound (it reads correctness), not a policy to deploy\n";
  if (legend.intervals) out += "(means): the mean over the seeds; muxsim report gives intervals\n";
  if (more) out += "each table is its scenario's first run point; muxsim report shows every one\n";
  if (legend.overloaded)
    out += "⚠ overloaded in some seed: that resource's queue grows with the run, so its latency\n"
           "  depends on the run's length\n";
  return out;
}

} // namespace muxsim
