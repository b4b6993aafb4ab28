#pragma once
// Each phone's Wi-Fi rate over time (docs/network.md): constant, following a real
// throughput trace from a per-phone offset, or a seeded two-state (good/bad) Markov chain.
// Core holds the schedule; the simulation's channel actor applies it to SimGrid's Wi-Fi rate
// levels, and the closed form uses each phone's mean rate.
#include "core/base/scenario.hpp"
#include "core/formats/bandwidth_trace.hpp"
#include "core/model/rng.hpp"

#include <map>
#include <vector>

namespace muxsim {

struct RateChange {
  double time_s = 0;
  double mbps = 0;
};

// The sequence of rate changes of one phone, from time 0 on; next() never ends (a trace that
// does not loop holds its last rate, reported as a change at +infinity).
class RateWalk {
public:
  static RateWalk constant(double mbps);
  static RateWalk trace(const BandwidthTrace& t, double start_s, bool loop, double floor_mbps);
  static RateWalk markov(double good_mbps, double bad_mbps, double good_s, double bad_s, Rng rng);
  RateChange next();

private:
  ChannelKind kind_ = ChannelKind::Constant;
  double rate_ = 0;
  bool started_ = false;
  // trace
  const BandwidthTrace* trace_ = nullptr;
  double origin_s_ = 0; // simulated time at which the trace's position 0 of `cycle_` falls
  std::size_t index_ = 0;
  bool loop_ = true;
  double floor_ = 0;
  // markov
  bool good_ = true;
  double clock_ = 0, good_mbps_ = 0, bad_mbps_ = 0, good_s_ = 0, bad_s_ = 0;
  Rng rng_{0, 0, 0};
};

class Channel {
public:
  Channel(const Scenario& s, const RunPoint& point, const std::vector<BandwidthTrace>& traces);
  long phones() const { return static_cast<long>(base_.size()); }
  bool varies() const { return kind_ != ChannelKind::Constant; }
  // The rate a phone holds on a constant channel, or its good state's on a Markov channel.
  double base_mbps(long phone) const { return base_[static_cast<std::size_t>(phone)]; }
  // What the closed form charges: the time-mean rate of the phone's channel.
  double mean_mbps(long phone) const;
  // The share of time the phone holds each rate: a Markov channel's two states, or its mean.
  std::map<double, double> rate_shares(long phone) const;
  RateWalk walk(long phone) const;
  // Every rate a phone can hold during the run, for SimGrid's Wi-Fi rate levels.
  std::vector<double> levels() const;

private:
  const BandwidthTrace& trace_of(long phone) const;
  double start_of(long phone) const;
  ChannelKind kind_;
  ChannelConfig config_;
  long seed_;
  std::vector<double> base_;
  const std::vector<BandwidthTrace>* traces_;
};

} // namespace muxsim
