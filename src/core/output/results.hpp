#pragma once
// The results CSV: tidy, one row per (run, mode, policy). docs/formats.md lists the
// columns; notebooks read it with a plain pandas.read_csv.
#include "core/base/scenario.hpp"
#include "core/output/summary.hpp"

#include <optional>
#include <string>
#include <vector>

namespace muxsim {

// A run either gives its row, or fails with the reason in `error`.
enum class RunStatus { Ok, Failed };
// The status column's spelling ("ok", "failed"), and back: nullopt for any other text.
const char* run_status_name(RunStatus status);
std::optional<RunStatus> run_status_from_name(const std::string& name);

// Columns that readers of results.csv look up by name (the reader, muxsim report): the names
// the writer's column table uses.
inline constexpr const char* kRunColumn = "run";
inline constexpr const char* kModeColumn = "mode";
inline constexpr const char* kStatusColumn = "status";

struct ResultRow {
  long run = 0; // the run's number in its sweep: the order of results.csv
  std::string scenario;
  RunPoint point;
  Mode mode = Mode::ClosedForm;
  std::string policy, note, provenance;
  double deadline_ms = 0;
  // What the rates mean and how they move: results say so rather than leave it to the file.
  std::string wifi_standard, channel;
  double trace_mean_mbps = -1; // with channel = trace, the traces' time-mean rate; else -1
  // Keys swept beyond the native sweeps: (results column, value).
  std::vector<std::pair<std::string, std::string>> swept;
  double overload_at = 1; // the load that flags a resource (overload_threshold)
  Summary summary;
  std::vector<std::string> models; // trace model names, parallel to summary.called
  RunStatus status = RunStatus::Ok;
  std::string error; // why a run failed
  bool mobility = false; // the scenario places phones: the [mobility] columns are written
};

// The columns that depend on the rows of a file: one called_<model> per trace model (the
// sorted union of every row's models), one per swept key (in order of first appearance).
struct ResultColumns {
  std::vector<std::string> models, swept;
  bool mobility = false; // handovers_per_phone_hour, handover_share, no_link_share
};
ResultColumns result_columns(const std::vector<ResultRow>& rows);
// Whether results.csv always has a column of this name (a swept requests or deadline_ms
// needs no column of its own).
bool has_fixed_result_column(const std::string& name);

// Every column of a file with these dynamic columns, in order: the header's names.
std::vector<std::string> result_column_names(const ResultColumns& columns);
// One line, no header; fields that hold text are quoted when they contain a comma.
std::string result_line(const ResultRow& row, const ResultColumns& columns);
std::string results_header(const ResultColumns& columns);
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
