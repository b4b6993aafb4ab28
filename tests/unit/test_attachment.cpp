// Where a walking phone is attached, by hand (core/model/attachment.hpp): the instants it
// changes rate and roams on a straight walk between two access points, ns-3's defaults.
#include "core/model/attachment.hpp"
#include "core/model/propagation.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <vector>

using namespace muxsim;

namespace {

// rx(d) = 16.0206 - 46.6777 - 30 log10(d) dBm; the distance at which rx falls to `dbm`.
double distance_at_dbm(double dbm) {
  return std::pow(10, (16.0206 - 46.6777 - dbm) / 30);
}
// The SNR threshold `snr` is met out to rx = noise + snr, noise -93.9667 dBm.
double distance_at_snr(double snr) {
  return distance_at_dbm(173.977 * -1 + 10 * std::log10(20e6) + 7 + snr);
}

// A phone walking `walk` under access points `aps` (802.11g, ns-3's defaults but the
// settings given), its changes over the walk.
std::vector<Attachment> changes(const std::vector<Point>& aps,
                                std::vector<std::pair<double, Point>> walk, double gap_ms,
                                double margin_db = 8, double min_rssi_dbm = -82) {
  Scenario s;
  s.network.wifi_standard = WifiStandard::G80211;
  s.mobility.access_points = "listed";
  s.mobility.model = MobilityModel::Trace;
  s.mobility.handover_gap_ms = gap_ms;
  s.mobility.handover_margin_db = margin_db;
  s.propagation.min_rssi_dbm = min_rssi_dbm;
  MobilityPlan plan;
  plan.access_points = aps;
  plan.walks[0] = std::move(walk);
  RunPoint point;
  point.cells = static_cast<long>(aps.size());
  point.placed = true;
  const auto attachments = make_attachments(s, point, {}, &plan);
  std::vector<Attachment> out;
  auto w = attachments->walk(0);
  for (Attachment a = w->next(); std::isfinite(a.time_s); a = w->next())
    out.push_back(a);
  return out;
}

// A phone walking from 0:0 to 80:0 at 1 m/s, between access points at 0:0 and 80:0.
std::vector<Attachment> walk_between(double min_rssi_dbm, double gap_ms) {
  return changes({{0, 0}, {80, 0}}, {{0, {0, 0}}, {80, {80, 0}}}, gap_ms, 8, min_rssi_dbm);
}

} // namespace

TEST_CASE("a walk's rate steps and its handover when it loses its access point") {
  const auto w = walk_between(-82, 100);
  // Start: 54 at the first access point; then 48, 36 and 24 where each threshold is crossed.
  REQUIRE(w.size() >= 7);
  CHECK(w[0].time_s == 0);
  CHECK(w[0].cell == 0);
  CHECK(w[0].phy_mbps == 54);
  CHECK(w[1].time_s == doctest::Approx(distance_at_snr(19.125)).epsilon(1e-9));
  CHECK(w[1].phy_mbps == 48);
  CHECK(w[2].time_s == doctest::Approx(distance_at_snr(17.865)).epsilon(1e-9));
  CHECK(w[2].phy_mbps == 36);
  CHECK(w[3].time_s == doctest::Approx(distance_at_snr(13.465)).epsilon(1e-9));
  CHECK(w[3].phy_mbps == 24);
  // Below -70 dBm from 20.46 m, but the second access point is 8 dB stronger only from
  // x = 80 / (1 + 10^(-8/30)) = 51.909 m; the first is lost before, below -82 dBm at
  // 51.455 m, and the phone goes to the second, which it hears, after the 100 ms gap.
  const double lost = distance_at_dbm(-82);
  CHECK(lost == doctest::Approx(51.455).epsilon(1e-4));
  CHECK(w[4].time_s == doctest::Approx(lost).epsilon(1e-9));
  CHECK(w[4].cell == -1);
  CHECK(w[4].phy_mbps == 0);
  CHECK(w[4].handover);
  CHECK(w[5].time_s == doctest::Approx(lost + 0.1).epsilon(1e-9));
  CHECK(w[5].cell == 1);
  CHECK(w[5].phy_mbps == 54); // 28.4 m from the second: SNR 19.7 dB
  int handovers = 0;
  for (const auto& a : w)
    handovers += a.handover;
  CHECK(handovers == 1);
}

TEST_CASE("with a lower floor the 8 dB margin decides the handover instant") {
  const auto w = walk_between(-101, 0);
  const double x = 80 / (1 + std::pow(10, -8.0 / 30));
  CHECK(x == doctest::Approx(51.909).epsilon(1e-4));
  int handovers = 0;
  for (const auto& a : w)
    if (a.handover) {
      ++handovers;
      CHECK(a.time_s == doctest::Approx(x).epsilon(1e-9));
      CHECK(a.cell == 1); // no gap: straight to the new cell
    }
  CHECK(handovers == 1);
}

