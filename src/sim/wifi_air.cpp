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
      first_level_[phy_mbps[i]] = static_cast<int>(i);
    return;
  }
  // Collisions last as long as the phones' frames, averaged over pairs of phones.
  const double collision_us = wifi::collision_us(*phy, first_mbps);
  for (double r : phy_mbps)
    most_segments_ = std::max(most_segments_, wifi::segments_per_ppdu(*phy, r));
  for (double r : phy_mbps) {
    first_level_[r] = static_cast<int>(bandwidths_.size());
    for (int k = 1; k <= wifi::kMostContenders; ++k)
      bandwidths_.push_back(wifi::goodput_mbps(*phy, r, {k, collision_us}) / weight(r));
  }
}

double WifiAir::weight(double phy_mbps) const {
  if (!phy_ || !phy_->aggregation) return 1;
  return static_cast<double>(wifi::segments_per_ppdu(*phy_, phy_mbps)) / most_segments_;
}

int WifiAir::level(double phy_mbps, int active) const {
  const int first = first_level_.at(phy_mbps);
  if (!contends()) return first;
  return first + std::clamp(active, 1, wifi::kMostContenders) - 1;
}

void Station::set_level() const {
  cell->link->set_host_wifi_rate(host, air->level(*phy_mbps, cell->active));
}

} // namespace muxsim::sim
