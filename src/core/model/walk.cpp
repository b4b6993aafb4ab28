#include "core/model/walk.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>

namespace muxsim {

namespace {

constexpr double kForever = std::numeric_limits<double>::infinity();

Point minus(Point a, Point b) {
  return {a.x_m - b.x_m, a.y_m - b.y_m};
}
double dot(Point u, Point v) {
  return u.x_m * v.x_m + u.y_m * v.y_m;
}
double cross(Point u, Point v) {
  return u.x_m * v.y_m - u.y_m * v.x_m;
}
// Coordinates are at most 1e9 m (docs/limits.md), so the squares cannot overflow; std::hypot
// took a third of a walking city's time.
double length(Point u) {
  return std::sqrt(dot(u, u));
}
bool finite(Point p) {
  return std::isfinite(p.x_m) && std::isfinite(p.y_m);
}

// A leg along which the phone moves: of positive, finite duration and length.
bool moves(const Leg& leg) {
  return std::isfinite(leg.start_s) && std::isfinite(leg.end_s) && leg.end_s > leg.start_s &&
         leg.from != leg.to && finite(leg.from) && finite(leg.to);
}

// A threshold g(p) = kappa (|p - c|^2 - R^2), negative on one side and positive on the other,
// along a leg (p = from + s D, D = to - from, s in [0, 1)): alpha s^2 + 2 beta s + gamma with
// alpha = kappa |D|^2, beta = e . D for e = kappa (from - c), and gamma = g(from). By Lagrange's
// identity beta^2 - alpha gamma = |D|^2 R'^2 - (e x D)^2 with R' = |kappa| R, which the roots
// take as a product of two factors: a leg passing near the tangent then subtracts no two huge
// squares. For kappa -> 0 (a circle opening into a line) e and R' stay finite.
struct Quadratic {
  double alpha = 0, beta = 0, gamma = 0;
  Point e;
  double radius = 0;
};

Crossings times_of(const Leg& leg, const Quadratic& f, double from_s) {
  const Point D = minus(leg.to, leg.from);
  const double reach = length(D) * f.radius, off = std::abs(cross(f.e, D));
  const double discriminant = (reach - off) * (reach + off);
  // No real root, or a double one: the leg stays on one side, at most touching the boundary.
  if (!(discriminant > 0)) return {};
  // The roots as (-beta -+ sqrt) / alpha, the one that would cancel taken as gamma / q instead:
  // both accurate however small alpha is (alpha = 0, a straight boundary, leaves gamma / q).
  const double q = -(f.beta + std::copysign(std::sqrt(discriminant), f.beta));
  double fractions[2] = {f.gamma / q, f.alpha != 0 ? q / f.alpha : -1};
  if (f.alpha != 0 && fractions[1] < fractions[0]) std::swap(fractions[0], fractions[1]);
  Crossings times;
  const double duration = leg.end_s - leg.start_s;
  for (const double s : fractions) {
    if (!(s >= 0 && s < 1)) continue;
    const double t = leg.start_s + s * duration;
    if (t >= from_s && t < leg.end_s) times.add(t);
  }
  return times;
}

double draw(Rng& rng, Range range) {
  return range.low + (range.high - range.low) * rng.uniform();
}

bool valid(Range r, double least) {
  return std::isfinite(r.low) && std::isfinite(r.high) && r.low >= least && r.high >= r.low;
}

} // namespace

double distance_m(Point a, Point b) {
  return length(minus(a, b));
}

Point Leg::at(double t_s) const {
  if (!(t_s > start_s)) return from;
  if (t_s >= end_s) return to;
  // For an endless leg (a pause) the fraction is 0.
  const double fraction = (t_s - start_s) / (end_s - start_s);
  return {from.x_m + fraction * (to.x_m - from.x_m), from.y_m + fraction * (to.y_m - from.y_m)};
}

Crossings disc_crossings(const Leg& leg, Point centre, double radius_m, double from_s) {
  if (!(radius_m >= 0) || !std::isfinite(radius_m))
    throw std::invalid_argument("disc_crossings: radius " + std::to_string(radius_m));
  if (!moves(leg) || !finite(centre)) return {};
  const Point D = minus(leg.to, leg.from), e = minus(leg.from, centre);
  const double d = length(e);
  return times_of(leg, {dot(D, D), dot(e, D), (d - radius_m) * (d + radius_m), e, radius_m},
                  from_s);
}

// |p - a|^2 - k^2 |p - b|^2 = (1 - k^2) (|p - c|^2 - R^2) with c = (a - k^2 b) / (1 - k^2) and
// R = k |a - b| / |1 - k^2| (Apollonius' circle): so e = (from - a) - k^2 (from - b) and
// R' = k |a - b|, both finite at k = 1, where the circle is the bisector and alpha is 0.
Crossings ratio_crossings(const Leg& leg, Point a, Point b, double ratio, double from_s) {
  if (!(ratio > 0) || !std::isfinite(ratio))
    throw std::invalid_argument("ratio_crossings: ratio " + std::to_string(ratio));
  if (!moves(leg) || !finite(a) || !finite(b)) return {};
  const Point D = minus(leg.to, leg.from), u = minus(leg.from, a), w = minus(leg.from, b);
  const double k2 = ratio * ratio, du = length(u), dw = ratio * length(w);
  const Point e{u.x_m - k2 * w.x_m, u.y_m - k2 * w.y_m};
  const double alpha = (1 - ratio) * (1 + ratio) * dot(D, D);
  return times_of(leg, {alpha, dot(e, D), (du - dw) * (du + dw), e, ratio * distance_m(a, b)},
                  from_s);
}

Walk Walk::fixed(Point p) {
  Walk w;
  w.here_ = p;
  return w;
}

Walk Walk::waypoint(Point start, Area area, Range speed_mps, Range pause_s, Rng rng) {
  if (!finite(start) || !std::isfinite(area.width_m) || !std::isfinite(area.height_m) ||
      area.width_m < 0 || area.height_m < 0)
    throw std::invalid_argument("Walk::waypoint: start or area not finite, or area negative");
  if (!valid(speed_mps, 0) || speed_mps.low == 0)
    throw std::invalid_argument("Walk::waypoint: speeds must be positive, low <= high");
  if (!valid(pause_s, 0))
    throw std::invalid_argument("Walk::waypoint: pauses must not be negative, low <= high");
  Walk w;
  w.kind_ = Kind::Waypoint;
  w.here_ = start;
  w.area_ = area;
  w.speed_ = speed_mps;
  w.pause_ = pause_s;
  w.rng_ = rng;
  return w;
}

Walk Walk::trace(std::vector<std::pair<double, Point>> points) {
  if (points.empty()) throw std::invalid_argument("Walk::trace: no points");
  for (std::size_t i = 0; i < points.size(); ++i)
    if (!std::isfinite(points[i].first) || !finite(points[i].second) ||
        (i > 0 && !(points[i].first > points[i - 1].first)))
      throw std::invalid_argument("Walk::trace: point " + std::to_string(i) +
                                  ": time not finite or not after the one before");
  Walk w;
  w.kind_ = Kind::Trace;
  w.points_ = std::move(points);
  const auto& p = w.points_;
  // Start at the first point after time 0, from where the phone stands at time 0.
  while (w.index_ < p.size() && p[w.index_].first <= 0)
    ++w.index_;
  if (w.index_ == 0)
    w.here_ = p.front().second;
  else if (w.index_ == p.size())
    w.here_ = p.back().second;
  else
    w.here_ =
        Leg{p[w.index_ - 1].first, p[w.index_].first, p[w.index_ - 1].second, p[w.index_].second}
            .at(0);
  return w;
}

Leg Walk::next() {
  if (clock_ == kForever) return {kForever, kForever, here_, here_};
  switch (kind_) {
  case Kind::Fixed:
    return advance(kForever, here_);
  case Kind::Waypoint:
    return waypoint_leg();
  case Kind::Trace:
    return trace_leg();
  }
  return {};
}

Leg Walk::advance(double end_s, Point to) {
  const Leg leg{clock_, end_s, here_, to};
  clock_ = end_s;
  here_ = to;
  return leg;
}

Leg Walk::waypoint_leg() {
  if (pause_left_s_ > 0) {
    const double pause = std::exchange(pause_left_s_, 0.0);
    return advance(clock_ + pause, here_);
  }
  for (;;) {
    const Point to{draw(rng_, {0, area_.width_m}), draw(rng_, {0, area_.height_m})};
    const double speed = draw(rng_, speed_);
    pause_left_s_ = draw(rng_, pause_);
    const double length_m = distance_m(here_, to);
    if (length_m > 0) return advance(clock_ + length_m / speed, to);
    // Already there (an area of one point, or a draw landing on the phone): pause at once.
    if (pause_left_s_ > 0) return waypoint_leg();
    // An area of one point and no pauses: nothing will ever happen again.
    if (area_.width_m == 0 && area_.height_m == 0 && pause_.high == 0)
      return advance(kForever, here_);
  }
}

Leg Walk::trace_leg() {
  if (index_ == points_.size()) return advance(kForever, here_);
  const auto& [t, p] = points_[index_++];
  return advance(t, p);
}

double distance_to_leg(Point p, const Leg& leg) {
  const double dx = leg.to.x_m - leg.from.x_m, dy = leg.to.y_m - leg.from.y_m;
  const double length2 = dx * dx + dy * dy;
  double u = 0; // where along the segment the nearest point is, 0 to 1
  if (length2 > 0)
    u = std::clamp(((p.x_m - leg.from.x_m) * dx + (p.y_m - leg.from.y_m) * dy) / length2, 0.0, 1.0);
  return distance_m(p, {leg.from.x_m + u * dx, leg.from.y_m + u * dy});
}

} // namespace muxsim
