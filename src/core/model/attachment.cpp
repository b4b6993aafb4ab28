#include "core/model/attachment.hpp"

#include "core/base/input_error.hpp"
#include "core/model/channel.hpp"
#include "core/model/rng.hpp"

#include <algorithm>
#include <cmath>

namespace muxsim {

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();
// The closed form charges a walking phone its mean rate over this much of its walk.
constexpr double kMeanHorizonS = 3600;

// Without [mobility]: phone p in cell p / phones_per_cell, at its channel's rate.
class FixedAttachments final : public Attachments {
public:
  FixedAttachments(const Scenario& s, const RunPoint& point,
                   const std::vector<BandwidthTrace>& traces)
      : Attachments(point.total_phones(), point.cells, s.servers.cells_per_edge),
        channel_(s, point, traces), phones_per_cell_(point.phones) {}
  bool roams() const override { return false; }
  bool varies() const override { return channel_.varies(); }
  Attachment first(long phone) const override { return walk(phone)->next(); }
  std::unique_ptr<AttachmentWalk> walk(long phone) const override {
    return std::make_unique<Walker>(channel_.walk(phone), phone / phones_per_cell_);
  }
  double mean_mbps(long phone) const override { return channel_.mean_mbps(phone); }
  std::map<double, double> rate_shares(long phone) const override {
    return channel_.rate_shares(phone);
  }
  std::vector<double> levels() const override { return channel_.levels(); }

private:
  class Walker final : public AttachmentWalk {
  public:
    Walker(RateWalk rates, long cell) : rates_(std::move(rates)), cell_(cell) {}
    Attachment next() override {
      const RateChange c = rates_.next();
      Attachment a;
      a.time_s = c.time_s;
      a.cell = cell_;
      a.phy_mbps = c.mbps;
      return a;
    }

  private:
    RateWalk rates_;
    long cell_;
  };
  Channel channel_;
  long phones_per_cell_;
};

// With [mobility]: positions, rates from distance, and roaming.
class PlacedAttachments final : public Attachments {
public:
  PlacedAttachments(const Scenario& s, const RunPoint& point, const MobilityPlan& plan)
      : Attachments(point.total_phones(), static_cast<long>(plan.access_points.size()),
                    s.servers.cells_per_edge),
        s_(s), seed_(point.seed), plan_(plan), coverage_(coverage_for(s)) {
    // The margin in metres: LTE's path loss is Friis (exponent 2).
    const double n = s.network.link == AccessLink::Lte ? 2 : s.propagation.path_loss_exponent;
    // A trigger below the floor is never met before the link is lost: the range bounds it.
    trigger_m_ =
        std::min(coverage_->distance_m(s.mobility.handover_rssi_dbm), coverage_->range_m());
    margin_ratio_ = std::pow(10, s.mobility.handover_margin_db / (10 * n));
    radii_ = coverage_->rate_radii();
    for (long p = 0; p < phones(); ++p)
      starts_.push_back(start_of(p));
  }
  bool roams() const override { return s_.mobility.model != MobilityModel::Static && cells() > 1; }
  bool varies() const override { return s_.mobility.model != MobilityModel::Static; }
  Attachment first(long phone) const override { return walk(phone)->next(); }
  std::unique_ptr<AttachmentWalk> walk(long phone) const override {
    return std::make_unique<Roamer>(*this, walk_of(phone));
  }
  double mean_mbps(long phone) const override;
  std::map<double, double> rate_shares(long phone) const override;
  std::vector<double> levels() const override { return coverage_->rates(); }
  std::optional<Point> position(long phone) const override {
    return starts_[static_cast<std::size_t>(phone)];
  }
  std::optional<Point> access_point(long cell) const override {
    return plan_.access_points[static_cast<std::size_t>(cell)];
  }

private:
  // A phone's attachments along its walk. Between two instants at which something can
  // change (it crosses a rate's or the roaming threshold's distance from its access point,
  // another becomes margin stronger, an access point comes into range, or a leg ends) its
  // state is constant, so it is judged at the middle of each such interval and reported
  // from the interval's start when it differs.
  class Roamer final : public AttachmentWalk {
  public:
    Roamer(const PlacedAttachments& a, Walk walk) : a_(a), walk_(std::move(walk)) {
      take(walk_.next());
    }
    Attachment next() override;

