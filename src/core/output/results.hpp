#pragma once
// The results CSV: tidy, one row per (run, mode, policy). docs/formats.md lists the
// columns; notebooks read it with a plain pandas.read_csv.
#include "core/config/scenario.hpp"
#include "core/output/summary.hpp"

#include <string>
#include <vector>

namespace muxsim {

// A run either gives its row, or fails with the reason in `error`.
enum class RunStatus { Ok, Failed };

struct ResultRow {
  long run = 0; // the run's number in its sweep: the order of results.csv
  std::string scenario;
  RunPoint point;
  Mode mode = Mode::ClosedForm;
  std::string policy, note, provenance;
  double deadline_ms = 0;
  double overload_at = 1; // the load that flags a resource (overload_threshold)
  Summary summary;
  std::vector<std::string> models; // trace model names, parallel to summary.called
  RunStatus status = RunStatus::Ok;
  std::string error; // why a run failed
};

// One line, no header; fields that hold text are quoted when they contain a comma.
std::string result_line(const ResultRow& row, const std::vector<std::string>& all_models);
std::string results_header(const std::vector<std::string>& all_models);
// The sorted union of every row's models: one called_<model> column each.
std::vector<std::string> all_models(const std::vector<ResultRow>& rows);
// The run number at the start of a results line, or -1 when the line is not one.
long run_of_line(const std::string& line);
// Exact text form of a Summary, for handing results from a sweep's child process to its
// parent; summary_from_text(summary_to_text(s)) == s.
std::string summary_to_text(const Summary& s);
Summary summary_from_text(const std::string& text);

// Writes `content` to `path` through a temporary file and a rename, so a reader never sees
// a partial file and a failure leaves none.
void write_atomically(const std::string& path, const std::string& content);

} // namespace muxsim
