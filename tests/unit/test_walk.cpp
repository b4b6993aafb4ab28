// Phones that walk: legs, the walks that make them, and the instants a leg crosses a threshold,
// checked against cases computed by hand.
#include "core/model/walk.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <limits>
#include <stdexcept>

using namespace muxsim;

namespace {

const double kInf = std::numeric_limits<double>::infinity();

Leg leg(double start, double end, Point from, Point to) {
  return {start, end, from, to};
}

bool inside(Point p, Area a) {
  return p.x_m >= 0 && p.x_m <= a.width_m && p.y_m >= 0 && p.y_m <= a.height_m;
}

} // namespace

TEST_CASE("a leg's position: the ends exactly, linear between, held before and after") {
  const Leg l = leg(10, 20, {0, 0}, {10, -4});
  CHECK(l.at(15) == Point{5, -2});
  CHECK(l.at(10) == l.from);
  CHECK(l.at(20) == l.to);
  CHECK(l.at(0) == l.from);
  CHECK(l.at(1e9) == l.to);
  const Leg stay = leg(5, kInf, {3, 4}, {3, 4});
  CHECK(stay.at(1e12) == Point{3, 4});
  CHECK(stay.at(kInf) == Point{3, 4});
  CHECK(distance_m({0, 0}, {3, 4}) == 5);
}

TEST_CASE("disc crossings: a leg entering a disc at t=50 and leaving beyond its end") {
  // (0,0) to (100,0) in 100 s, radius 30 around (80,0): enters at x = 50, would leave at 110.
  const Leg in = leg(0, 100, {0, 0}, {100, 0});
  auto t = disc_crossings(in, {80, 0}, 30, 0);
  REQUIRE(t.size() == 1);
  CHECK(t[0] == doctest::Approx(50));
  CHECK(disc_crossings(in, {80, 0}, 30, 50) == std::vector<double>{t[0]});
  CHECK(disc_crossings(in, {80, 0}, 30, 60).empty());
  // Walking back from (100,0) over [100, 200): inside at first, leaves at x = 50.
  t = disc_crossings(leg(100, 200, {100, 0}, {0, 0}), {80, 0}, 30, 0);
  REQUIRE(t.size() == 1);
  CHECK(t[0] == doctest::Approx(150));
  // Off the axis: radius 50 around (50,40) meets y = 0 at x = 50 -+ 30; both, in order.
  t = disc_crossings(in, {50, 40}, 50, 0);
  REQUIRE(t.size() == 2);
  CHECK(t[0] == doctest::Approx(20));
  CHECK(t[1] == doctest::Approx(80));
  for (const double at : t)
    CHECK(distance_m(in.at(at), {50, 40}) == doctest::Approx(50));
  // Half-open: a leg ending exactly on the circle leaves the crossing to the next leg's start.
  CHECK(disc_crossings(leg(0, 50, {0, 0}, {50, 0}), {80, 0}, 30, 0).empty());
  CHECK(disc_crossings(leg(50, 100, {50, 0}, {100, 0}), {80, 0}, 30, 0) == std::vector<double>{50});
}

TEST_CASE("disc crossings: tangents, pauses, empty and endless legs cross nothing") {
  // y = 30 touches the circle of radius 30 around (50,0) at (50,30): no side is changed.
  CHECK(disc_crossings(leg(0, 100, {0, 30}, {100, 30}), {50, 0}, 30, 0).empty());
  // A hair further in it cuts the disc twice, symmetric about x = 50.
  const auto t = disc_crossings(leg(0, 100, {0, 30}, {100, 30}), {50, 0}, 30.001, 0);
  REQUIRE(t.size() == 2);
  const double half = std::sqrt(30.001 * 30.001 - 900);
  CHECK(t[0] == doctest::Approx(50 - half).epsilon(1e-9));
  CHECK(t[1] == doctest::Approx(50 + half).epsilon(1e-9));
  // A pause on the circle, an empty leg across it, a phone that stays: no crossing.
  CHECK(disc_crossings(leg(0, 10, {50, 0}, {50, 0}), {80, 0}, 30, 0).empty());
  CHECK(disc_crossings(leg(7, 7, {0, 0}, {100, 0}), {80, 0}, 30, 0).empty());
  auto fixed = Walk::fixed({50, 0});
  CHECK(disc_crossings(fixed.next(), {80, 0}, 30, 0).empty());
  CHECK(disc_crossings(fixed.next(), {80, 0}, 30, 0).empty());
  CHECK_THROWS_AS(disc_crossings(leg(0, 1, {0, 0}, {1, 0}), {0, 0}, -1, 0), std::invalid_argument);
}

