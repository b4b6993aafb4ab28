#include "sim/channel_actor.hpp"

#include <simgrid/kernel/Timer.hpp>

#include <cmath>

namespace sg4 = simgrid::s4u;

XBT_LOG_EXTERNAL_CATEGORY(muxsim);
XBT_LOG_NEW_DEFAULT_SUBCATEGORY(muxsim_channel, muxsim, "each phone's Wi-Fi rate changes");

namespace muxsim::sim {

namespace {

// Cuts every piece the phone has on the air, keeping what each had left to send.
void cut_pieces(LinkState& link) {
  const auto pieces = link.in_flight; // a cut piece's sender removes it
  for (const auto& piece : pieces) {
    piece->remaining = piece->comm->get_remaining();
    piece->comm->cancel();
  }
}

// A change of a phone with [mobility]: its link may go down or come up, or move cells.
void apply_roaming(const Station& station, const Attachment& a, PhoneLink& now) {
  LinkState& link = *station.link;
  const bool moves = a.cell < 0 || (now.cell >= 0 && a.cell != now.cell);
  if (a.handover) ++link.handovers;
  if (moves && now.cell >= 0) {
    now.cell = -1;
    now.wifi_mbps = 0;
    cut_pieces(link);
  }
  if (a.cell < 0) {
    // A handover's gap, or out of range (also when a gap ends with the new one lost).
    link.in_gap = a.handover;
    return;
  }
  const bool was_down = now.wifi_mbps <= 0; // transfers may be waiting for a link
  now.cell = now.last_cell = a.cell;
  now.wifi_mbps = a.phy_mbps;
  if (!was_down) return;
  // Maestro runs this between the actors' steps, so a transfer that found no link is already
  // waiting: no wake-up is lost without the mutex, which maestro may not take.
  link.in_gap = false;
  link.up->notify_all();
}

} // namespace

void channel_actor(Station station, std::shared_ptr<AttachmentWalk> walk, PhoneLink* now) {
  for (Attachment a = walk->next(); std::isfinite(a.time_s); a = walk->next()) {
    sg4::this_actor::sleep_until(a.time_s);
    now->wifi_mbps = a.phy_mbps;
    station.air->moved(station);
    XBT_VERB("%s: %g Mbit/s", station.host->get_cname(), a.phy_mbps);
  }
}

void Walkers::add(const Station& station, std::shared_ptr<AttachmentWalk> walk, PhoneLink* now) {
  Walker w{station, std::move(walk), now, {}};
  w.next = w.walk->next();
  if (!std::isfinite(w.next.time_s)) return;
  due_.push({w.next.time_s, static_cast<long>(walkers_.size())});
  walkers_.push_back(std::move(w));
}

void Walkers::start(std::function<bool()> done) {
  done_ = std::move(done);
  arm();
}

void Walkers::arm() {
  if (due_.empty() || done_()) return;
  simgrid::kernel::timer::Timer::set(due_.top().first, [this] { fire(); });
}

void Walkers::fire() {
  if (done_()) return; // a change after the last answer is not the run's
  const double now = sg4::Engine::get_clock();
  while (!due_.empty() && due_.top().first <= now) {
    Walker& w = walkers_[static_cast<std::size_t>(due_.top().second)];
    due_.pop();
    apply_roaming(w.station, w.next, *w.now);
    w.now->leg = w.next.leg;
    if (w.now->cell >= 0) w.station.air->moved(w.station);
    XBT_VERB("cell %ld: %g Mbit/s", w.now->cell, w.now->wifi_mbps);
    w.next = w.walk->next();
    if (std::isfinite(w.next.time_s))
      due_.push({w.next.time_s, static_cast<long>(&w - walkers_.data())});
  }
  arm();
}

} // namespace muxsim::sim
