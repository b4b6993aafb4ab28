#include "sim/lte_air.hpp"

#include "sim/wifi_air.hpp"

#include <algorithm>
#include <cmath>

namespace muxsim::sim {

LteAir::LteAir(const LteCoverage& coverage, const std::vector<double>& rates)
    : coverage_(coverage) {
  for (double r : rates)
    if (r > fastest_mbps_) {
      fastest_mbps_ = r;
      fastest_mcs_ = coverage.mcs_of(r);
    }
  bandwidths_ = {fastest_mbps_};
}

double LteAir::bandwidth(int active) const {
  const int n = std::max(active, 1);
  return fastest_mbps_ * n * coverage_.goodput_mbps(fastest_mcs_, n) /
         coverage_.goodput_mbps(fastest_mcs_, 1) * 1e6 / 8;
}

simgrid::s4u::Host* LteAir::start(const Station& station, double bytes) const {
  CellAir& cell = station.cell_air();
  double bytes_per_s = bandwidth(cell.active);
  // Alone, the piece's whole scaled bytes take exactly bytes over the phone's rate.
  if (cell.active == 1 && bytes > 0) {
    const double scaled = bytes / weight(*station.phy_mbps);
    bytes_per_s *= std::round(scaled) / scaled;
  }
  cell.link->set_bandwidth(bytes_per_s);
  return station.host;
}

void LteAir::end(CellAir& cell) const {
  if (cell.active > 0) cell.link->set_bandwidth(bandwidth(cell.active));
}

} // namespace muxsim::sim
