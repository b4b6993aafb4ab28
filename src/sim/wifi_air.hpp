#pragma once
// The rate levels of a Wi-Fi cell's air in SimGrid (docs/wifi-validation.md). SimGrid gives
// each station of a Wi-Fi link one of the link's rate levels and shares the air among the
// active stations by airtime (the 802.11 anomaly).
//  * wifi_standard = none: the levels are the channel's rates, taken as goodput.
//  * 802.11g, n, ac or ax: each PHY rate has one level per number of contending stations, 1 to
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
//  * A piece that fits one A-MPDU is one PPDU: such pieces take the air in turn
//    (sim/air_turns.hpp), at one level of their size, a lone exchange's; one that found the
//    air busy (another's turn, or a longer transfer on it) first holds the air for the
//    access time and the drawn collisions of those contending with it, counted up to
//    kMostInTurn (the longer transfers' own levels stop at wifi::kMostContenders, the fit of
//    saturated TCP cells; a turn's contenders each hold a whole PPDU).
#include "core/model/rng.hpp"
#include "core/model/wifi_ofdma.hpp"
#include "core/model/wifi_timing.hpp"
#include "sim/access_air.hpp"

#include <simgrid/s4u.hpp>

#include <array>
#include <deque>
#include <map>
#include <memory>
#include <optional>
#include <unordered_map>
#include <vector>

