#include "sim/transfer.hpp"

#include "sim/air_turns.hpp"

#include <simgrid/Exception.hpp>

#include <algorithm>
#include <cmath>

namespace sg4 = simgrid::s4u;

XBT_LOG_EXTERNAL_CATEGORY(muxsim);
XBT_LOG_NEW_DEFAULT_SUBCATEGORY(muxsim_transfer, muxsim, "uploads and replies, chunk by chunk");

namespace muxsim::sim {

namespace {

// Waits until the phone has a link: through a handover's gap, or out of every access
// point's range (the results count those requests). Releasing the mutex is a simcall, during
// which the link may drop again: it is checked once more after. A piece that then waits for
// its turn on the air, or holds the air through its contention, checks again (`moved` in
// transfer); nothing else between the check and the piece's send lets the engine run.
void wait_for_link(const Station& station, Carried& carried) {
  LinkState& link = *station.link;
  while (*station.phy_mbps <= 0) {
    (link.in_gap ? carried.crossed_handover : carried.waited_for_link) = true;
    std::unique_lock lock(*link.mutex);
    while (*station.phy_mbps <= 0)
      link.up->wait(lock);
  }
}

// Sends `sent` scaled bytes while the phone keeps its link; returns the bytes a handover
// left unsent (0 when the piece arrived).
double send_cuttable(const Station& station, sg4::Host* from, sg4::Host* to, double sent) {
  auto piece = std::make_shared<PieceInFlight>();
  piece->comm = sg4::Comm::sendto_async(from, to, static_cast<uint64_t>(sent));
  LinkState& link = *station.link;
  link.in_flight.push_back(piece);
  bool cut = false;
  try {
    piece->comm->wait();
  } catch (const simgrid::CancelException&) {
    cut = true;
  } catch (const simgrid::NetworkFailureException&) { // how a cut reaches some waiters
    cut = true;
  }
  link.in_flight.erase(std::find(link.in_flight.begin(), link.in_flight.end(), piece));
  return cut ? std::max(piece->remaining, 0.0) : 0;
}

} // namespace

Carried transfer(const Station& station, sg4::Host* server, Direction direction, double bytes,
                 const Route& route) {
  double left = std::round(bytes);
  Carried carried;
  XBT_DEBUG("%.0f bytes %s", left, direction == Direction::Upload ? "up" : "down");
  // LTE: a phone whose uploads were idle reports its buffer and waits for a grant.
  if (direction == Direction::Upload && route.access_s > 0 && !station.air->uploading(station))
    sg4::this_actor::sleep_for(route.access_s);
  while (left > 0) {
    if (station.link != nullptr) wait_for_link(station, carried);
    const double piece = route.chunk_bytes > 0 ? std::min(route.chunk_bytes, left) : left;
    const bool contends = station.air->contends();
    CellAir& cell = station.cell_air();
    const WifiAir* wifi = station.air->turns(); // 802.11's one-PPDU pieces take turns
    const bool in_turn = contends && wifi != nullptr && wifi->takes_turns(*station.phy_mbps, piece);
    // A phone's station and its access point (the cell itself): replies come from the latter.
    const void* phone = station.phy_mbps;
    const void* access_point = &cell;
    const bool up = direction == Direction::Upload;
    const void* sender = up ? phone : access_point;
    const void* receiver = up ? access_point : phone;
    Turn turn = in_turn ? take_turn(cell, sender, receiver, piece, station.phy_mbps) : Turn{};
    // A piece that found the air idle took it at once: nothing can have changed. One that
    // waited, or holds the air through its contention, may belong to a phone that meanwhile
    // changed cells, lost its link or moved to a rate its piece does not fit one PPDU at.
    if (turn.contenders > 0) {
      const auto moved = [&] {
        return &station.cell_air() != &cell || *station.phy_mbps <= 0 ||
               !wifi->takes_turns(*station.phy_mbps, piece);
      };
      const bool triggered = !turn.round.empty();
      if (!turn.aboard && !moved()) {
        // In a trigger round, the access point's contention; its uploads then go side by side.
        const double held =
            wifi->contention_s(*station.phy_mbps, piece, turn.contenders, cell.collisions);
        if (held > 0) sg4::this_actor::sleep_for(held);
      }
      join_round(cell, turn); // whatever became of this phone, the others' uploads go now
      if (moved()) {
        end_turn(cell);
        continue;
      }
      // Only a piece that found the air busy can have others of its sender waiting behind it.
      if (!turn.aboard && !triggered)
        board(cell, sender, receiver,
              wifi->ppdu_segments(*station.phy_mbps) - wifi::segments_of(piece), turn.contenders);
    }
    sg4::Host* phone_end = station.host;
    if (contends) {
      ++cell.active;
      phone_end = station.air->start(station, piece, direction == Direction::Upload);
    }
    // The piece moves at the rate it starts at (SimGrid holds a station's rate for a flow),
    // even if the channel changes it meanwhile: its weight and air time are that rate's.
    const double rate = *station.phy_mbps;
    // Scaled bytes for a station sharing the air by A-MPDU rounds (sim/wifi_air.hpp).
    const double weight = station.air->weight(rate, piece);
    const double sent = std::round(piece / weight);
    sg4::Host* from = direction == Direction::Upload ? phone_end : server;
    sg4::Host* to = direction == Direction::Upload ? server : phone_end;
    double unsent = 0;
    if (station.link == nullptr) {
      sg4::Comm::sendto(from, to, static_cast<uint64_t>(sent));
    } else {
      const long handovers = station.link->handovers;
      unsent = std::min(piece, std::round(send_cuttable(station, from, to, sent) * weight));
      if (station.link->handovers != handovers) carried.crossed_handover = true;
    }
    if (contends) {
      --cell.active;
      station.air->end(station, direction == Direction::Upload);
    }
    if (in_turn) end_turn(cell);
    carried.air_s += (piece - unsent) * 8 / (station.air->alone_mbps(rate, piece) * 1e6);
    left -= piece - unsent;
  }
  if (route.latency_s > 0) sg4::this_actor::sleep_for(route.latency_s);
  return carried;
}

} // namespace muxsim::sim