  private:
    // The instants on this leg at which something can change for a phone served by now_.cell.
    void find_instants();
    double next_instant(double from);
    void move_to(double t) {
      while (leg_.end_s <= t)
        take(walk_.next());
    }
    // A new leg, and the access points that can matter on it: those it passes within range
    // of. Only they can serve it, come into range or be the margin stronger, so a city's
    // phone looks at a few, not all.
    void take(const Leg& leg) {
      leg_ = leg;
      instants_for_ = kUnfound;
      near_.clear();
      for (long c = 0; c < a_.cells(); ++c)
        if (distance_to_leg(a_.access_point_at(c), leg_) <= a_.radii_.back()) near_.push_back(c);
    }
    static constexpr long kUnfound = -2; // no cell: the instants are not found yet
    const PlacedAttachments& a_;
    Walk walk_;
    Leg leg_;
    std::vector<long> near_;
    std::vector<double> instants_;
    long instants_for_ = kUnfound;
    double t_ = 0;
    double rejudge_at_ = -1;         // the instant the phone took a new cell at, to judge again
    bool rejudged_handover_ = false; // whether it came by a handover
    bool started_ = false;
    Attachment now_;
  };

  Point start_of(long phone) const;
  Walk walk_of(long phone) const;
  Point access_point_at(long cell) const {
    return plan_.access_points[static_cast<std::size_t>(cell)];
  }
  // The strongest access point among `near` with a link at `p` other than `except`, or -1.
  long strongest(Point p, long except, const std::vector<long>& near) const;
  double distance_to(long cell, Point p) const {
    return distance_m(plan_.access_points[static_cast<std::size_t>(cell)], p);
  }
  // The state at `p` of a phone served by `serving` (-1: none): whom it is served by and
  // at what rate, and whether it got there by leaving another access point.
  enum class Roaming { On, Off };
  Attachment judge(Point p, long serving, Roaming roaming, const std::vector<long>& near) const;

