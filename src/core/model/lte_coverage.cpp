#include "core/model/lte_coverage.hpp"

#include "core/model/lte_tables.hpp"
#include "core/model/propagation.hpp"

#include <cmath>
#include <memory>
#include <stdexcept>

namespace muxsim {

namespace {

constexpr double kNearestM = 1, kFarthestM = 1e7;

} // namespace

LteCoverage::LteCoverage(const lte::Radio& radio) : radio_(radio) {
  // The MCS only falls with distance (the SINR is flat while power control has headroom,
  // then falls): walk its steps outward, each found by bisection.
  double from = kNearestM;
  for (int mcs = lte::mcs_at(radio_, from); mcs >= 0 && from < kFarthestM;
       mcs = lte::mcs_at(radio_, from)) {
    const auto [last, next] = step_at(mcs, from);
    radii_.push_back(last);
    from = next;
  }
  range_m_ = radii_.empty() ? 0 : radii_.back();
}

std::pair<double, double> LteCoverage::step_at(int mcs, double from) const {
  if (lte::mcs_at(radio_, kFarthestM) == mcs) return {kFarthestM, kFarthestM};
  // Bisection down to adjacent doubles: `near` keeps the MCS, `far` has the next one.
  double near = from, far = kFarthestM;
  for (double mid = 0.5 * (near + far); mid > near && mid < far; mid = 0.5 * (near + far))
    (lte::mcs_at(radio_, mid) == mcs ? near : far) = mid;
  return {near, far};
}

LinkBudget LteCoverage::at(double distance_m) const {
  LinkBudget b;
  b.rx_dbm = radio_.enb_dbm - 10 * std::log10(radio_.resource_blocks) -
             lte::path_loss_db(distance_m, radio_.downlink_mhz);
  b.snr_db = lte::uplink_sinr_db(radio_, distance_m);
  const int mcs = lte::mcs_at(radio_, distance_m);
  if (mcs >= 0) b.phy_mbps = goodput_mbps(mcs, 1);
  return b;
}

double LteCoverage::distance_m(double rx_dbm) const {
  // Friis inverted at the downlink carrier.
  const double loss = radio_.enb_dbm - 10 * std::log10(radio_.resource_blocks) - rx_dbm;
  return std::pow(10, (loss - lte::path_loss_db(1, radio_.downlink_mhz)) / 20);
}

std::vector<double> LteCoverage::rates() const {
  std::vector<double> rates;
  for (int cqi = 1; cqi <= lte::kMostCqi; ++cqi) {
    const double r = goodput_mbps(lte::mcs_of_cqi(cqi), 1);
    if (r > 0 && (rates.empty() || r > rates.back())) rates.push_back(r);
  }
  return rates;
}

int LteCoverage::mcs_of(double phy_mbps) const {
  for (int cqi = lte::kMostCqi; cqi >= 1; --cqi)
    if (goodput_mbps(lte::mcs_of_cqi(cqi), 1) == phy_mbps) return lte::mcs_of_cqi(cqi);
  throw std::logic_error("not an LTE rate of this carrier");
}

double LteCoverage::goodput_mbps(int mcs, int active) const {
  return lte::payload_mbps(mcs, radio_.resource_blocks, active, kTcpPayloadBytes, kTcpHeaderBytes);
}

std::unique_ptr<Coverage> coverage_for(const Scenario& s) {
  if (s.network.link == AccessLink::Lte) {
    lte::Radio radio;
    radio.resource_blocks = s.network.lte_resource_blocks;
    return std::make_unique<LteCoverage>(radio);
  }
  return std::make_unique<Propagation>(propagation_for(s));
}

} // namespace muxsim
