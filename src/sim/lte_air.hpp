#pragma once
// An LTE cell's uplink in SimGrid (docs/lte.md; sim/access_air.hpp). The scheduler gives each
// phone with data an equal share of the resource blocks, so a phone moves what its own MCS
// carries in that share (core/model/lte_uplink.hpp), whatever the others' MCS. Each phone
// reaches the eNodeB through an uplink of its own; whenever a phone's first upload starts or
// its last ends, the uplinks of every phone with uploads moving in the cell are set to that
// goodput for their number, exactly LENA's rates (0 for an MCS whose share of the blocks is
// too small to carry data: the phone then waits for others to finish). A phone alone moves
// its bytes in exactly bytes over its rate, so closed form equals simulation. A phone's
// replies cross its uplink too, at its lone rate when it has no upload moving.
#include "core/model/lte_coverage.hpp"
#include "sim/access_air.hpp"

#include <map>
#include <vector>

namespace muxsim::sim {

class LteAir final : public AccessAir {
public:
  // `rates`: every rate a phone may hold (its lone goodput, LteCoverage::rates()).
  LteAir(const LteCoverage& coverage, const std::vector<double>& rates);
  bool contends() const override { return true; }
  int level(double /*phy_mbps*/, int /*active*/, double /*bytes*/ = 0) const override { return 0; }
  double weight(double /*phy_mbps*/, double /*bytes*/ = 0) const override { return 1; }
  double alone_mbps(double phy_mbps, double /*bytes*/ = 0) const override { return phy_mbps; }
  simgrid::s4u::Host* start(const Station& station, double bytes, bool upload) const override;
  void end(const Station& station, bool upload) const override;
  bool uploading(const Station& station) const override;
  void moved(const Station& station) const override;

private:
  // Sets the uplinks of the cell's phones with uploads moving to their share.
  void share(CellAir& cell) const;
  // The station's uplink at its goodput while `active` phones have data.
  void set_rate(const Station& station, int active) const;
  LteCoverage coverage_;
  std::map<double, int> mcs_; // each rate's MCS, found once: set_rate runs at every start
};

} // namespace muxsim::sim
