#include "sim/air_turns.hpp"

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

} // namespace

Turn take_turn(CellAir& cell, const void* sender, const void* receiver, int segments) {
  if (!cell.held) {
    const bool idle = cell.active == 0;
    cell.held = true;
    cell.in_turn = 1;
    return {idle ? 0 : contenders(cell, sender), false};
  }
  // Handed the air by end_turn or boarded by board, which keep it held: the queue stays first
  // come, first served. Suspending is the only simcall; an idle air costs none.
  Turn handed;
  cell.waiting.push_back({sg4::Actor::self(), sender, receiver, segments, &handed});
  ++cell.waiting_by[sender];
  sg4::this_actor::suspend();
  return handed;
}

void board(CellAir& cell, const void* sender, const void* receiver, int room, int contenders) {
  // Resuming is a simcall, during which others may change the queue: take the riders out
  // first, then resume them.
  std::vector<sg4::ActorPtr> riders;
  for (auto it = cell.waiting.begin(); it != cell.waiting.end() && cell.waiting_by.count(sender);) {
    if (it->sender != sender || it->receiver != receiver || it->segments > room) {
      ++it;
      continue;
    }
    room -= it->segments;
    *it->turn = {contenders, true};
    riders.push_back(it->actor);
    it = leave_queue(cell, it);
  }
  cell.in_turn += static_cast<int>(riders.size());
  for (const sg4::ActorPtr& rider : riders)
    rider->resume();
}

void end_turn(CellAir& cell) {
  if (--cell.in_turn > 0) return;
  if (cell.waiting.empty()) {
    cell.held = false;
    return;
  }
  const CellAir::Waiting next = cell.waiting.front();
  leave_queue(cell, cell.waiting.begin());
  *next.turn = {contenders(cell, next.sender), false};
  cell.in_turn = 1;
  next.actor->resume();
}

} // namespace muxsim::sim
