#pragma once
// Phones that walk (issue 39): each phone's path as straight legs at constant speed, and the
// instants at which a walking phone crosses a distance threshold.
//
// Movement is events, not ticks: the simulator changes a phone's rate at the very instant it
// crosses a threshold (a rate step's distance from an access point, or the margin at which it
// roams to another), so the crossings are solved exactly from each leg's quadratic rather
// than found by sampling positions every so often. Sampling would move every change by up to
// a step, differently for every step size, and cost work for phones that change nothing.
#include "core/base/point.hpp"
#include "core/model/rng.hpp"

#include <array>
#include <cstddef>
#include <utility>
#include <vector>

namespace muxsim {

double distance_m(Point a, Point b);

// One straight leg of a walk, at constant speed from `from` (at start_s) to `to` (at end_s).
// A pause has from == to. end_s may be +infinity only for a pause (a phone that stays).
struct Leg {
  double start_s = 0, end_s = 0;
  Point from, to;
  // The position at `t_s`: `from` up to start_s, `to` from end_s on (exactly), linear between.
  Point at(double t_s) const;
};

struct Area {
  double width_m = 0, height_m = 0; // [0, width] x [0, height]
};

struct Range {
  double low = 0, high = 0; // a uniform draw in [low, high]
};

// One phone's path from time 0 on, as contiguous legs (each starts where and when the one
// before ended), made one at a time. next() never ends: after a leg that ends at +infinity it
// returns the empty leg [+inf, +inf) at the same point. Pauses of length 0 are left out; a
// move can still give an empty leg (start_s == end_s) when it is too short for the clock to
// tell, so a caller takes the next leg whenever one is over.
class Walk {
public:
  // Stands at `p`: one leg [0, +inf).
  static Walk fixed(Point p);
  // Random waypoint: from `start`, pick a destination uniform in `area` and a speed uniform in
  // `speed_mps`, walk there in a straight line, pause for a time uniform in `pause_s`, and
  // repeat (`start` may lie outside the area; every destination is in it). Each round draws from
  // `rng` four times (x, y, speed, pause) in that order, so a seed gives the same walk everywhere.
  // Throws std::invalid_argument unless the speeds are positive, the pauses not negative, each
  // range has low <= high, and all are finite.
  static Walk waypoint(Point start, Area area, Range speed_mps, Range pause_s, Rng rng);
  // A recorded walk: positions at strictly increasing times, linearly interpolated. Before the
  // first time the phone stands at the first point, after the last at the last point (a final
  // leg to +inf); times before 0 are cut off. Throws std::invalid_argument on no points, or
  // times not finite or not strictly increasing.
  static Walk trace(std::vector<std::pair<double, Point>> points);

  Leg next();

private:
  enum class Kind { Fixed, Waypoint, Trace };
  Leg waypoint_leg();
  Leg trace_leg();
  // The leg [clock_, end) from here to `to`, and the clock and position moved to its end.
  Leg advance(double end_s, Point to);

  Kind kind_ = Kind::Fixed;
  double clock_ = 0;
  Point here_;
  // waypoint
  Area area_;
  Range speed_, pause_;
  Rng rng_{0, 0, 0};
  double pause_left_s_ = 0; // the pause drawn with the last destination, still to be taken
  // trace
  std::vector<std::pair<double, Point>> points_;
  std::size_t index_ = 0; // the next point to walk to
};

// The times at which a straight leg crosses a circle (or a line): at most two, ascending,
// kept in place (a walk asks for thousands per simulated second).
class Crossings {
public:
  void add(double t) { times_[static_cast<std::size_t>(count_++)] = t; }
  const double* begin() const { return times_.data(); }
  const double* end() const { return times_.data() + count_; }
  std::size_t size() const { return static_cast<std::size_t>(count_); }
  bool empty() const { return count_ == 0; }
  double operator[](std::size_t i) const { return times_[i]; }
  bool operator==(const std::vector<double>& other) const {
    return std::vector<double>(begin(), end()) == other;
  }

private:
  std::array<double, 2> times_{};
  int count_ = 0;
};

// The times in [from_s, leg.end_s) at which the phone's distance from `centre` equals
// `radius_m`, where it enters or leaves the disc, ascending. A leg that only touches the
// circle (a tangent), a pause and an empty leg give none; a leg that starts on the circle and
// leaves it gives its start. Between two consecutive times (and a leg's start and end) the
// phone stays on one side, so a caller finds the side from the position midway between them,
// where no rounding can blur it.
Crossings disc_crossings(const Leg& leg, Point centre, double radius_m, double from_s);

// How close the leg's straight segment comes to `p`.
double distance_to_leg(Point p, const Leg& leg);

// The times in [from_s, leg.end_s) at which the distance to `a` equals `ratio` times the
// distance to `b`: |p - a|^2 = ratio^2 |p - b|^2. For ratio != 1 that is a circle (Apollonius'),
// for ratio == 1 the perpendicular bisector of a and b. Under log-distance path loss with
// exponent n, access point b is k dB stronger than a where ratio = 10^(k / (10 n)). Same
// conventions as disc_crossings; throws std::invalid_argument unless ratio is positive and
// finite.
Crossings ratio_crossings(const Leg& leg, Point a, Point b, double ratio, double from_s);

} // namespace muxsim
