#include "core/formats/positions.hpp"

#include "core/base/input_error.hpp"
#include "core/base/limits.hpp"
#include "core/formats/csv.hpp"

#include <cmath>

namespace muxsim {

namespace {

// A coordinate or time, parsed and bounded; `context` names it in messages.
double bounded(const std::string& text, const std::string& context) {
  const double value = parse_number(text, context);
  if (std::abs(value) > kLargestValue) throw InputError(context + ": above 1e9 in size");
  return value;
}

// The current row's number in `column`, bounded.
double bounded(const CsvReader& csv, std::size_t column) {
  const double value = csv.number(column);
  if (std::abs(value) > kLargestValue)
    throw InputError(where(csv.name(), csv.line(), csv.header()[column]) + ": above 1e9 in size");
  return value;
}

} // namespace

std::vector<Point> parse_points(const std::string& text, const std::string& where) {
  if (trim(text).empty()) throw InputError(where + ": empty, expected points like 0:0, 40:12");
  std::vector<Point> points;
  for (const auto& raw : split(text, ',')) {
    const std::string item = trim(raw);
    const std::string name = where + ": point " + std::to_string(points.size() + 1);
    if (item.empty()) throw InputError(name + ": empty (a comma too many?)");
    const auto parts = split(item, ':');
    if (parts.size() != 2)
      throw InputError(name + ": '" + item + "' is not x:y (two numbers in metres)");
    points.push_back({bounded(parts[0], name + " (x)"), bounded(parts[1], name + " (y)")});
  }
  return points;
}

std::vector<Point> read_points_csv(const std::string& path) {
  CsvReader csv(path);
  csv.require_columns({"x", "y"});
  const std::size_t x = csv.column_index("x"), y = csv.column_index("y");
  std::vector<Point> points;
  while (csv.next())
    points.push_back({bounded(csv, x), bounded(csv, y)});
  if (points.empty()) throw InputError(path + ": no rows (expected x and y in metres)");
  return points;
}

std::map<long, std::vector<std::pair<double, Point>>> read_walks_csv(const std::string& path) {
  CsvReader csv(path);
  csv.require_columns({"phone", "t", "x", "y"});
  const std::size_t phone = csv.column_index("phone"), t = csv.column_index("t"),
                    x = csv.column_index("x"), y = csv.column_index("y");
  std::map<long, std::vector<std::pair<double, Point>>> walks;
  std::map<long, std::pair<std::string, int>> before; // each phone's last t and its line
  while (csv.next()) {
    const long id = csv.integer(phone);
    if (id < 0 || id > kLargestCount)
      throw InputError(where(path, csv.line(), "phone") + ": must be an integer in [0, 1e9]");
    const double time = bounded(csv, t);
    if (time < 0) throw InputError(where(path, csv.line(), "t") + ": time must not be negative");
    auto& walk = walks[id];
    if (!walk.empty() && !(time > walk.back().first))
      throw InputError(where(path, csv.line(), "t") +
                       ": time goes backwards or repeats for phone " + std::to_string(id) + " (" +
                       csv.text(t) + " after " + before[id].first + " on line " +
                       std::to_string(before[id].second) + ")");
    walk.push_back({time, {bounded(csv, x), bounded(csv, y)}});
    before[id] = {csv.text(t), csv.line()};
  }
  if (walks.empty()) throw InputError(path + ": no rows (expected phone, t, x and y)");
  return walks;
}

} // namespace muxsim
