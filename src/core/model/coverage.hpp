#pragma once
// Rate from distance, whatever the access link: the seam [mobility] places phones through
// (core/model/attachment.hpp). A Wi-Fi access point's (core/model/propagation.hpp: log-distance
// path loss, an ideal rate control over ns-3's thresholds) and an LTE eNodeB's
// (core/model/lte_coverage.hpp: Friis, power control, CQI) answer the same questions: what a
// phone at a distance receives and at what rate it sends, how far the link reaches, and at
// which distances its rate changes.
#include "core/base/scenario.hpp"

#include <memory>
#include <vector>

namespace muxsim {

// What a receiver gets from a sender at a distance.
struct LinkBudget {
  double rx_dbm = 0; // the power the roaming rule compares (docs/mobility.md)
  double snr_db = 0;
  double phy_mbps = 0; // 0: no link (below the reception floor, or no rate's threshold met)
};

class Coverage {
public:
  virtual ~Coverage() = default;
  virtual LinkBudget at(double distance_m) const = 0;
  // The distance at which the received power is `rx_dbm` (for the roaming rule's trigger).
  virtual double distance_m(double rx_dbm) const = 0;
  // How far a link reaches.
  virtual double range_m() const = 0;
  // The distances at which a phone's rate changes, the range's included, ascending.
  virtual std::vector<double> rate_radii() const = 0;
  // Every rate a phone can hold, ascending.
  virtual std::vector<double> rates() const = 0;
};

// The scenario's: its eNodeBs' with [network] link = lte, else its access points'. Throws
// InputError when rates cannot come from distance (Wi-Fi rates taken as goodput).
std::unique_ptr<Coverage> coverage_for(const Scenario& s);

} // namespace muxsim
