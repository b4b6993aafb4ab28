#pragma once
// A small CSV reader for muxsim's own formats: a header row, comma separated, fields in
// double quotes may hold commas (RFC 4180 quoting, one record per line). Every accessor names the
// file, line and column when a value is missing or malformed.
#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace muxsim {

class CsvTable {
public:
  // Reads the whole file. Blank lines and lines starting with '#' are skipped.
  static CsvTable read(const std::string& path);
  static CsvTable parse(const std::string& text, const std::string& name);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& header() const { return header_; }
  std::size_t rows() const { return cells_.size(); }
  bool has_column(const std::string& column) const { return index_.count(column) > 0; }
  // Throws InputError naming the file when a column is absent.
  void require_columns(const std::vector<std::string>& columns) const;

  const std::string& text(std::size_t row, const std::string& column) const;
  double number(std::size_t row, const std::string& column) const;
  long integer(std::size_t row, const std::string& column) const;
  // The 1-based line in the file where row `row` stands.
  int line(std::size_t row) const { return lines_[row]; }

private:
  std::size_t column_index(const std::string& column) const;
  std::string name_;
  std::vector<std::string> header_;
  std::map<std::string, std::size_t> index_;
  std::vector<std::vector<std::string>> cells_;
  std::vector<int> lines_;
};

// Throws InputError unless `path` names a regular file: a missing one "cannot open file", a
// folder or a device (/dev/zero would be read forever) "not a regular file".
void require_regular_file(const std::string& path);

std::vector<std::string> split(const std::string& text, char separator);
std::string trim(const std::string& text);
// "a, b, c": for the lists of known names that error messages give.
std::string join(const std::vector<std::string>& items);

// Parses a whole string as a finite double; the message names `context` on failure.
double parse_number(const std::string& text, const std::string& context);
long parse_integer(const std::string& text, const std::string& context);

} // namespace muxsim