  const Scenario& s_;
  long seed_;
  const MobilityPlan& plan_;
  std::unique_ptr<Coverage> coverage_; // the access points' (or eNodeBs') rates from distance
  double trigger_m_ = 0, margin_ratio_ = 1;
  std::vector<double> radii_;
  std::vector<Point> starts_;
};

Point PlacedAttachments::start_of(long phone) const {
  if (s_.mobility.model == MobilityModel::Trace) return plan_.walks.at(phone).front().second;
  if (!plan_.positions.empty()) return plan_.positions[static_cast<std::size_t>(phone)];
  Rng rng(static_cast<std::uint64_t>(seed_), static_cast<std::uint64_t>(phone), kPositions);
  const double x = rng.uniform() * plan_.area->width_m;
  return {x, rng.uniform() * plan_.area->height_m};
}

Walk PlacedAttachments::walk_of(long phone) const {
  const MobilityConfig& m = s_.mobility;
  const Point start = starts_[static_cast<std::size_t>(phone)];
  switch (m.model) {
  case MobilityModel::Waypoint:
    return Walk::waypoint(
        start, *plan_.area, {m.speed_mps[0], m.speed_mps[1]}, {m.pause_s[0], m.pause_s[1]},
        Rng(static_cast<std::uint64_t>(seed_), static_cast<std::uint64_t>(phone), kWalks));
  case MobilityModel::Trace:
    return Walk::trace(plan_.walks.at(phone));
  case MobilityModel::Static:
    break;
  }
  return Walk::fixed(start);
}

long PlacedAttachments::strongest(Point p, long except, const std::vector<long>& near) const {
  // The nearest is the strongest (every access point sends at the same power), and a link
  // only weakens with distance: if the nearest has none, none has.
  long best = -1;
  double best_d = kInfinity;
  for (long c : near) {
    const double d = distance_to(c, p);
    if (c != except && d < best_d) {
      best = c;
      best_d = d;
    }
  }
  return best >= 0 && coverage_->at(best_d).phy_mbps > 0 ? best : -1;
}

Attachment PlacedAttachments::judge(Point p, long serving, Roaming roaming,
                                    const std::vector<long>& near) const {
  Attachment a;
  a.cell = serving;
  if (serving >= 0) {
    const double d = distance_to(serving, p);
    const LinkBudget link = coverage_->at(d);
    // Roaming (docs/mobility.md): below the trigger, to the strongest access point at
    // least the margin stronger; with the link lost, to the strongest one in range.
    const long other = roaming == Roaming::On ? strongest(p, serving, near) : -1;
    const bool lost = link.phy_mbps <= 0;
    const bool weak = link.rx_dbm < s_.mobility.handover_rssi_dbm;
    if (other >= 0 && (lost || (weak && distance_to(other, p) * margin_ratio_ < d))) {
      a.cell = other;
      a.handover = true;
    } else if (lost) {
      a.cell = -1;
    }
  } else {
    a.cell = strongest(p, -1, near);
  }
  if (a.cell >= 0) {
    a.distance_m = distance_to(a.cell, p);
    a.phy_mbps = coverage_->at(a.distance_m).phy_mbps;
  }
  return a;
}

void PlacedAttachments::Roamer::find_instants() {
  instants_.clear();
  const auto add = [this](const Crossings& times) {
    instants_.insert(instants_.end(), times.begin(), times.end());
  };
  const long serving = now_.cell;
  const double start = leg_.start_s;
  if (serving >= 0 && std::find(near_.begin(), near_.end(), serving) == near_.end())
    for (double r : a_.radii_) // out of reach on this leg, but it may still leave the disc
      add(disc_crossings(leg_, a_.access_point_at(serving), r, start));
  for (long c : near_) {
    const Point ap = a_.access_point_at(c);
    if (c == serving) {
      for (double r : a_.radii_)
        add(disc_crossings(leg_, ap, r, start));
      add(disc_crossings(leg_, ap, a_.trigger_m_, start));
    } else {
      add(disc_crossings(leg_, ap, a_.radii_.back(), start));
      if (serving >= 0)
        add(ratio_crossings(leg_, a_.access_point_at(serving), ap, a_.margin_ratio_, start));
    }
  }
  std::sort(instants_.begin(), instants_.end());
  instants_for_ = serving;
}

double PlacedAttachments::Roamer::next_instant(double from) {
  // The instants depend on the leg and the serving access point only: found once for both.
  if (instants_for_ != now_.cell) find_instants();
  const auto after = std::upper_bound(instants_.begin(), instants_.end(), from);
  return after == instants_.end() ? leg_.end_s : std::min(*after, leg_.end_s);
}

Attachment PlacedAttachments::Roamer::next() {
  if (!started_) {
    started_ = true;
    now_ = a_.judge(leg_.at(0), -1, Roaming::On, near_);
    now_.handover = false;
    now_.leg = leg_;
    return now_;
  }
  const double gap_s = a_.s_.mobility.handover_gap_ms * 1e-3;
  while (std::isfinite(t_)) {
    const double from = t_;
    const double until = next_instant(from);
    const double mid = std::isfinite(until) ? (from + until) / 2 : from + 1;
    // Re-judging at `from` for a cell just taken: it keeps that cell on this interval.
    const bool rejudging = rejudge_at_ == from;
    Attachment then =
        a_.judge(leg_.at(mid), now_.cell, rejudging ? Roaming::Off : Roaming::On, near_);
    then.leg = leg_;
    then.handover = then.handover || (rejudging && rejudged_handover_);
    if (!rejudging && then.cell >= 0 && then.cell != now_.cell && !(then.handover && gap_s > 0)) {
      // A new cell without a gap (coming into range, or a handover with no gap): its rate
      // and instants are its own, so the phone is judged again from `from` with it. The
      // cell is the strongest just after `from`, where the change happens.
      const double just_after = std::isfinite(until) ? from + (until - from) * 1e-6 : from + 1e-6;
      now_.cell = a_.judge(leg_.at(just_after), now_.cell, Roaming::On, near_).cell;
      now_.phy_mbps = -1;
      rejudge_at_ = from;
      rejudged_handover_ = then.handover;
      continue;
    }
    const bool new_leg = now_.leg->start_s != then.leg->start_s;
    if (then.cell == now_.cell && then.phy_mbps == now_.phy_mbps && !new_leg) {
      t_ = until;
      if (std::isfinite(t_)) move_to(t_);
      continue;
    }
    // Decided on the leg the interval lies on; the walk moves on only after.
    then.time_s = from;
    if (then.cell >= 0) then.distance_m = a_.distance_to(then.cell, leg_.at(from));
    if (then.handover && gap_s > 0) {
      // The gap: the link carries nothing, then the phone is judged afresh with its new
      // access point from the gap's end, wherever its walk has taken it.
      now_ = then;
      now_.phy_mbps = -1; // reported again when the gap ends
      t_ = from + gap_s;
      move_to(t_);
      Attachment gap;
      gap.time_s = from;
      gap.handover = true;
      gap.leg = then.leg;
      return gap;
    }
    now_ = then;
    t_ = until;
    if (std::isfinite(t_)) move_to(t_);
    return now_;
  }
  Attachment end = now_;
  end.time_s = kInfinity;
  end.handover = false;
  return end;
}

std::map<double, double> PlacedAttachments::rate_shares(long phone) const {
  auto w = walk(phone);
  Attachment a = w->next();
  std::map<double, double> seconds;
  double attached_s = 0;
  while (a.time_s < kMeanHorizonS) {
    const Attachment b = w->next();
    const double span = std::min(b.time_s, kMeanHorizonS) - a.time_s;
    if (a.phy_mbps > 0) {
      seconds[a.phy_mbps] += span;
      attached_s += span;
    }
    a = b;
  }
  for (auto& [rate, s] : seconds)
    s /= attached_s;
  return seconds;
}

double PlacedAttachments::mean_mbps(long phone) const {
  double mean = 0;
  for (const auto& [rate, share] : rate_shares(phone))
    mean += rate * share;
  return mean;
}

} // namespace

