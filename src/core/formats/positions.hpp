#pragma once
// Where things stand and how phones walk (issue 39), in metres and seconds: a list of points
// in a scenario key, a CSV of points (`x,y`), and a CSV of recorded walks (`phone,t,x,y`).
// Bad input throws InputError naming the file, line and field; numbers must be finite and at
// most 1e9 in size (docs/limits.md).
#include "core/base/point.hpp"

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace muxsim {

// "0:0, 40.5:0, 80:12": comma-separated x:y points. `where` starts every message, e.g.
// "s.ini:7: field 'network.access_points'"; an empty list, an empty item, an item that is not
// two numbers around one ':', NaN and infinities are refused.
std::vector<Point> parse_points(const std::string& text, const std::string& where);

// A CSV with columns x and y (others are ignored), one point a row, at least one row.
std::vector<Point> read_points_csv(const std::string& path);

// A CSV with columns phone, t, x and y: each phone's (t, position) in the file's order, ready
// for Walk::trace. A phone's rows may be interleaved with other phones' but its times must
// increase strictly; phone is an integer >= 0 and t >= 0.
std::map<long, std::vector<std::pair<double, Point>>> read_walks_csv(const std::string& path);

} // namespace muxsim
