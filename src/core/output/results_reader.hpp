#pragma once
// Reading results.csv files back, for --resume and muxsim merge; the writer is
// core/output/results.hpp, whose column table names the columns read here. Lines are kept
// verbatim, so a merged or resumed file is byte-identical to one written in a single run.
#include <map>
#include <string>
#include <vector>

namespace muxsim {

// The successful rows of a results file (status ok, read from the status column), by run
// number. A missing file gives none; a file written with another header (other scenarios or
// another muxsim) is an error, since its run numbers would mean other runs. A last line cut
// short by an interruption is skipped.
std::map<long, std::string> read_done_lines(const std::string& path, const std::string& header);

// Every row of a results file by run number, checking it has the given header (or, when
// `header` is empty, returning its header in it). A finished file (`complete`) must hold
// whole rows only, at least one; an interrupted one may end in a row cut short, skipped.
std::map<long, std::string> read_result_lines(const std::string& path, std::string& header,
                                              bool complete);

// A finished results file as muxsim merge needs it: its columns, and its rows in file order,
// each split into its fields as written (quotes kept), so they can be rejoined unchanged in
// another column order. The checks are read_result_lines's for a finished file.
struct ResultsFile {
  struct Row {
    long run = 0;
    int line = 0; // 1-based line in the file, for messages
    std::vector<std::string> fields;
  };
  std::string path;
  std::vector<std::string> columns;
  std::vector<Row> rows;
};
ResultsFile read_results_file(const std::string& path);

// The fields of one CSV line exactly as written: split at the commas outside double quotes.
std::vector<std::string> raw_fields(const std::string& line);

} // namespace muxsim
