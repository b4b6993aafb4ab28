#pragma once
// A CSV file declared as a table of columns: each column's name and how a row appends its
// field. The header and every line come from the one table, so names and values cannot drift
// apart (the request log and the time series; results.csv's table is richer).
#include <fmt/format.h>

#include <iterator>
#include <string>

namespace muxsim {

template <class Row> struct Column {
  const char* name;
  void (*write)(std::string& out, const Row& row);
};

// The header line of `columns`, newline included.
template <class Row, std::size_t N> std::string header_of(const Column<Row> (&columns)[N]) {
  std::string h;
  for (const auto& c : columns)
    h += (h.empty() ? "" : ",") + std::string(c.name);
  return h + "\n";
}

// `row` as a line of `columns`, written over `line` (reused, so a long log allocates once).
template <class Row, std::size_t N>
void write_line(std::string& line, const Column<Row> (&columns)[N], const Row& row) {
  line.clear();
  for (const auto& c : columns) {
    if (&c != columns) line += ',';
    c.write(line, row);
  }
  line += '\n';
}

// Appends `value` to `out` as `format` says.
template <class T> void put(std::string& out, const char* format, const T& value) {
  fmt::format_to(std::back_inserter(out), fmt::runtime(format), value);
}

} // namespace muxsim