TEST_CASE("random walks on a grid of access points: between changes, the rate is the distance's") {
  // 25 access points 60 m apart, 20 phones walking random waypoints for an hour: at 0.05 s
  // steps the reported state must be the one the distance gives, so no crossing is missed
  // (each phone looks only at the access points near its leg).
  Scenario s;
  s.network.wifi_standard = WifiStandard::N80211;
  s.mobility.access_points = "grid";
  s.mobility.model = MobilityModel::Waypoint;
  s.mobility.pause_s = {0, 5};
  s.mobility.speed_mps = {1, 3};
  MobilityPlan plan;
  for (int i = 0; i < 5; ++i)
    for (int j = 0; j < 5; ++j)
      plan.access_points.push_back({30.0 + 60 * i, 30.0 + 60 * j});
  plan.area = Area{300, 300};
  for (int g = 0; g < 20; ++g)
    plan.positions.push_back({15.0 * g, 7.0 * g});
  RunPoint point;
  point.cells = 25;
  point.phones = 20;
  point.placed = true;
  const auto attachments = make_attachments(s, point, {}, &plan);
  const Propagation propagation(s.propagation,
                                RateTable::ideal(wifi::default_phy(wifi::Standard::N80211)));
  long checked = 0, handovers = 0;
  for (long g = 0; g < 20; ++g) {
    auto walk = attachments->walk(g);
    Attachment now = walk->next(), next = walk->next();
    // The phone's own walk, drawn again from its seed: where it really is at each step.
    Walk truth = Walk::waypoint(plan.positions[static_cast<std::size_t>(g)], *plan.area, {1, 3},
                                {0, 5}, Rng(1, static_cast<std::uint64_t>(g), kWalks));
    Leg leg = truth.next();
    for (double t = 0.025; t < 3600; t += 0.05) {
      while (next.time_s <= t) {
        now = next;
        handovers += now.handover;
        next = walk->next();
      }
      while (leg.end_s <= t)
        leg = truth.next();
      if (t - now.time_s < 1e-6 || next.time_s - t < 1e-6 || now.cell < 0) continue;
      const Point here = leg.at(t);
      REQUIRE(distance_m(here, now.leg->at(t)) < 1e-6); // the reported leg is the walk's
      const double d = distance_m(here, plan.access_points[static_cast<std::size_t>(now.cell)]);
      REQUIRE(now.phy_mbps == propagation.at(d).phy_mbps);
      ++checked;
    }
  }
  CHECK(checked > 1000000);
  CHECK(handovers > 20); // they do roam
}

TEST_CASE("walking into range from outside: the rate steps up where each threshold is crossed") {
  // From -100:0 to 100:0 in 200 s past one access point: in range at 48.545 s (51.455 m), then
  // 24, 36, 48 and 54 Mbit/s as each threshold's distance is crossed, not 54 from the start.
  const auto w = changes({{0, 0}}, {{0, {-100, 0}}, {200, {100, 0}}}, 100);
  REQUIRE(w.size() >= 5);
  CHECK(w[0].cell == -1);
  CHECK(w[1].time_s == doctest::Approx(100 - distance_at_dbm(-82)).epsilon(1e-9));
  CHECK(w[1].cell == 0);
  CHECK(w[1].phy_mbps == 24);
  CHECK(!w[1].handover); // coming into range is no handover
  CHECK(w[2].phy_mbps == 36);
  CHECK(w[2].time_s == doctest::Approx(100 - distance_at_snr(13.465)).epsilon(1e-9));
  CHECK(w[3].phy_mbps == 48);
  CHECK(w[4].phy_mbps == 54);
}

TEST_CASE("a handover without a gap takes the new cell's rate at the instant, then its steps") {
  // Lower floor than the trigger's reach is not needed: with no gap the phone moves at the
  // loss of the first (51.455 m), 28.5 m from the second, where 54 Mbit/s holds.
  const auto w = changes({{0, 0}, {80, 0}}, {{0, {0, 0}}, {80, {80, 0}}}, 0);
  int handovers = 0;
  for (const auto& a : w) {
    handovers += a.handover;
    if (a.handover) {
      CHECK(a.cell == 1);
      CHECK(a.time_s == doctest::Approx(distance_at_dbm(-82)).epsilon(1e-9));
      CHECK(a.phy_mbps == 54);
    }
  }
  CHECK(handovers == 1);
}

TEST_CASE("no margin: two access points at the same place never trade a phone back and forth") {
  const auto w = changes({{0, 0}, {0, 0}}, {{0, {0, 0}}, {60, {60, 0}}}, 100, 0);
  for (const auto& a : w)
    CHECK(!a.handover);
}