TEST_CASE("disc crossings far from the origin and late in time keep their precision") {
  for (const double offset : {1e6, 1e8, 1e9}) {
    INFO(offset);
    const Leg l = leg(1e6, 1e6 + 100, {offset, offset}, {offset + 100, offset});
    const auto t = disc_crossings(l, {offset + 80, offset}, 30, 0);
    REQUIRE(t.size() == 1);
    CHECK(t[0] == doctest::Approx(1e6 + 50).epsilon(1e-12));
    // A near-tangent: 1 mm inside a circle of 30 m.
    const Leg near = leg(0, 100, {offset, offset + 29.999}, {offset + 100, offset + 29.999});
    const auto two = disc_crossings(near, {offset + 50, offset}, 30, 0);
    REQUIRE(two.size() == 2);
    const double half = std::sqrt(30.0 * 30 - 29.999 * 29.999);
    CHECK(two[0] == doctest::Approx(50 - half).epsilon(1e-6));
    CHECK(two[1] == doctest::Approx(50 + half).epsilon(1e-6));
  }
  // A leg 2e9 m long past a circle of 30 m: squares of 1e18 would cancel, the tangent's
  // distance from the line does not.
  const Leg across = leg(0, 2e9, {-1e9, 30}, {1e9, 30});
  CHECK(disc_crossings(across, {0, 0}, 30, 0).empty());
  const auto chord = disc_crossings(leg(0, 2e9, {-1e9, 29.9}, {1e9, 29.9}), {0, 0}, 30, 0);
  REQUIRE(chord.size() == 2);
  const double half = std::sqrt(30 * 30 - 29.9 * 29.9);
  CHECK(std::abs(chord[0] - (1e9 - half)) < 1e-6);
  CHECK(std::abs(chord[1] - (1e9 + half)) < 1e-6);
}

TEST_CASE("ratio crossings: the bisector for ratio 1, Apollonius' circle otherwise") {
  const Point a{0, 0}, b{100, 0};
  // Ratio 1 on a leg from a to b: midway.
  CHECK(ratio_crossings(leg(0, 100, a, b), a, b, 1, 0) == std::vector<double>{50});
  // A slanted leg crosses the bisector x = 50 where it does; one along it never does.
  auto t = ratio_crossings(leg(0, 100, {0, -50}, {100, 50}), a, b, 1, 0);
  REQUIRE(t.size() == 1);
  CHECK(t[0] == doctest::Approx(50));
  CHECK(ratio_crossings(leg(0, 100, {50, -10}, {50, 10}), a, b, 1, 0).empty());
  CHECK(ratio_crossings(leg(0, 100, {60, -10}, {60, 10}), a, b, 1, 0).empty());
  // Ratio 2 on the axis: x = 2 (100 - x) at 200/3 and x = 2 (x - 100) at 200.
  t = ratio_crossings(leg(0, 300, {0, 0}, {300, 0}), a, b, 2, 0);
  REQUIRE(t.size() == 2);
  CHECK(t[0] == doctest::Approx(200.0 / 3));
  CHECK(t[1] == doctest::Approx(200));
  // Ratio 1/2: x = (100 - x) / 2 at 100/3, and -x = (100 - x) / 2 at -100.
  t = ratio_crossings(leg(0, 300, {-200, 0}, {100, 0}), a, b, 0.5, 0);
  REQUIRE(t.size() == 2);
  CHECK(t[0] == doctest::Approx(100));
  CHECK(t[1] == doctest::Approx(700.0 / 3));
  // Very near 1 the circle is almost the bisector, and the answer goes smoothly to 50.
  t = ratio_crossings(leg(0, 100, a, b), a, b, 1 + 1e-12, 0);
  REQUIRE(t.size() == 1);
  CHECK(t[0] == doctest::Approx(50).epsilon(1e-9));
  CHECK_THROWS_AS(ratio_crossings(leg(0, 1, a, b), a, b, 0, 0), std::invalid_argument);
  CHECK_THROWS_AS(ratio_crossings(leg(0, 1, a, b), a, b, std::nan(""), 0), std::invalid_argument);
}