namespace muxsim::sim {

class WifiAir final : public AccessAir {
public:
  static constexpr int kMostInTurn = 10;
  // `phy_mbps`: every rate a phone may take (Channel::levels()); `first_mbps`: each phone's
  // rate at the start, whose frames set how long a collision lasts (a phone in a passing
  // bad state is not counted); `message_bytes`: the sizes the run's transfers (or chunks)
  // take, each given a level and contention times of its own at the rates where it fits one
  // A-MPDU (wifi::transfer_goodput_mbps).
  WifiAir(const std::optional<wifi::Phy>& phy, const std::vector<double>& phy_mbps,
          const std::vector<double>& first_mbps, const std::vector<double>& message_bytes = {});
  bool contends() const override { return phy_.has_value(); }
  int level(double phy_mbps, int active, double bytes = 0) const override;
  simgrid::s4u::Host* start(const Station& station, double bytes, bool upload) const override;
  void moved(const Station& station) const override;
  const WifiAir* turns() const override { return this; }
  // Whether a piece of `bytes` at `phy_mbps` is one PPDU, sent in its turn (at its one
  // level, alone's); and when it found the air busy, among `contenders` (>= 1), how long it
  // holds the air before its exchange: the access time and collisions of that crowd, drawn
  // from `rng` (seconds).
  bool takes_turns(double phy_mbps, double bytes) const { return of(phy_mbps, bytes).turns; }
  double contention_s(double phy_mbps, double bytes, int contenders, Rng& rng) const;
  // With uplink OFDMA (wifi_ofdma = ideal): whether these uploads, one per station, go in a
  // trigger round: each fits its resource unit, and the round takes no longer than their
  // lone exchanges one after another (core/model/wifi_ofdma.hpp). The round's pieces then
  // go side by side at their one-PPDU levels, so the air is charged those exchanges, at
  // most 8 % more than the round; what the round saves is their contention.
  bool triggers() const { return phy_ && phy_->uplink_ofdma; }
  bool round_pays(const std::vector<wifi::TbUpload>& uploads) const;
  // The TCP segments one PPDU at `phy_mbps` carries (wifi::segments_per_ppdu).
  int ppdu_segments(double phy_mbps) const { return of(phy_mbps, 0).ppdu_segments; }
  // At `phy_mbps`: 1, or with A-MPDU the rate's segments per PPDU over the most any rate of
  // the run carries (<= 1).
  double weight(double phy_mbps, double bytes = 0) const override {
    return of(phy_mbps, bytes).weight;
  }
  double alone_mbps(double phy_mbps, double bytes = 0) const override {
    return of(phy_mbps, bytes).alone_mbps;
  }

private:
  // Per PHY rate and piece size (0: saturated), computed once: every transfer (or chunk)
  // asks for them when it starts.
  struct Rate {
    int first_level = 0;
    double weight = 1;
    double alone_mbps = 0;
    int ppdu_segments = 1;
    bool turns = false; // one level, alone's; a turn after waiting holds the air longer:
    // per number of contenders, the access time beyond alone's, the collisions before a
    // success on average, and each one's air time (their mean is what the saturated rate
    // charges for them).
    std::array<double, kMostInTurn> access_s{}, collisions{}, collision_s{};
  };
  const Rate& of(double phy_mbps, double bytes) const;
  void add_levels(double phy_mbps, double bytes, double collision_us, int most_segments);
  std::optional<wifi::Phy> phy_;
  std::map<std::pair<double, double>, Rate> rates_;
};

struct Turn;
struct Station;

// One cell's air: its link, how many transfers are on it now, and, when phones roam, its
// station hosts by level (sim/platform.hpp).
struct CellAir {
  simgrid::s4u::Link* link = nullptr;
  int active = 0;
  std::vector<simgrid::s4u::Host*> stations;
  // One-PPDU pieces in turn (sim/air_turns.hpp): whether one holds the air, the pieces
  // waiting for it and who sends them, and the draws of their collisions.
  bool held = false;
  struct Waiting {
    simgrid::s4u::ActorPtr actor;
    const void* sender;   // a phone's station, or the access point (the cell itself)
    const void* receiver; // the other of the two
    double bytes;
    const double* phy_mbps; // the phone's rate now
    Turn* turn;             // where its turn is handed to it (sim/air_turns.hpp)
  };
  const WifiAir* air = nullptr; // 802.11's timing: whether uploads go in trigger rounds
  int in_turn = 0;              // pieces sending in the turn now
  std::deque<Waiting> waiting;
  std::unordered_map<const void*, int> waiting_by; // pieces waiting, per sender
  // LTE (sim/lte_air.hpp): the phones with uploads moving, and how many each, in phone order.
  std::map<const Station*, int> uploading;
  Rng collisions{0, 0, kCollisions};
};

// A piece of a transfer on the air, which a handover may cut.
struct PieceInFlight {
  simgrid::s4u::CommPtr comm;
  double remaining = -1; // the scaled bytes left when it was cut
};

// A roaming phone's link: whether it has one now, the transfers waiting for one, and the
// pieces a handover must cut. Kept by its attachment actor (sim/channel_actor.hpp).
struct LinkState {
  simgrid::s4u::MutexPtr mutex = simgrid::s4u::Mutex::create();
  simgrid::s4u::ConditionVariablePtr up = simgrid::s4u::ConditionVariable::create();
  std::vector<std::shared_ptr<PieceInFlight>> in_flight; // shared: a cut outlives its sender
  bool in_gap = false;                                   // between two access points
  long handovers = 0;                                    // handovers so far
};

// A phone's side of a transfer: its Wi-Fi station, the cell it is in, and its PHY rate now
// (kept by its attachment actor).
struct Station {
  simgrid::s4u::Host* host = nullptr; // its own station (null when it roams)
  std::vector<CellAir>* cells = nullptr;
  const long* cell = nullptr; // the cell whose air it uses: its own, or the one it roams in now
  const AccessAir* air = nullptr;
  const double* phy_mbps = nullptr; // 0: no link now
  int* level = nullptr;      // the level SimGrid holds for its own station; -1 before the first
  LinkState* link = nullptr; // with [mobility]: its link comes and goes
  simgrid::s4u::Link* uplink = nullptr; // LTE: its own, at its share of the resource blocks
  CellAir& cell_air() const { return (*cells)[static_cast<std::size_t>(*cell)]; }
  // Puts the station on its level for the transfers now active in its cell and a piece of
  // `bytes` (0: as a saturated flow), and returns the host a piece starting now is sent from
  // or to: its own, whose level SimGrid is told (a simcall, skipped when the level is the
  // one SimGrid holds), or when it roams its cell's station at that level.
  simgrid::s4u::Host* set_level(double bytes = 0) const;
};

} // namespace muxsim::sim
