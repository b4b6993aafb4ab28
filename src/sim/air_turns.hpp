#pragma once
// A cell's air sends one PPDU at a time. A piece that fits one A-MPDU (a 28.6 KB upload at
// 802.11ac or ax, a reply) is one PPDU, so such pieces take the air in turn, first come
// first served, rather than sharing it bit by bit: a station whose piece is ready while
// another's PPDU is on the air waits for that PPDU, then contends. Sharing by rounds would
// make it wait for a share of every other active station's PPDU, which overstates waits in
// cells of mixed rates (docs/wifi5-6.md, "Messages"). As in 802.11, a sender's pieces to
// the same receiver waiting behind the one whose turn comes go in the same A-MPDU when they
// fit. With uplink OFDMA (wifi_ofdma = ideal), an upload whose turn comes takes the first
// waiting upload of each other station along in the access point's trigger round, as many
// as make a round no longer than their exchanges (WifiAir::round_pays). A phone that roams leaves
// its waiting pieces in the old cell's queue until their turn comes there; they then queue again in
// the new cell. Longer transfers still share the air by rounds (sim/wifi_air.hpp).
#include "sim/wifi_air.hpp"

#include <vector>

namespace muxsim::sim {

struct Turn {
  // How many contend for the air as the turn starts: 0 when the piece found it idle (no
  // turn held, nobody waiting, no transfer sharing it), else the senders with a piece, its
  // own included (a sender's pieces queue behind each other, they do not collide), the
  // transfers on the air, and the access point once (with its replies, or with the TCP ACKs
  // of the turn before).
  int contenders = 0;
  bool aboard = false; // it goes in an earlier piece's A-MPDU, or in its trigger round
  // The uploads of other stations in this piece's trigger round, out of the queue: they
  // start with it, after the access point's contention (join_round).
  std::vector<CellAir::Waiting> round;
};

// Waits until the air of `cell` is free for a piece of `bytes` that `sender` sends to
// `receiver` (a phone's station, or the access point: the cell itself); `phy_mbps` is the
// phone's rate.
Turn take_turn(CellAir& cell, const void* sender, const void* receiver, double bytes,
               const double* phy_mbps);

// The piece whose turn came takes along the pieces waiting behind it from the same sender
// to the same receiver (an A-MPDU has one), while they fit in `room` more segments; they
// start now, at the same level.
void board(CellAir& cell, const void* sender, const void* receiver, int room, int contenders);

// The uploads of `turn`'s trigger round start now, beside its own piece.
void join_round(CellAir& cell, Turn& turn);

// A piece of the turn has been sent; after the last, the first piece waiting has the air.
void end_turn(CellAir& cell);

} // namespace muxsim::sim
