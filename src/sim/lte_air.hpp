#pragma once
// An LTE cell's uplink in SimGrid (docs/lte.md; sim/access_air.hpp). The scheduler gives each
// phone with data an equal share of the resource blocks, so a phone moves its own lone rate
// times the share the cell's load leaves it (core/model/lte_uplink.hpp), whatever the others'
// MCS. The cell's air is a plain shared link, which gives every flow the same rate: a
// phone's bytes go scaled by its lone rate over the run's fastest (its weight), and the
// link's bandwidth, set whenever a transfer starts or ends, is that fastest rate times n
// times the share n phones with data leave a phone of its MCS. Phones of the fastest MCS
// then move exactly their share; phones of other MCS within the transport blocks' small
// departures from proportion (at most 4 %: docs/lte.md). A phone alone moves its piece's
// whole scaled bytes in exactly bytes over its rate, so closed form equals simulation.
#include "core/model/lte_coverage.hpp"
#include "sim/access_air.hpp"

#include <vector>

namespace muxsim::sim {

class LteAir final : public AccessAir {
public:
  // `rates`: every rate a phone may hold (its lone goodput, LteCoverage::rates()).
  LteAir(const LteCoverage& coverage, const std::vector<double>& rates);
  bool contends() const override { return true; }
  int level(double /*phy_mbps*/, int /*active*/, double /*bytes*/ = 0) const override { return 0; }
  double weight(double phy_mbps, double /*bytes*/ = 0) const override {
    return phy_mbps / fastest_mbps_;
  }
  double alone_mbps(double phy_mbps, double /*bytes*/ = 0) const override { return phy_mbps; }
  simgrid::s4u::Host* start(const Station& station, double bytes) const override;
  void end(CellAir& cell) const override;

private:
  // The link's bandwidth, in bytes/s, while `active` transfers share it.
  double bandwidth(int active) const;
  LteCoverage coverage_;
  int fastest_mcs_ = 0;
  double fastest_mbps_ = 1;
};

} // namespace muxsim::sim
