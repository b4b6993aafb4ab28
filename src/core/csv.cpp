#include "core/csv.hpp"

#include "core/input_error.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace muxsim {

// Splits on `separator`; a part in double quotes may hold the separator, and "" inside it
// is a quote (RFC 4180 quoting, used by CSV rows and harmless in scenario lists).
std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::string current;
  bool quoted = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted && c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
      current += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == separator && !quoted) {
      parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(current);
  return parts;
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& item : items)
    out += (out.empty() ? "" : ", ") + item;
  return out;
}

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r\n");
  return text.substr(first, last - first + 1);
}

double parse_number(const std::string& text, const std::string& context) {
  const std::string t = trim(text);
  if (t.empty()) throw InputError(context + ": empty where a number belongs");
  char* end = nullptr;
  errno = 0;
  const double value = std::strtod(t.c_str(), &end);
  if (end != t.c_str() + t.size() || errno == ERANGE || !std::isfinite(value))
    throw InputError(context + ": '" + t + "' is not a number");
  return value;
}

long parse_integer(const std::string& text, const std::string& context) {
  const std::string t = trim(text);
  char* end = nullptr;
  errno = 0;
  const long value = std::strtol(t.c_str(), &end, 10);
  if (t.empty() || end != t.c_str() + t.size() || errno == ERANGE)
    throw InputError(context + ": '" + t + "' is not an integer");
  return value;
}

void require_regular_file(const std::string& path) {
  std::error_code error;
  const auto status = std::filesystem::status(path, error);
  if (error || !std::filesystem::exists(status)) throw InputError(path + ": cannot open file");
  if (!std::filesystem::is_regular_file(status)) throw InputError(path + ": not a regular file");
}

CsvTable CsvTable::read(const std::string& path) {
  require_regular_file(path);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError(path + ": cannot open file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return parse(buffer.str(), path);
}

CsvTable CsvTable::parse(const std::string& text, const std::string& name) {
  CsvTable table;
  table.name_ = name;
  // A UTF-8 byte-order mark (spreadsheets write one) is not part of the first column's name.
  const bool bom = text.compare(0, 3, "\xEF\xBB\xBF") == 0;
  std::istringstream in(bom ? text.substr(3) : text);
  std::string raw;
  int line_number = 0;
  while (std::getline(in, raw)) {
    ++line_number;
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    // Records are one line each: an odd count of quotes leaves a field open at the line's end.
    if (std::count(raw.begin(), raw.end(), '"') % 2 != 0)
      throw InputError(where(name, line_number, "") + ": a quoted field is not closed");
    std::vector<std::string> fields = split(raw, ',');
    for (auto& f : fields)
      f = trim(f);
    if (table.header_.empty()) {
      table.header_ = fields;
      for (std::size_t i = 0; i < fields.size(); ++i) {
        if (fields[i].empty())
          throw InputError(where(name, line_number, "") + ": empty column name in header");
        if (!table.index_.emplace(fields[i], i).second)
          throw InputError(where(name, line_number, fields[i]) + ": column appears twice");
      }
      continue;
    }
    if (fields.size() != table.header_.size())
      throw InputError(where(name, line_number, "") + ": " + std::to_string(fields.size()) +
                       " fields where the header has " + std::to_string(table.header_.size()));
    table.cells_.push_back(std::move(fields));
    table.lines_.push_back(line_number);
  }
  if (table.header_.empty()) throw InputError(name + ": empty file, expected a header row");
  return table;
}

void CsvTable::require_columns(const std::vector<std::string>& columns) const {
  for (const auto& c : columns)
    if (!has_column(c)) throw InputError(where(name_, 1, c) + ": missing column");
}

std::size_t CsvTable::column_index(const std::string& column) const {
  const auto it = index_.find(column);
  if (it == index_.end()) throw InputError(where(name_, 1, column) + ": missing column");
  return it->second;
}

const std::string& CsvTable::text(std::size_t row, const std::string& column) const {
  return cells_.at(row)[column_index(column)];
}

double CsvTable::number(std::size_t row, const std::string& column) const {
  return parse_number(text(row, column), where(name_, lines_[row], column));
}

long CsvTable::integer(std::size_t row, const std::string& column) const {
  return parse_integer(text(row, column), where(name_, lines_[row], column));
}

} // namespace muxsim
