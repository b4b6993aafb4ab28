#pragma once
// An LTE eNodeB's coverage (core/model/coverage.hpp, docs/lte.md): a phone's rate is the
// goodput its TCP segments get alone in the cell at the MCS its distance gives
// (core/model/lte_uplink.hpp). The power the roaming rule compares is the downlink's per
// resource block at the phone.
#include "core/model/coverage.hpp"
#include "core/model/lte_uplink.hpp"

#include <utility>

namespace muxsim {

// TCP's segments as muxsim's transfers send them: 1,448 bytes after 52 of IP and TCP headers
// (with timestamps).
constexpr double kTcpPayloadBytes = 1448, kTcpHeaderBytes = 52;

class LteCoverage final : public Coverage {
public:
  explicit LteCoverage(const lte::Radio& radio);
  LinkBudget at(double distance_m) const override;
  double distance_m(double rx_dbm) const override;
  double range_m() const override { return range_m_; }
  std::vector<double> rate_radii() const override { return radii_; }
  std::vector<double> rates() const override;
  // The goodput of a phone at `mcs` while `active` phones have data in its cell.
  double goodput_mbps(int mcs, int active) const;
  // The MCS whose lone goodput `phy_mbps` is (one of rates()).
  int mcs_of(double phy_mbps) const;
  const lte::Radio& radio() const { return radio_; }

private:
  // The farthest distance in [from, 1e7] m at which the phone's MCS is still `mcs`, and the
  // next distance, where it is not.
  std::pair<double, double> step_at(int mcs, double from) const;
  lte::Radio radio_;
  double range_m_ = 0;
  std::vector<double> radii_;
};

} // namespace muxsim
