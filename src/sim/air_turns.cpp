#include "sim/air_turns.hpp"

#include <algorithm>
#include <deque>
#include <vector>

namespace sg4 = simgrid::s4u;

namespace muxsim::sim {

namespace {

// Those contending when `sender`'s turn starts: the senders with a piece (the others still
// waiting, and itself), the transfers on the air, and the access point once, with its
// pieces or with the TCP ACKs of the turn before.
int contenders(const CellAir& cell, const void* sender) {
  const void* access_point = &cell;
  const int senders =
      static_cast<int>(cell.waiting_by.size()) + (cell.waiting_by.count(sender) ? 0 : 1);
  const bool access_point_counted = sender == access_point || cell.waiting_by.count(access_point);
  return senders + cell.active + (access_point_counted ? 0 : 1);
}

// Takes a piece out of the queue; returns the one after it.
std::deque<CellAir::Waiting>::iterator leave_queue(CellAir& cell,
                                                   std::deque<CellAir::Waiting>::iterator it) {
  if (--cell.waiting_by[it->sender] == 0) cell.waiting_by.erase(it->sender);
  return cell.waiting.erase(it);
}

// With uplink OFDMA, an upload whose turn comes (`first`, out of the queue) goes in a
// trigger round with the first waiting uploads of other stations, in queue order: as many as
// make a round that pays (core/model/wifi_ofdma.hpp: more stations, narrower resource units;
// a round of 2 or 3 at 80 MHz takes longer than its exchanges, one of 4 less). Takes them
// out of the queue.
std::vector<CellAir::Waiting> trigger_round(CellAir& cell, const CellAir::Waiting& first) {
  const void* access_point = &cell;
  if (cell.air == nullptr || !cell.air->triggers() || first.receiver != access_point ||
      *first.phy_mbps <= 0)
    return {};
  // The candidates: each other station's first waiting upload.
  std::vector<const void*> senders = {first.sender};
  std::vector<wifi::TbUpload> uploads = {{*first.phy_mbps, first.bytes}};
  for (const CellAir::Waiting& w : cell.waiting)
    if (w.receiver == access_point && *w.phy_mbps > 0 &&
        std::find(senders.begin(), senders.end(), w.sender) == senders.end()) {
      senders.push_back(w.sender);
      uploads.push_back({*w.phy_mbps, w.bytes});
    }
  // The most stations whose round pays.
  while (uploads.size() > 1 && !cell.air->round_pays(uploads))
    uploads.pop_back();
  senders.resize(uploads.size());
  // Out of the queue in one pass (erasing invalidates a deque's iterators): each chosen
  // station's first waiting upload, found again as above.
  std::vector<CellAir::Waiting> round;
  for (auto it = cell.waiting.begin(); it != cell.waiting.end();) {
    const auto chosen = std::find(senders.begin() + 1, senders.end(), it->sender);
    if (it->receiver != access_point || *it->phy_mbps <= 0 || chosen == senders.end()) {
      ++it;
      continue;
    }
    round.push_back(*it);
    *chosen = nullptr; // taken: its later uploads stay
    it = leave_queue(cell, it);
  }
  return round;
}

} // namespace

Turn take_turn(CellAir& cell, const void* sender, const void* receiver, double bytes,
               const double* phy_mbps) {
  if (!cell.held) {
    const bool idle = cell.active == 0;
    cell.held = true;
    cell.in_turn = 1;
    return {idle ? 0 : contenders(cell, sender), false, {}};
  }
  // Handed the air by end_turn or boarded by board, which keep it held: the queue stays first
  // come, first served. Suspending is the only simcall; an idle air costs none.
  Turn handed;
  cell.waiting.push_back({sg4::Actor::self(), sender, receiver, bytes, phy_mbps, &handed});
  ++cell.waiting_by[sender];
  sg4::this_actor::suspend();
  return handed;
}

void board(CellAir& cell, const void* sender, const void* receiver, int room, int contenders) {
  // Resuming is a simcall, during which others may change the queue: take the riders out
  // first, then resume them.
  std::vector<sg4::ActorPtr> riders;
  for (auto it = cell.waiting.begin(); it != cell.waiting.end() && cell.waiting_by.count(sender);) {
    const int segments = wifi::segments_of(it->bytes);
    if (it->sender != sender || it->receiver != receiver || segments > room) {
      ++it;
      continue;
    }
    room -= segments;
    *it->turn = {contenders, true, {}};
    riders.push_back(it->actor);
    it = leave_queue(cell, it);
  }
  cell.in_turn += static_cast<int>(riders.size());
  for (const sg4::ActorPtr& rider : riders)
    rider->resume();
}

void join_round(CellAir& cell, Turn& turn) {
  const std::vector<CellAir::Waiting> round = std::move(turn.round);
  turn.round.clear();
  cell.in_turn += static_cast<int>(round.size());
  for (const CellAir::Waiting& upload : round)
    upload.actor->resume();
}

void end_turn(CellAir& cell) {
  if (--cell.in_turn > 0) return;
  if (cell.waiting.empty()) {
    cell.held = false;
    return;
  }
  const CellAir::Waiting next = cell.waiting.front();
  leave_queue(cell, cell.waiting.begin());
  std::vector<CellAir::Waiting> round = trigger_round(cell, next);
  // The round's access is the access point's, among those left waiting.
  const int crowd = contenders(cell, next.sender);
  for (const CellAir::Waiting& upload : round)
    *upload.turn = {crowd, true, {}};
  *next.turn = {crowd, false, std::move(round)};
  cell.in_turn = 1;
  next.actor->resume();
}

} // namespace muxsim::sim
