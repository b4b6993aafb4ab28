#pragma once
// The rate levels of a Wi-Fi cell's air in SimGrid (docs/wifi-validation.md). SimGrid gives
// each station of a Wi-Fi link one of the link's rate levels and shares the air among the
// active stations by airtime (the 802.11 anomaly).
//  * wifi_standard = none: the levels are the channel's rates, taken as goodput.
//  * 802.11g or 802.11n: each PHY rate has one level per number of contending stations, 1 to
//    wifi::kMostContenders, moving the goodput the 802.11 model gives for it. A station
//    takes the level of its PHY rate and of the transfers active in its cell when each of
//    its transfers (or chunks) starts: SimGrid fixes a station's rate then.
//  * With A-MPDU the air is shared by rounds, not by bits: each active station sends one
//    PPDU a round, holding as many segments as its rate fits (wifi::segments_per_ppdu), so a
//    fast station moves more than a slow one. SimGrid's Wi-Fi link gives every flow the same
//    rate, so a station's transfers are sent as scaled bytes: each byte SimGrid moves stands
//    for `weight` real ones, and the station's levels are its goodput over `weight`. Alone,
//    a transfer takes its bytes over its goodput as before; shared, station i moves
//    weight_i / sum_j(weight_j / goodput_j), the rounds' shares.
#include "core/model/wifi_timing.hpp"

#include <simgrid/s4u.hpp>

#include <map>
#include <optional>
#include <vector>

namespace muxsim::sim {

class WifiAir {
public:
  // `phy_mbps`: every rate a phone may take (Channel::levels()); `first_mbps`: each phone's
  // rate at the start, whose frames set how long a collision lasts (a phone in a passing
  // bad state is not counted).
  WifiAir(const std::optional<wifi::Phy>& phy, const std::vector<double>& phy_mbps,
          const std::vector<double>& first_mbps);
  // The link's levels, in index order, for the platform.
  const std::vector<double>& bandwidths_mbps() const { return bandwidths_; }
  bool contends() const { return phy_.has_value(); }
  // The level of a station at `phy_mbps` while `active` transfers share its cell (>= 1).
  int level(double phy_mbps, int active) const;
  // The real bytes each byte SimGrid moves stands for at `phy_mbps`: 1, or with A-MPDU the
  // rate's segments per PPDU over the most any rate of the run carries (<= 1).
  double weight(double phy_mbps) const;
  // The goodput of a station alone at `phy_mbps`: its bytes over this rate are the time
  // they hold the air, whatever else shares it (the phone's transmit or receive state).
  double alone_mbps(double phy_mbps) const { return rates_.at(phy_mbps).alone_mbps; }

private:
  std::optional<wifi::Phy> phy_;
  // Per PHY rate, computed once: every transfer (or chunk) asks for both when it starts.
  struct Rate {
    int first_level = 0;
    double weight = 1;
    double alone_mbps = 0;
  };
  std::map<double, Rate> rates_;
  std::vector<double> bandwidths_;
};

// One cell's air: its link and how many transfers are on it now.
struct CellAir {
  const simgrid::s4u::Link* link = nullptr;
  int active = 0;
};

// A phone's side of a transfer: its Wi-Fi station, the cell it shares, and its PHY rate now
// (kept by its channel actor).
struct Station {
  simgrid::s4u::Host* host = nullptr;
  CellAir* cell = nullptr;
  const WifiAir* air = nullptr;
  const double* phy_mbps = nullptr;
  int* level = nullptr; // the level SimGrid holds for it; -1 before the first
  // Puts the station on its level for the transfers now active in its cell. Telling
  // SimGrid is a simcall, so it is skipped when the level is the one SimGrid holds.
  void set_level() const;
};

} // namespace muxsim::sim
