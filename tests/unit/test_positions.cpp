// The readers of points and recorded walks name the file, line and field of bad input.
#include "core/formats/positions.hpp"
#include "core/model/walk.hpp"
#include "test_util.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

namespace {

using test::error_of;
using test::write_temp;

const std::string kKey = "s.ini:4: field 'network.access_points'";

std::string points_error(const std::string& text) {
  return error_of([&] { parse_points(text, kKey); });
}

} // namespace

TEST_CASE("a list of points: x:y pairs, spaces allowed") {
  const auto p = parse_points("0:0, 40.5:0 ,80 : -12", kKey);
  REQUIRE(p.size() == 3);
  CHECK(p[1] == Point{40.5, 0});
  CHECK(p[2] == Point{80, -12});
  CHECK(parse_points("7:8", kKey) == std::vector<Point>{{7, 8}});
}

TEST_CASE("a list of points: empty items, garbage, NaN and infinities are named") {
  CHECK(points_error("") == kKey + ": empty, expected points like 0:0, 40:12");
  CHECK(points_error("0:0,,1:1") == kKey + ": point 2: empty (a comma too many?)");
  CHECK(points_error("0:0, 1:1,") == kKey + ": point 3: empty (a comma too many?)");
  CHECK(points_error("0:0, abc") == kKey + ": point 2: 'abc' is not x:y (two numbers in metres)");
  CHECK(points_error("1:2:3") == kKey + ": point 1: '1:2:3' is not x:y (two numbers in metres)");
  CHECK(points_error("0;0") == kKey + ": point 1: '0;0' is not x:y (two numbers in metres)");
  CHECK(points_error("nan:0") == kKey + ": point 1 (x): 'nan' is not a number");
  CHECK(points_error("0:0, 1:inf") == kKey + ": point 2 (y): 'inf' is not a number");
  CHECK(points_error("0:") == kKey + ": point 1 (y): empty where a number belongs");
  CHECK(points_error("2e9:0") == kKey + ": point 1 (x): above 1e9 in size");
}

TEST_CASE("a CSV of points") {
  const auto ok = write_temp("points1.csv", "x,y,name\n0,0,door\n# a comment\n40.5,-3,desk\n");
  CHECK(read_points_csv(ok) == std::vector<Point>{{0, 0}, {40.5, -3}});
  const auto no_y = write_temp("points2.csv", "x,z\n1,2\n");
  CHECK(error_of([&] { read_points_csv(no_y); }) == no_y + ":1: field 'y': missing column");
  const auto bad = write_temp("points3.csv", "x,y\n1,2\n1,nan\n");
  CHECK(error_of([&] { read_points_csv(bad); }) == bad + ":3: field 'y': 'nan' is not a number");
  const auto huge = write_temp("points4.csv", "x,y\n-1e10,2\n");
  CHECK(error_of([&] { read_points_csv(huge); }) == huge + ":2: field 'x': above 1e9 in size");
  const auto empty = write_temp("points5.csv", "x,y\n");
  CHECK(error_of([&] { read_points_csv(empty); }) ==
        empty + ": no rows (expected x and y in metres)");
}

TEST_CASE("a CSV of recorded walks: phones interleaved, each phone's time increasing") {
  const auto ok = write_temp("walks1.csv", "phone,t,x,y\n0,0,0,0\n1,5,1,1\n0,10,10,0\n"
                                           "1,6,2,1\n0,20,10,10\n");
  const auto walks = read_walks_csv(ok);
  REQUIRE(walks.size() == 2);
  REQUIRE(walks.at(0).size() == 3);
  CHECK(walks.at(0)[1].first == 10);
  CHECK(walks.at(0)[1].second == Point{10, 0});
  CHECK(walks.at(1)[1].second == Point{2, 1});
  // Ready for Walk::trace: phone 0 is halfway east at t = 5.
  auto walk = Walk::trace(walks.at(0));
  CHECK(walk.next().at(5) == Point{5, 0});
}

TEST_CASE("a CSV of recorded walks: time going backwards or repeating, bad phones and numbers") {
  const auto back = write_temp("walks2.csv", "phone,t,x,y\n0,0,0,0\n0,5,1,1\n1,2,0,0\n0,4.5,2,2\n");
  CHECK(error_of([&] { read_walks_csv(back); }) ==
        back + ":5: field 't': time goes backwards or repeats for phone 0 (4.5 after 5 on line 3)");
  const auto repeat = write_temp("walks3.csv", "phone,t,x,y\n2,1,0,0\n2,1,1,1\n");
  CHECK(error_of([&] { read_walks_csv(repeat); }) ==
        repeat + ":3: field 't': time goes backwards or repeats for phone 2 (1 after 1 on line 2)");
  const auto negative = write_temp("walks4.csv", "phone,t,x,y\n-1,0,0,0\n");
  CHECK(error_of([&] { read_walks_csv(negative); }) ==
        negative + ":2: field 'phone': must be an integer in [0, 1e9]");
  const auto fraction = write_temp("walks5.csv", "phone,t,x,y\n1.5,0,0,0\n");
  CHECK(error_of([&] { read_walks_csv(fraction); }) ==
        fraction + ":2: field 'phone': '1.5' is not an integer");
  const auto early = write_temp("walks6.csv", "phone,t,x,y\n0,-1,0,0\n");
  CHECK(error_of([&] { read_walks_csv(early); }) ==
        early + ":2: field 't': time must not be negative");
  const auto nan = write_temp("walks7.csv", "phone,t,x,y\n0,0,0,NaN\n");
  CHECK(error_of([&] { read_walks_csv(nan); }) == nan + ":2: field 'y': 'NaN' is not a number");
  const auto no_t = write_temp("walks8.csv", "phone,x,y\n0,0,0\n");
  CHECK(error_of([&] { read_walks_csv(no_t); }) == no_t + ":1: field 't': missing column");
  const auto empty = write_temp("walks9.csv", "phone,t,x,y\n");
  CHECK(error_of([&] { read_walks_csv(empty); }) ==
        empty + ": no rows (expected phone, t, x and y)");
  CHECK(error_of([] { read_walks_csv("/nonexistent/walks.csv"); }) ==
        "/nonexistent/walks.csv: cannot open file");
}
