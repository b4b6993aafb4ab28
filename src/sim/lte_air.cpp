#include "sim/lte_air.hpp"

#include "sim/wifi_air.hpp"

#include <algorithm>

namespace muxsim::sim {

namespace {

// SimGrid needs a positive bandwidth: a phone LENA does not serve moves a byte a second.
constexpr double kStarvedBytesPerS = 1;

} // namespace

LteAir::LteAir(const LteCoverage& coverage, const std::vector<double>& rates)
    : coverage_(coverage) {
  // The platform's uplinks start at the fastest rate; each is set before it carries data.
  bandwidths_ = {rates.empty() ? 1 : *std::max_element(rates.begin(), rates.end())};
  for (double r : rates)
    mcs_[r] = coverage.mcs_of(r);
}

void LteAir::set_rate(const Station& station, int active) const {
  const double mbps = coverage_.goodput_mbps(mcs_.at(*station.phy_mbps), active);
  station.uplink->set_bandwidth(std::max(mbps * 1e6 / 8, kStarvedBytesPerS));
}

void LteAir::share(CellAir& cell) const {
  const int active = static_cast<int>(cell.uploading.size());
  for (const auto& [station, uploads] : cell.uploading)
    set_rate(*station, active);
}

simgrid::s4u::Host* LteAir::start(const Station& station, double /*bytes*/, bool upload) const {
  CellAir& cell = station.cell_air();
  if (upload && cell.uploading[&station]++ == 0) share(cell);
  return station.host;
}

void LteAir::end(const Station& station, bool upload) const {
  if (!upload) return;
  CellAir& cell = station.cell_air();
  const auto it = cell.uploading.find(&station);
  if (--it->second > 0) return;
  cell.uploading.erase(it);
  set_rate(station, 1); // its replies, until its next upload
  share(cell);
}

bool LteAir::uploading(const Station& station) const {
  return station.cell_air().uploading.count(&station) > 0;
}

void LteAir::moved(const Station& station) const {
  if (*station.phy_mbps > 0 && !uploading(station)) set_rate(station, 1);
}

} // namespace muxsim::sim
