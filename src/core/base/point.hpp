#pragma once
// A position on the floor, in metres: where a phone stands or walks and where an access point
// is. It lives in base, below the readers (core/formats/positions.hpp) and the walks
// (core/model/walk.hpp) that both use it, and beside the scenario types that may hold it.

namespace muxsim {

struct Point {
  double x_m = 0, y_m = 0;
};

inline bool operator==(Point a, Point b) {
  return a.x_m == b.x_m && a.y_m == b.y_m;
}
inline bool operator!=(Point a, Point b) {
  return !(a == b);
}

} // namespace muxsim
