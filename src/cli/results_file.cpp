#include "cli/results_file.hpp"

#include "core/formats/csv.hpp"
#include "core/formats/input_error.hpp"
#include "core/output/results.hpp"

#include <filesystem>
#include <fstream>

namespace muxsim::cli {

namespace {

std::size_t fields_of(const std::string& line) {
  std::size_t fields = 1;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    fields += !quoted && c == ',';
  }
  return fields;
}

} // namespace

std::map<long, std::string> read_result_lines(const std::string& path, std::string& header,
                                              bool complete) {
  require_regular_file(path);
  std::ifstream in(path);
  if (!in) throw InputError(path + ": cannot open file");
  std::string first;
  std::getline(in, first);
  if (complete && (in.eof() || first.rfind("run,", 0) != 0))
    throw InputError(path + ":1: field 'run': not the header of a muxsim results file");
  first += "\n";
  if (header.empty()) header = first;
  if (first != header)
    throw InputError(path + ":1: field 'header': these results come from other scenarios or "
                            "another muxsim; their columns differ");
  std::map<long, std::string> lines;
  const std::size_t columns = fields_of(header.substr(0, header.size() - 1));
  std::string line;
  for (int n = 2; std::getline(in, line); ++n) {
    const long run = run_of_line(line);
    if (in.eof() || run < 0 || fields_of(line) != columns) {
      if (!complete) continue; // cut short by an interruption, or not a row
      throw InputError(path + ":" + std::to_string(n) + ": field 'run': not a whole results row" +
                       (in.eof() ? " (the file ends inside it)" : ""));
    }
    if (!lines.emplace(run, line + "\n").second)
      throw InputError(path + ":" + std::to_string(n) + ": field 'run': run " +
                       std::to_string(run) + " appears twice");
  }
  if (complete && lines.empty()) throw InputError(path + ": no result rows");
  return lines;
}

std::map<long, std::string> read_done_lines(const std::string& path, const std::string& header) {
  if (!std::filesystem::exists(path)) return {};
  std::string expected = header;
  std::map<long, std::string> done;
  for (const auto& [run, line] : read_result_lines(path, expected, false))
    if (line.find(",ok,") != std::string::npos) done.emplace(run, line);
  return done;
}

} // namespace muxsim::cli
