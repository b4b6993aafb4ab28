#include "core/assemble/mobility.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/positions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <sstream>

namespace muxsim {

namespace {

constexpr double kFastestMps = 100;      // 360 km/h
constexpr double kLargestMarginDb = 100; // 10^(100/30): no access point is ever that much stronger

std::string where_is(Point p) {
  return fmt::format("{:g}:{:g}", p.x_m, p.y_m);
}

// A key that takes a list of x:y points or a CSV file of them.
std::vector<Point> points_of(const Scenario& s, const std::string& key, const std::string& text) {
  const std::string path = resolve_path(s, text);
  std::error_code not_a_file; // a long list is no file name
  if (std::filesystem::is_regular_file(path, not_a_file)) return read_points_csv(path);
  return parse_points(text, s.at(key));
}

Area parse_area(const std::string& text, const std::string& at) {
  std::istringstream in(text);
  Area a;
  char x = 0;
  std::string rest;
  if (!(in >> a.width_m >> x >> a.height_m) || (x != 'x' && x != 'X') || (in >> rest) ||
      !(a.width_m > 0 && a.height_m > 0) || a.width_m > 1e9 || a.height_m > 1e9)
    throw InputError(at + ": must be W x H, two positive widths in metres, got '" + text + "'");
  return a;
}

void check_inside(const Scenario& s, const std::vector<Point>& points, const Area& area) {
  for (std::size_t i = 0; i < points.size(); ++i) {
    const Point p = points[i];
    if (p.x_m < 0 || p.y_m < 0 || p.x_m > area.width_m || p.y_m > area.height_m)
      throw InputError(fmt::format("{}: phone {} at {} is outside area_m {:g} x {:g}",
                                   s.at("mobility.phone_positions"), i, where_is(p), area.width_m,
                                   area.height_m));
  }
}

MobilityPlan read_plan(const Scenario& s) {
  const MobilityConfig& m = s.mobility;
  MobilityPlan plan;
  plan.access_points = points_of(s, "mobility.access_points", m.access_points);
  if (!m.area_m.empty()) plan.area = parse_area(m.area_m, s.at("mobility.area_m"));
  if (m.model == MobilityModel::Trace) {
    if (m.walks.empty())
      throw InputError(s.at("mobility.model") + ": model = trace needs walks (a phone,t,x,y CSV)");
    plan.walks = read_walks_csv(m.walks);
  } else if (m.phone_positions != "uniform") {
    plan.positions = points_of(s, "mobility.phone_positions", m.phone_positions);
    if (plan.area) check_inside(s, plan.positions, *plan.area);
  } else if (!plan.area) {
    throw InputError(s.at("mobility.phone_positions") +
                     ": uniform positions need an area: set area_m = W x H");
  }
  if (m.model == MobilityModel::Waypoint) {
    if (!plan.area)
      throw InputError(s.at("mobility.model") + ": waypoint walks need an area: set area_m");
    if (!(m.speed_mps[0] > 0))
      throw InputError(s.at("mobility.speed_mps") + ": a walking speed must be positive");
    // Each leg is an event: faster than a train, or an area under a metre, is a typo that
    // would make a walk's legs too short to simulate.
    if (m.speed_mps[1] > kFastestMps)
      throw InputError(
          fmt::format("{}: at most {:g} m/s", s.at("mobility.speed_mps"), kFastestMps));
    if (plan.area->width_m < 1 || plan.area->height_m < 1)
      throw InputError(s.at("mobility.area_m") +
                       ": waypoint walks need an area of at least 1 x 1 m");
  }
  if (m.handover_margin_db > kLargestMarginDb)
    throw InputError(
        fmt::format("{}: at most {:g} dB", s.at("mobility.handover_margin_db"), kLargestMarginDb));
  return plan;
}

// Random waypoints cover their area: unless some access point's range reaches into it, a
// walking phone would wait for a link for ever.
void check_reachable(const Scenario& s, const MobilityPlan& plan, double range) {
  if (s.mobility.model != MobilityModel::Waypoint) return;
  for (const Point ap : plan.access_points) {
    const double dx = std::max({0.0, -ap.x_m, ap.x_m - plan.area->width_m});
    const double dy = std::max({0.0, -ap.y_m, ap.y_m - plan.area->height_m});
    if (std::hypot(dx, dy) < range) return;
  }
  throw InputError(fmt::format("{}: no access point's range ({:.1f} m) reaches into area_m {:g} x "
                               "{:g}: no walking phone would ever have a link",
                               s.at("mobility.access_points"), range, plan.area->width_m,
                               plan.area->height_m));
}

// What a run point's phones need: a position or walk each, and a static phone a link. A
// walking phone out of range waits for one (the results count such requests).
void check_phones(const Prepared& p, const RunPoint& point) {
  const Scenario& s = p.scenario;
  const MobilityPlan& plan = *p.mobility;
  const long phones = point.total_phones();
  if (!plan.positions.empty() && static_cast<long>(plan.positions.size()) != phones)
    throw InputError(fmt::format("{}: {} position(s) for [load] phones = {}; give one position "
                                 "per phone (leave phones out to take one phone per position)",
                                 s.at("mobility.phone_positions"), plan.positions.size(), phones));
  if (s.mobility.model == MobilityModel::Trace) {
    for (long g = 0; g < phones; ++g)
      if (!plan.walks.count(g))
        throw InputError(
            fmt::format("{}: no walk for phone {} of {}", s.mobility.walks, g, phones));
    if (static_cast<long>(plan.walks.size()) != phones)
      throw InputError(fmt::format("{}: walks for {} phones, but [load] phones = {}; leave phones "
                                   "out to take one phone per walk",
                                   s.mobility.walks, plan.walks.size(), phones));
  }
  const auto attachments = p.attachments(point);
  const double range = coverage_for(s)->range_m();
  for (long g = 0; g < phones; ++g) {
    if (s.mobility.model == MobilityModel::Static && attachments->first(g).cell < 0)
      throw InputError(fmt::format(
          "{}: phone {} at {} is out of every access point's range ({:.1f} m with [propagation]'s "
          "settings, or LENA's radio with link = lte): it could never offload",
          s.at("mobility.phone_positions"), g, where_is(*attachments->position(g)), range));
  }
}

} // namespace

void read_mobility(Prepared& p) {
  Scenario& s = p.scenario;
  if (s.mobility.access_points.empty()) return;
  p.mobility = read_plan(s);
  const double range = coverage_for(s)->range_m(); // the standard has rates, the table reads
  check_reachable(s, *p.mobility, range);
  // The cells are the access points; a list of positions or walks says how many phones.
  s.load.cells = {static_cast<long>(p.mobility->access_points.size())};
  const std::size_t listed = s.mobility.model == MobilityModel::Trace
                                 ? p.mobility->walks.size()
                                 : p.mobility->positions.size();
  if (listed > 0 && !s.key_lines.count("load.phones") &&
      !s.set_on_command_line.count("load.phones"))
    s.load.phones = {static_cast<long>(listed)};
  for (const RunPoint& point : p.run_points())
    check_phones(p, point);
  // Results report the mean rate the phones with a link start at (the sweep's first run
  // point's phones: bandwidth_mbps is not swept with [mobility]).
  const auto attachments = p.attachments(p.run_points().front());
  double sum = 0;
  long linked = 0;
  for (long g = 0; g < attachments->phones(); ++g)
    if (const double mbps = attachments->first(g).phy_mbps; mbps > 0) {
      sum += mbps;
      ++linked;
    }
  p.bandwidth_mbps = {linked > 0 ? sum / static_cast<double>(linked) : 0};
}

} // namespace muxsim
