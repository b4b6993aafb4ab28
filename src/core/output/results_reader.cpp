#include "core/output/results_reader.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"
#include "core/output/results.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>

namespace muxsim {

namespace {

// A header line (its line end kept, as read_rows holds it) split into its column names.
std::vector<std::string> header_fields(const std::string& header) {
  return raw_fields(header.substr(0, header.size() - 1));
}

using RowHandler = std::function<void(long run, int line_number, const std::string& line,
                                      const std::vector<std::string>& fields)>;

// Reads a results file's header (checked against `header`, or returned in it when empty),
// then hands each whole row to `on_row` in file order. A finished file (`complete`) must hold
// whole rows only, at least one; in an interrupted one a row cut short is skipped. A run
// twice in one file is refused either way.
void read_rows(const std::string& path, std::string& header, bool complete,
               const RowHandler& on_row) {
  require_regular_file(path);
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open file");
  std::string first;
  std::getline(in, first);
  if (complete && (in.eof() || raw_fields(first).front() != kRunColumn))
    throw InputError(path + ":1: field 'run': not the header of a muxsim results file");
  first += "\n";
  if (header.empty()) header = first;
  if (first != header)
    throw InputError(path + ":1: field 'header': these results come from other scenarios or "
                            "another muxsim; their columns differ");
  const std::size_t columns = header_fields(header).size();
  std::set<long> seen;
  std::string line;
  for (int n = 2; std::getline(in, line); ++n) {
    const long run = run_of_line(line);
    const std::vector<std::string> fields = raw_fields(line);
    if (in.eof() || run < 0 || fields.size() != columns) {
      if (!complete) continue; // cut short by an interruption, or not a row
      throw InputError(path + ":" + std::to_string(n) + ": field 'run': not a whole results row" +
                       (in.eof() ? " (the file ends inside it)" : ""));
    }
    if (!seen.insert(run).second)
      throw InputError(path + ":" + std::to_string(n) + ": field 'run': run " +
                       std::to_string(run) + " appears twice");
    on_row(run, n, line, fields);
  }
  if (complete && seen.empty()) throw InputError(path + ": no result rows");
}

} // namespace

std::vector<std::string> raw_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted)
      fields.emplace_back();
    else
      fields.back() += c;
  }
  return fields;
}

std::map<long, std::string> read_result_lines(const std::string& path, std::string& header,
                                              bool complete) {
  std::map<long, std::string> lines;
  read_rows(path, header, complete,
            [&](long run, int, const std::string& line, const std::vector<std::string>&) {
              lines.emplace(run, line + "\n");
            });
  return lines;
}

ResultsFile read_results_file(const std::string& path) {
  ResultsFile file;
  file.path = path;
  std::string header;
  read_rows(path, header, true,
            [&](long run, int n, const std::string&, const std::vector<std::string>& fields) {
              file.rows.push_back({run, n, fields});
            });
  file.columns = header_fields(header);
  return file;
}

std::map<long, std::string> read_done_lines(const std::string& path, const std::string& header) {
  if (!std::filesystem::exists(path)) return {};
  // The status is read where the header puts it, not searched for in the line: a note, an
  // error or a policy may read "ok" too.
  const std::vector<std::string> columns = header_fields(header);
  const auto at = std::find(columns.begin(), columns.end(), kStatusColumn);
  if (at == columns.end()) throw InputError(where(path, 1, kStatusColumn) + ": missing column");
  const auto status_column = static_cast<std::size_t>(at - columns.begin());
  std::string expected = header;
  std::map<long, std::string> done;
  read_rows(path, expected, false,
            [&](long run, int n, const std::string& line, const std::vector<std::string>& fields) {
              const auto status = run_status_from_name(fields[status_column]);
              if (!status)
                throw InputError(where(path, n, kStatusColumn) + ": '" + fields[status_column] +
                                 "' is neither " + run_status_name(RunStatus::Ok) + " nor " +
                                 run_status_name(RunStatus::Failed));
              if (*status == RunStatus::Ok) done.emplace(run, line + "\n");
            });
  return done;
}

} // namespace muxsim
