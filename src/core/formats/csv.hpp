#pragma once
// A small CSV reader for muxsim's own formats: a header row, comma separated, fields in
// double quotes may hold commas (RFC 4180 quoting, one record per line). Every accessor names the
// file, line and column when a value is missing or malformed.
#include <cstddef>
#include <istream>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace muxsim {

// Reads CSV one record at a time, so a large file (a decision trace of millions of inputs) is
// never held whole. Blank lines and lines starting with '#' are skipped; a UTF-8 byte-order
// mark and CRLF line ends are accepted. Every accessor names the file, line and column.
class CsvReader {
public:
  // Opens `path` (a regular file) and reads its header row.
  explicit CsvReader(const std::string& path);
  // Reads `text`, named `name` in messages.
  CsvReader(const std::string& text, const std::string& name);

  const std::string& name() const { return name_; }
  const std::vector<std::string>& header() const { return header_; }
  bool has_column(const std::string& column) const { return index_.count(column) > 0; }
  // Throws InputError naming the file when a column is absent.
  void require_columns(const std::vector<std::string>& columns) const;
  std::size_t column_index(const std::string& column) const;

  // Moves to the next record; false at the end of the file.
  bool next();
  // The current record's 1-based line in the file, and its fields.
  int line() const { return line_; }
  std::vector<std::string>& fields() { return fields_; }
  const std::string& text(std::size_t column) const { return fields_[column]; }
  double number(std::size_t column) const;
  long integer(std::size_t column) const;

private:
  void read_header();
  std::unique_ptr<std::istream> in_;
  std::string name_;
  std::vector<std::string> header_;
  std::map<std::string, std::size_t> index_;
  std::vector<std::string> fields_;
  int line_ = 0;
};

class CsvTable {
public:
  // Reads the whole file, as CsvReader does.
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
  static CsvTable collect(CsvReader& reader);
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

// The number of line ends in a regular file: an upper bound on its records, for reserving.
std::size_t count_lines(const std::string& path);

std::vector<std::string> split(const std::string& text, char separator);
std::string trim(const std::string& text);
// "a, b, c": for the lists of known names that error messages give.
std::string join(const std::vector<std::string>& items);

// Parses a whole string as a finite double; the message names `context` on failure.
double parse_number(const std::string& text, const std::string& context);
long parse_integer(const std::string& text, const std::string& context);

} // namespace muxsim
