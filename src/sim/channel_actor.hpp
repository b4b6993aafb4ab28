#pragma once
// A phone's attachment in SimGrid: the actor that moves its Wi-Fi station from rate to rate,
// and with [mobility] from cell to cell, as its attachment walk says (core/model/
// attachment.hpp, docs/mobility.md).
#include "core/model/attachment.hpp"
#include "sim/wifi_air.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

namespace muxsim::sim {

// What the actor keeps for its phone: what the phone's policy and request log see, and the
// station's cell and rate (Station points at them).
struct PhoneLink {
  double wifi_mbps = 0;
  long cell = 0;          // -1: no link now
  long last_cell = 0;     // the last it had: a request starting without a link uses its edge server
  std::optional<Leg> leg; // with [mobility]: the leg it walks now
};

// Applies the rate walk of a phone without [mobility] (its channel's): sleeps until each next
// change, then keeps the station's rate and level in step. A daemon, so the run ends with the
// phones.
void channel_actor(Station station, std::shared_ptr<AttachmentWalk> walk, PhoneLink* now);

// The walks of a run's placed phones, after each one's first attachment (which the caller
// applied), followed on SimGrid's kernel timers rather than an actor each: one timer at a
// time, for the earliest change of any phone, from a heap of the phones' next changes. At
// each change it keeps the phone's rate, cell and level in step; when the phone loses its
// link (a handover's gap, or out of range) the pieces it has on the air are cut, and when it
// gets one the transfers waiting for it go on. Stops once `done` (every request served): a
// pending timer would keep the engine running.
class Walkers {
public:
  void add(const Station& station, std::shared_ptr<AttachmentWalk> walk, PhoneLink* now);
  void start(std::function<bool()> done);

private:
  struct Walker {
    Station station;
    std::shared_ptr<AttachmentWalk> walk;
    PhoneLink* now;
    Attachment next;
  };
  void arm();
  void fire();
  std::vector<Walker> walkers_;
  // (time, walker), earliest first; ties by walker, so the order is the same on every run.
  std::priority_queue<std::pair<double, long>, std::vector<std::pair<double, long>>, std::greater<>>
      due_;
  std::function<bool()> done_;
};

} // namespace muxsim::sim
