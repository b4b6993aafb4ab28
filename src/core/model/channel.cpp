#include "core/model/channel.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace muxsim {

RateWalk RateWalk::constant(double mbps) {
  RateWalk w;
  w.rate_ = mbps;
  return w;
}

RateWalk RateWalk::trace(const BandwidthTrace& t, double start_s, bool loop, double floor_mbps) {
  RateWalk w;
  w.kind_ = ChannelKind::Trace;
  w.trace_ = &t;
  w.loop_ = loop;
  w.floor_ = floor_mbps;
  const double period = t.period_s();
  const double position = loop ? std::fmod(start_s, period) : start_s;
  w.origin_s_ = -position;
  const double t0 = t.time_s.front();
  while (w.index_ + 1 < t.time_s.size() && t.time_s[w.index_ + 1] - t0 <= position)
    ++w.index_;
  return w;
}

RateWalk RateWalk::markov(double good_mbps, double bad_mbps, double good_s, double bad_s, Rng rng) {
  RateWalk w;
  w.kind_ = ChannelKind::Markov;
  w.good_mbps_ = good_mbps;
  w.bad_mbps_ = bad_mbps;
  w.good_s_ = good_s;
  w.bad_s_ = bad_s;
  w.rng_ = rng;
  // Start in the stationary distribution: good with probability good_s / (good_s + bad_s).
  w.good_ = w.rng_.uniform() < good_s / (good_s + bad_s);
  return w;
}

RateChange RateWalk::next() {
  const bool first = !started_;
  started_ = true;
  switch (kind_) {
  case ChannelKind::Constant:
    return {first ? 0.0 : std::numeric_limits<double>::infinity(), rate_};
  case ChannelKind::Trace: {
    const auto& t = *trace_;
    if (!first && ++index_ == t.time_s.size()) {
      if (!loop_) {
        index_ = t.time_s.size() - 1;
        return {std::numeric_limits<double>::infinity(), std::max(t.mbps[index_], floor_)};
      }
      index_ = 0;
      origin_s_ += t.period_s();
    }
    const double at = first ? 0.0 : origin_s_ + t.time_s[index_] - t.time_s.front();
    return {at, std::max(t.mbps[index_], floor_)};
  }
  case ChannelKind::Markov:
    if (!first) {
      clock_ += rng_.exponential(good_ ? good_s_ : bad_s_);
      good_ = !good_;
    }
    return {clock_, good_ ? good_mbps_ : bad_mbps_};
  }
  return {};
}

Channel::Channel(const Scenario& s, const RunPoint& point,
                 const std::vector<BandwidthTrace>& traces)
    : kind_(s.network.channel.kind), config_(s.network.channel), seed_(point.seed),
      traces_(&traces) {
  const long n = point.total_phones();
  base_.resize(static_cast<std::size_t>(n), point.bandwidth_mbps);
  const auto& rates = config_.phone_rates_mbps;
  if (rates.empty()) return;
  for (long g = 0; g < n; ++g) {
    std::size_t pick = static_cast<std::size_t>(g) % rates.size();
    if (config_.random_rates) {
      Rng rng(static_cast<std::uint64_t>(seed_), static_cast<std::uint64_t>(g), kRates);
      pick = static_cast<std::size_t>(rng.uniform() * static_cast<double>(rates.size()));
    }
    base_[static_cast<std::size_t>(g)] = rates[pick];
  }
}

const BandwidthTrace& Channel::trace_of(long phone) const {
  return (*traces_)[static_cast<std::size_t>(phone) % traces_->size()];
}

double Channel::start_of(long phone) const {
  return config_.trace_offset_s + static_cast<double>(phone) * config_.trace_stagger_s;
}

double Channel::mean_mbps(long phone) const {
  if (kind_ == ChannelKind::Trace) return trace_of(phone).mean_mbps(config_.min_rate_mbps);
  if (kind_ == ChannelKind::Markov) {
    const double good = config_.markov_good_s, bad = config_.markov_bad_s;
    return (good * base_mbps(phone) + bad * config_.markov_bad_mbps) / (good + bad);
  }
  return base_mbps(phone);
}

std::map<double, double> Channel::rate_shares(long phone) const {
  if (kind_ != ChannelKind::Markov) return {{mean_mbps(phone), 1.0}};
  const double good = config_.markov_good_s, bad = config_.markov_bad_s;
  std::map<double, double> shares;
  shares[base_mbps(phone)] += good / (good + bad);
  shares[config_.markov_bad_mbps] += bad / (good + bad);
  return shares;
}

RateWalk Channel::walk(long phone) const {
  if (kind_ == ChannelKind::Trace)
    return RateWalk::trace(trace_of(phone), start_of(phone), config_.trace_loop,
                           config_.min_rate_mbps);
  if (kind_ == ChannelKind::Markov)
    return RateWalk::markov(
        base_mbps(phone), config_.markov_bad_mbps, config_.markov_good_s, config_.markov_bad_s,
        Rng(static_cast<std::uint64_t>(seed_), static_cast<std::uint64_t>(phone), kMarkov));
  return RateWalk::constant(base_mbps(phone));
}

std::vector<double> Channel::levels() const {
  std::vector<double> all;
  if (kind_ == ChannelKind::Trace) {
    for (const auto& t : *traces_)
      for (double r : t.mbps)
        all.push_back(std::max(r, config_.min_rate_mbps));
  } else {
    all = base_;
    if (kind_ == ChannelKind::Markov) all.push_back(config_.markov_bad_mbps);
  }
  std::sort(all.begin(), all.end(), std::greater<>());
  all.erase(std::unique(all.begin(), all.end()), all.end());
  return all;
}

} // namespace muxsim
