#include "sim/air_turns.hpp"

#include <deque>

namespace sg4 = simgrid::s4u;

namespace muxsim::sim {

namespace {

// Those contending when `sender`'s turn starts, the others still waiting.
int contenders(const CellAir& cell, const void* sender) {
  const int senders =
      static_cast<int>(cell.waiting_by.size()) + (cell.waiting_by.count(sender) ? 0 : 1);
  return senders + cell.active + 1;
}

// Takes a piece out of the queue; returns the one after it.
std::deque<CellAir::Waiting>::iterator leave_queue(CellAir& cell,
                                                   std::deque<CellAir::Waiting>::iterator it) {
  if (--cell.waiting_by[it->sender] == 0) cell.waiting_by.erase(it->sender);
  return cell.waiting.erase(it);
}

} // namespace

Turn take_turn(CellAir& cell, const void* sender, int segments) {
  if (!cell.held) {
    const bool idle = cell.active == 0;
    cell.held = true;
    cell.in_turn = 1;
    return {idle ? 0 : contenders(cell, sender), false};
  }
  // Handed the air by end_turn or boarded by board, which keep it held: the queue stays first
  // come, first served. Suspending is the only simcall; an idle air costs none.
  Turn handed;
  cell.waiting.push_back({sg4::Actor::self(), sender, segments, &handed});
  ++cell.waiting_by[sender];
  sg4::this_actor::suspend();
  return handed;
}

void board(CellAir& cell, const void* sender, int room, int contenders) {
  for (auto it = cell.waiting.begin(); it != cell.waiting.end() && cell.waiting_by.count(sender);) {
    if (it->sender != sender || it->segments > room) {
      ++it;
      continue;
    }
    room -= it->segments;
    *it->turn = {contenders, true};
    const sg4::ActorPtr rider = it->actor;
    it = leave_queue(cell, it);
    ++cell.in_turn;
    rider->resume();
  }
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
