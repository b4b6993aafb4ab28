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
    link.in_gap = a.handover && a.cell < 0;
    cut_pieces(link);
  }
  if (a.cell < 0) return;
  // Maestro runs this between the actors' steps, so a transfer that found no link is already
  // waiting: no wake-up is lost without the mutex, which maestro may not take.
  now.cell = now.last_cell = a.cell;
  now.wifi_mbps = a.phy_mbps;
  link.in_gap = false;
  link.up->notify_all();
}

// Applies one change of a walking phone, and sets a timer for its next while requests remain.
void walk_on(const Station& station, const std::shared_ptr<AttachmentWalk>& walk, PhoneLink* now,
             const std::function<bool()>& done, const Attachment& a) {
  apply_roaming(station, a, *now);
  now->leg = a.leg;
  if (now->cell >= 0) station.set_level();
  XBT_VERB("cell %ld: %g Mbit/s", now->cell, now->wifi_mbps);
  const Attachment next = walk->next();
  if (std::isfinite(next.time_s) && !done())
    simgrid::kernel::timer::Timer::set(next.time_s, [station, walk, now, done, next] {
      walk_on(station, walk, now, done, next);
    });
}

} // namespace

void channel_actor(Station station, std::shared_ptr<AttachmentWalk> walk, PhoneLink* now) {
  for (Attachment a = walk->next(); std::isfinite(a.time_s); a = walk->next()) {
    sg4::this_actor::sleep_until(a.time_s);
    now->wifi_mbps = a.phy_mbps;
    station.set_level();
    XBT_VERB("%s: %g Mbit/s", station.host->get_cname(), a.phy_mbps);
  }
}

void follow_walk(Station station, std::shared_ptr<AttachmentWalk> walk, PhoneLink* now,
                 std::function<bool()> done) {
  const Attachment next = walk->next();
  if (!std::isfinite(next.time_s)) return;
  simgrid::kernel::timer::Timer::set(next.time_s, [station, walk, now, done, next] {
    walk_on(station, walk, now, done, next);
  });
}

} // namespace muxsim::sim
