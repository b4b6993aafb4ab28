#pragma once
// How a cell's phones share its access link in SimGrid: the seam the 802.11 air
// (sim/wifi_air.hpp) and the LTE uplink (sim/lte_air.hpp) both fill. SimGrid's Wi-Fi link
// gives each station one of the link's rate levels and every active flow the same rate,
// with the sum of each flow's rate over its station's level at most 1. A station's transfer
// is sent as scaled bytes, each standing for `weight` real ones, so the same mechanism
// shares the air by airtime (802.11, the anomaly), by A-MPDU rounds, or by resource blocks
// (LTE), as each air sets levels and weights.
#include "core/model/rng.hpp"

#include <simgrid/s4u.hpp>

#include <vector>

namespace muxsim::sim {

class WifiAir;
struct CellAir;
struct Station;

class AccessAir {
public:
  virtual ~AccessAir() = default;
  // The link's levels, in index order, for the platform.
  const std::vector<double>& bandwidths_mbps() const { return bandwidths_; }
  // Whether a station's level depends on the transfers active in its cell.
  virtual bool contends() const = 0;
  // The level of a station at `phy_mbps` sending a piece of `bytes` (0: a saturated flow)
  // while `active` transfers share its cell (>= 1).
  virtual int level(double phy_mbps, int active, double bytes = 0) const = 0;
  // The real bytes each byte SimGrid moves stands for.
  virtual double weight(double phy_mbps, double bytes = 0) const = 0;
  // The goodput of a station alone at `phy_mbps`: its bytes over this rate are the time
  // they hold the air (the phone's transmit or receive state), whatever else shares it.
  virtual double alone_mbps(double phy_mbps, double bytes = 0) const = 0;
  // A transfer (or chunk) of `bytes` starts at `station` (an upload, or a reply), counted in
  // its cell's active transfers: the host it goes from or to, on the level those transfers
  // leave it.
  virtual simgrid::s4u::Host* start(const Station& station, double bytes, bool upload) const = 0;
  // One ended, no longer counted.
  virtual void end(const Station& /*station*/, bool /*upload*/) const {}
  // Whether the station has an upload moving already (LTE: its grants are flowing).
  virtual bool uploading(const Station& /*station*/) const { return false; }
  // The station's rate or cell changed (its attachment actor or walker).
  virtual void moved(const Station& /*station*/) const {}
  // 802.11's air, whose one-PPDU pieces take turns (sim/air_turns.hpp); none for LTE.
  virtual const WifiAir* turns() const { return nullptr; }

protected:
  std::vector<double> bandwidths_;
};

} // namespace muxsim::sim
