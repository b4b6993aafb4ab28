#include "core/formats/csv.hpp"

#include "core/base/input_error.hpp"

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

CsvReader::CsvReader(const std::string& path) : name_(path) {
  require_regular_file(path);
  auto file = std::make_unique<std::ifstream>(path, std::ios::binary);
  if (!*file) throw InputError(path + ": cannot open file");
  in_ = std::move(file);
  read_header();
}

CsvReader::CsvReader(const std::string& text, const std::string& name)
    : in_(std::make_unique<std::istringstream>(text)), name_(name) {
  read_header();
}

void CsvReader::read_header() {
  // A UTF-8 byte-order mark (spreadsheets write one) is not part of the first column's name.
  if (in_->peek() == 0xEF) {
    char mark[3] = {};
    in_->read(mark, 3);
    if (std::string(mark, 3) != "\xEF\xBB\xBF") {
      in_->clear();
      in_->seekg(0);
    }
  }
  if (!next()) throw InputError(name_ + ": empty file, expected a header row");
  header_ = fields_;
  for (std::size_t i = 0; i < header_.size(); ++i) {
    if (header_[i].empty())
      throw InputError(where(name_, line_, "") + ": empty column name in header");
    if (!index_.emplace(header_[i], i).second)
      throw InputError(where(name_, line_, header_[i]) + ": column appears twice");
  }
}

bool CsvReader::next() {
  std::string raw;
  while (std::getline(*in_, raw)) {
    ++line_;
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#') continue;
    // Records are one line each: an odd count of quotes leaves a field open at the line's end.
    if (std::count(raw.begin(), raw.end(), '"') % 2 != 0)
      throw InputError(where(name_, line_, "") + ": a quoted field is not closed");
    fields_ = split(raw, ',');
    for (auto& f : fields_)
      f = trim(f);
    if (!header_.empty() && fields_.size() != header_.size())
      throw InputError(where(name_, line_, "") + ": " + std::to_string(fields_.size()) +
                       " fields where the header has " + std::to_string(header_.size()));
    return true;
  }
  return false;
}

void CsvReader::require_columns(const std::vector<std::string>& columns) const {
  for (const auto& c : columns)
    if (!has_column(c)) throw InputError(where(name_, 1, c) + ": missing column");
}

std::size_t CsvReader::column_index(const std::string& column) const {
  const auto it = index_.find(column);
  if (it == index_.end()) throw InputError(where(name_, 1, column) + ": missing column");
  return it->second;
}

double CsvReader::number(std::size_t column) const {
  return parse_number(fields_[column], where(name_, line_, header_[column]));
}

long CsvReader::integer(std::size_t column) const {
  return parse_integer(fields_[column], where(name_, line_, header_[column]));
}

std::size_t count_lines(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::vector<char> buffer(1 << 16);
  std::size_t lines = 0;
  while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) || in.gcount() > 0)
    lines +=
        static_cast<std::size_t>(std::count(buffer.begin(), buffer.begin() + in.gcount(), '\n'));
  return lines;
}

CsvTable CsvTable::read(const std::string& path) {
  CsvReader reader(path);
  return collect(reader);
}

CsvTable CsvTable::parse(const std::string& text, const std::string& name) {
  CsvReader reader(text, name);
  return collect(reader);
}

CsvTable CsvTable::collect(CsvReader& reader) {
  CsvTable table;
  table.name_ = reader.name();
  table.header_ = reader.header();
  for (std::size_t i = 0; i < table.header_.size(); ++i)
    table.index_.emplace(table.header_[i], i);
  while (reader.next()) {
    table.cells_.push_back(std::move(reader.fields()));
    table.lines_.push_back(reader.line());
  }
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
