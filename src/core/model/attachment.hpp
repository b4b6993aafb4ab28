#pragma once
// Where each phone is attached, over time (docs/mobility.md): the one place that answers
// which cell (access point) and which edge server serve phone p at time t, and at what Wi-Fi
// rate. The platform, the actors, the closed form, the policies' view, the request log and
// the external protocol all ask it; nothing else maps phones to cells.
//  * Without [mobility], phone p is in cell p / phones_per_cell for the whole run, at the
//    rate its [network] channel gives it (constant, trace or Markov).
//  * With [mobility], each phone stands at or walks from a position; it is served by the
//    strongest access point in range, at the rate its distance gives (core/model/
//    propagation.hpp), and roams as docs/mobility.md says. A walk is straight legs, so every
//    change of rate or cell is solved as an instant, not found by stepping a clock.
#include "core/base/scenario.hpp"
#include "core/formats/bandwidth_trace.hpp"
#include "core/model/coverage.hpp"
#include "core/model/walk.hpp"

#include <limits>
#include <map>
#include <memory>
#include <optional>
#include <utility>
#include <vector>

namespace muxsim {

// From time_s on, the phone is served by `cell` at `phy_mbps`.
struct Attachment {
  double time_s = 0;
  long cell = -1;      // -1: no access point (none in range, or a handover's gap)
  double phy_mbps = 0; // 0 exactly when cell is -1
  double distance_m = std::numeric_limits<double>::quiet_NaN(); // to its access point
  bool handover = false; // this change leaves one access point for another
  // With [mobility], the leg the phone walks from time_s on: where it is until the next
  // change (a walking phone reports each new leg, even when its cell and rate stay).
  std::optional<Leg> leg;
};

// One phone's attachments in time order, from time 0 on. next() never ends: after the last
// change it reports one at +infinity.
class AttachmentWalk {
public:
  virtual ~AttachmentWalk() = default;
  virtual Attachment next() = 0;
};

// What [mobility] places, as prepare() read it.
struct MobilityPlan {
  std::vector<Point> access_points;
  std::vector<Point> positions; // phone i starts at entry i; empty: uniform over the area
  std::optional<Area> area;
  std::map<long, std::vector<std::pair<double, Point>>> walks; // model = trace
};

class Attachments {
public:
  virtual ~Attachments() = default;
  long phones() const { return phones_; }
  long cells() const { return cells_; }
  // The edge server of a cell: one per cells_per_edge cells, in cell order.
  long edge_of(long cell) const { return cell / cells_per_edge_; }
  long edge_servers() const { return (cells_ + cells_per_edge_ - 1) / cells_per_edge_; }
  // Whether any phone's cell ever changes (the platform must then let a phone send from any
  // cell) and whether any phone's rate changes (transfers then go in chunks).
  virtual bool roams() const = 0;
  virtual bool varies() const = 0;
  virtual Attachment first(long phone) const = 0;
  virtual std::unique_ptr<AttachmentWalk> walk(long phone) const = 0;
  // What the closed form charges, which has no clock: the phone's time-mean Wi-Fi rate, and
  // the share of time it holds each rate (while it has a link; for a walk, over its first
  // hour). A request's transfer takes bytes over goodput, so a walking phone is charged the
  // time-mean of 1 / goodput, not the goodput of its mean rate.
  virtual double mean_mbps(long phone) const = 0;
  virtual std::map<double, double> rate_shares(long phone) const {
    return {{mean_mbps(phone), 1.0}};
  }
  // Every rate a phone can hold during the run, for SimGrid's Wi-Fi rate levels.
  virtual std::vector<double> levels() const = 0;
  // Where the phone stands at time 0, and where a cell's access point is, when the scenario
  // places them.
  virtual std::optional<Point> position(long /*phone*/) const { return std::nullopt; }
  virtual std::optional<Point> access_point(long /*cell*/) const { return std::nullopt; }

protected:
  Attachments(long phones, long cells, long cells_per_edge)
      : phones_(phones), cells_(cells), cells_per_edge_(cells_per_edge) {}

private:
  long phones_, cells_, cells_per_edge_;
};

// The most crowded cell as the run starts: its phones, and the rate most of them hold
// (the lowest of the most common), which sets how contention costs its air.
struct CellCrowd {
  long phones = 1;
  double phy_mbps = 0;
};
CellCrowd most_crowded_cell(const Attachments& attachments);

// Handovers per phone and hour over the first `horizon_s` of the phones' walks (0 when they
// do not roam): the same walks a simulated run applies.
double handovers_per_phone_hour(const Attachments& attachments, double horizon_s);

// The run point's attachments: fixed cells when `mobility` is null, positions otherwise.
std::unique_ptr<Attachments> make_attachments(const Scenario& s, const RunPoint& point,
                                              const std::vector<BandwidthTrace>& channel_traces,
                                              const MobilityPlan* mobility);

} // namespace muxsim