TEST_CASE("ratio crossings: b 8 dB stronger than a under log-distance loss, exponent 3") {
  const Point a{0, 0}, b{60, 20};
  const double ratio = std::pow(10.0, 8.0 / 30); // 30 log10(d_a / d_b) = 8 dB
  const Leg l = leg(5, 125, {-10, 0}, {110, 30});
  const auto t = ratio_crossings(l, a, b, ratio, 0);
  REQUIRE(!t.empty());
  for (const double at : t) {
    const Point p = l.at(at);
    CHECK(30 * std::log10(distance_m(p, a) / distance_m(p, b)) == doctest::Approx(8));
  }
  // Starting at a, the phone is nearer a; b's margin is reached once, before b itself.
  CHECK(ratio_crossings(leg(0, 60, a, b), a, b, ratio, 0).size() == 1);
}

TEST_CASE("a fixed phone: one endless leg, then empty ones at infinity") {
  auto w = Walk::fixed({3, 4});
  const Leg first = w.next();
  CHECK(first.start_s == 0);
  CHECK(first.end_s == kInf);
  CHECK(first.from == Point{3, 4});
  CHECK(first.to == Point{3, 4});
  const Leg after = w.next();
  CHECK(after.start_s == kInf);
  CHECK(after.end_s == kInf);
  CHECK(after.from == Point{3, 4});
}

TEST_CASE("random waypoint: seeded, contiguous, inside the area, speeds and pauses in range") {
  const Area area{200, 100};
  const Range speed{0.5, 1.5}, pause{2, 5};
  auto make = [&](std::uint64_t seed) {
    return Walk::waypoint({10, 10}, area, speed, pause, Rng(seed, 3, kWalks));
  };
  auto w = make(1), same = make(1), other = make(2);
  bool differs = false;
  Leg before{0, 0, {10, 10}, {10, 10}};
  for (int i = 0; i < 2000; ++i) {
    const Leg l = w.next(), twin = same.next(), stranger = other.next();
    CHECK(l.start_s == twin.start_s);
    CHECK(l.end_s == twin.end_s);
    CHECK(l.to == twin.to);
    differs = differs || stranger.to != l.to;
    CHECK(l.start_s == before.end_s);
    CHECK(l.from == before.to);
    CHECK(l.at(l.start_s) == before.at(before.end_s));
    CHECK(l.end_s > l.start_s);
    CHECK(inside(l.to, area));
    const double duration = l.end_s - l.start_s;
    if (i % 2 == 0) { // a move, then its pause
      const double mps = distance_m(l.from, l.to) / duration;
      CHECK(mps >= speed.low * (1 - 1e-12));
      CHECK(mps <= speed.high * (1 + 1e-12));
    } else {
      CHECK(l.from == l.to);
      CHECK(duration >= pause.low * (1 - 1e-12));
      CHECK(duration <= pause.high * (1 + 1e-12));
    }
    before = l;
  }
  CHECK(differs);
}

TEST_CASE("random waypoint: no pauses, a one-point area, and bad ranges") {
  auto moving = Walk::waypoint({0, 0}, {50, 50}, {1, 1}, {0, 0}, Rng(7, 0, kWalks));
  for (int i = 0; i < 100; ++i) {
    const Leg l = moving.next();
    CHECK(l.from != l.to);
  }
  // A one-point area and no pauses: walk there, then stay for ever.
  auto point = Walk::waypoint({3, 4}, {0, 0}, {1, 1}, {0, 0}, Rng(7, 0, kWalks));
  const Leg there = point.next();
  CHECK(there.to == Point{0, 0});
  CHECK(there.end_s == doctest::Approx(5));
  CHECK(point.next().end_s == kInf);
  CHECK(point.next().start_s == kInf);
  const Rng rng(7, 0, kWalks);
  CHECK_THROWS_AS(Walk::waypoint({0, 0}, {1, 1}, {0, 1}, {0, 0}, rng), std::invalid_argument);
  CHECK_THROWS_AS(Walk::waypoint({0, 0}, {1, 1}, {2, 1}, {0, 0}, rng), std::invalid_argument);
  CHECK_THROWS_AS(Walk::waypoint({0, 0}, {1, 1}, {1, 1}, {-1, 0}, rng), std::invalid_argument);
  CHECK_THROWS_AS(Walk::waypoint({0, 0}, {-1, 1}, {1, 1}, {0, 0}, rng), std::invalid_argument);
}