CellCrowd most_crowded_cell(const Attachments& attachments) {
  std::vector<std::map<double, long>> rates(static_cast<std::size_t>(attachments.cells()));
  std::vector<long> phones(rates.size());
  for (long g = 0; g < attachments.phones(); ++g) {
    const Attachment a = attachments.first(g);
    if (a.cell < 0) continue;
    ++rates[static_cast<std::size_t>(a.cell)][a.phy_mbps];
    ++phones[static_cast<std::size_t>(a.cell)];
  }
  const auto busiest = std::max_element(phones.begin(), phones.end()) - phones.begin();
  CellCrowd crowd;
  crowd.phones = std::max(1L, phones[static_cast<std::size_t>(busiest)]);
  long most = 0;
  for (const auto& [rate, count] : rates[static_cast<std::size_t>(busiest)])
    if (count > most) {
      most = count;
      crowd.phy_mbps = rate;
    }
  return crowd;
}

double handovers_per_phone_hour(const Attachments& attachments, double horizon_s) {
  if (!attachments.varies() || horizon_s <= 0) return 0;
  long handovers = 0;
  for (long g = 0; g < attachments.phones(); ++g) {
    auto walk = attachments.walk(g);
    for (Attachment a = walk->next(); a.time_s < horizon_s; a = walk->next())
      handovers += a.handover;
  }
  return static_cast<double>(handovers) /
         (static_cast<double>(attachments.phones()) * horizon_s / 3600);
}

std::unique_ptr<Attachments> make_attachments(const Scenario& s, const RunPoint& point,
                                              const std::vector<BandwidthTrace>& channel_traces,
                                              const MobilityPlan* mobility) {
  if (mobility == nullptr) return std::make_unique<FixedAttachments>(s, point, channel_traces);
  return std::make_unique<PlacedAttachments>(s, point, *mobility);
}

} // namespace muxsim
