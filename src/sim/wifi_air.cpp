#include "sim/wifi_air.hpp"

#include "core/model/wifi_timing.hpp"

#include <algorithm>

namespace muxsim::sim {

WifiAir::WifiAir(const std::optional<wifi::Phy>& phy, const std::vector<double>& phy_mbps,
                 const std::vector<double>& first_mbps)
    : phy_(phy) {
  if (!contends()) {
    bandwidths_ = phy_mbps;
    for (std::size_t i = 0; i < phy_mbps.size(); ++i)
      rates_[phy_mbps[i]] = {static_cast<int>(i), 1, phy_mbps[i]};
    return;
  }
  // Collisions last as long as the phones' frames, averaged over pairs of phones.
  const double collision_us = wifi::collision_us(*phy, first_mbps);
  int most_segments = 1; // per PPDU, over the rates
  for (double r : phy_mbps)
    most_segments = std::max(most_segments, wifi::segments_per_ppdu(*phy, r));
  for (double r : phy_mbps) {
    Rate& rate = rates_[r];
    rate.first_level = static_cast<int>(bandwidths_.size());
    rate.alone_mbps = wifi::goodput_mbps(*phy, r);
    if (phy->aggregation)
      rate.weight = static_cast<double>(wifi::segments_per_ppdu(*phy, r)) / most_segments;
    for (int k = 1; k <= wifi::kMostContenders; ++k)
      bandwidths_.push_back(wifi::goodput_mbps(*phy, r, {k, collision_us}) / rate.weight);
  }
}

double WifiAir::weight(double phy_mbps) const {
  return rates_.at(phy_mbps).weight;
}

int WifiAir::level(double phy_mbps, int active) const {
  const int first = rates_.at(phy_mbps).first_level;
  if (!contends()) return first;
  return first + std::clamp(active, 1, wifi::kMostContenders) - 1;
}

simgrid::s4u::Host* Station::set_level() const {
  CellAir& air_now = cell_air();
  const int now = air->level(*phy_mbps, air_now.active);
  if (host == nullptr) return air_now.stations[static_cast<std::size_t>(now)];
  if (now != *level) {
    *level = now;
    air_now.link->set_host_wifi_rate(host, now);
  }
  return host;
}

} // namespace muxsim::sim