TEST_CASE("a recorded walk: stands before its first time, interpolates, stays after its last") {
  auto w = Walk::trace({{10, {0, 0}}, {20, {10, 0}}, {30, {10, 10}}});
  const Leg wait = w.next();
  CHECK(wait.start_s == 0);
  CHECK(wait.end_s == 10);
  CHECK(wait.from == Point{0, 0});
  CHECK(wait.to == Point{0, 0});
  const Leg east = w.next();
  CHECK(east.start_s == 10);
  CHECK(east.end_s == 20);
  CHECK(east.at(15) == Point{5, 0});
  const Leg north = w.next();
  CHECK(north.at(25) == Point{10, 5});
  const Leg stay = w.next();
  CHECK(stay.start_s == 30);
  CHECK(stay.end_s == kInf);
  CHECK(stay.from == Point{10, 10});
  CHECK(w.next().start_s == kInf);
  // Times before 0 are cut off: at time 0 the phone is halfway along its first segment.
  auto late = Walk::trace({{-10, {0, 0}}, {10, {20, 0}}});
  const Leg cut = late.next();
  CHECK(cut.start_s == 0);
  CHECK(cut.from == Point{10, 0});
  CHECK(cut.to == Point{20, 0});
  CHECK_THROWS_AS(Walk::trace({}), std::invalid_argument);
  CHECK_THROWS_AS(Walk::trace({{1, {0, 0}}, {1, {1, 1}}}), std::invalid_argument);
}

TEST_CASE("crossings on random legs: the side is constant between them and flips at each") {
  Rng rng(11, 0, kWalks);
  auto coordinate = [&] { return -100 + 300 * rng.uniform(); };
  int crossings = 0;
  for (int i = 0; i < 2000; ++i) {
    const double start = 1000 * rng.uniform();
    const Leg l = leg(start, start + 1 + 99 * rng.uniform(), {coordinate(), coordinate()},
                      {coordinate(), coordinate()});
    const Point c{coordinate(), coordinate()}, a{coordinate(), coordinate()};
    const double r = 1 + 80 * rng.uniform(), ratio = 0.25 + 3.5 * rng.uniform();
    // Negative on one side of the threshold, positive on the other.
    const bool disc = i % 2 == 0;
    auto side = [&](double t) {
      const Point p = l.at(t);
      return disc ? distance_m(p, c) < r : distance_m(p, a) < ratio * distance_m(p, c);
    };
    const Crossings found = disc ? disc_crossings(l, c, r, 0) : ratio_crossings(l, a, c, ratio, 0);
    crossings += static_cast<int>(found.size());
    std::vector<double> times = {l.start_s};
    times.insert(times.end(), found.begin(), found.end());
    times.push_back(l.end_s);
    INFO(i);
    for (std::size_t k = 0; k + 1 < times.size(); ++k) {
      const double from = times[k], span = times[k + 1] - from;
      REQUIRE(span > 0);
      const bool here = side(from + 0.5 * span);
      for (const double f : {0.01, 0.25, 0.75, 0.99})
        CHECK(side(from + f * span) == here);
      if (k > 0) CHECK(here != side(times[k - 1] + 0.5 * (from - times[k - 1])));
    }
  }
  CHECK(crossings > 500); // 605: the cases are not all trivial
}

TEST_CASE("how close a leg comes to a point") {
  const Leg leg{0, 10, {0, 0}, {10, 0}};
  CHECK(distance_to_leg({5, 3}, leg) == doctest::Approx(3));
  CHECK(distance_to_leg({-4, 3}, leg) == doctest::Approx(5)); // beyond its start
  CHECK(distance_to_leg({13, 4}, leg) == doctest::Approx(5)); // beyond its end
  const Leg pause{0, 10, {1, 1}, {1, 1}};
  CHECK(distance_to_leg({4, 5}, pause) == doctest::Approx(5));
}
