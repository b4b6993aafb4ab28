#include "core/policy/autoscale.hpp"

#include "core/policy/builtin.hpp"

#include "core/model/rng.hpp"

#include <algorithm>
#include <array>
#include <fmt/format.h>
#include <map>

namespace muxsim {

namespace {

constexpr std::array<double, 5> kSignalEdges{2, 5, 10, 20, 50};    // Mbit/s
constexpr std::array<double, 4> kRoundTripEdges{20, 50, 100, 200}; // ms
constexpr int kSignalBins = 6, kRoundTripBins = 6;
// Weight of the newest round trip in a phone's running estimate.
constexpr double kRoundTripWeight = 0.3;

struct Target {
  std::string name;
  Plan plan;
  double accuracy = 0;
};

class AutoScale : public Policy {
public:
  AutoScale(const Deployment& d, const AutoScaleParams& p)
      : p_(p), rng_(p.seed, 0, kExploration),
        reference_mj_(d.mobile >= 0 && d.mobile_profile.energy_mj > 0 ? d.mobile_profile.energy_mj
                                                                      : 1.0) {
    if (d.mobile >= 0) targets_.push_back({"phone", Plan::on_phone(), d.mobile_profile.accuracy});
    if (d.edge >= 0) targets_.push_back({"edge", Plan::on_edge(), d.edge_profile.accuracy});
    targets_.push_back(
        {"cloud", Plan::in_cloud({d.cloud_default}), d.cloud[d.cloud_default].profile.accuracy});
    q_.assign(kSignalBins * kRoundTripBins, std::vector<double>(targets_.size(), 0.0));
    visits_.assign(q_.size(), 0);
  }

  Plan decide(const TraceInput&, const PhoneView& view) override {
    const int s = state(view);
    int a = 0;
    if (rng_.uniform() < p_.epsilon)
      a = static_cast<int>(rng_.uniform() * static_cast<double>(targets_.size()));
    else
      a = greedy(s);
    pending_[{view.phone, view.now_s}] = {s, a};
    return targets_[static_cast<std::size_t>(a)].plan;
  }

  void observe(const PhoneView& view, const Plan&, const CostBreakdown& c) override {
    const auto it = pending_.find({view.phone, view.now_s});
    if (it == pending_.end()) return;
    const auto [s, a] = it->second;
    pending_.erase(it);
    const Target& t = targets_[static_cast<std::size_t>(a)];
    double r = reference_mj_ / std::max(c.phone_energy_mj(), 1e-9);
    if (c.latency_ms() > p_.qos_ms) r -= 1;
    if (t.accuracy < p_.accuracy_target) r -= 1;
    if (!t.plan.local) {
      const double sample = c.upload_ms + c.queue_ms + c.server_ms + c.download_ms;
      const auto [rt, first] = round_trip_.try_emplace(view.phone, sample);
      if (!first) rt->second += kRoundTripWeight * (sample - rt->second);
    }
    const int next = state(view);
    auto& q = q_[static_cast<std::size_t>(s)][static_cast<std::size_t>(a)];
    q += p_.alpha * (r + p_.gamma * q_[static_cast<std::size_t>(next)][greedy(next)] - q);
    ++visits_[static_cast<std::size_t>(s)];
    window_reward_ += r;
    ++window_actions_[a];
    if (++window_count_ == p_.window) close_window();
  }

  std::vector<std::pair<std::string, std::string>> learning_files() const override {
    std::string table = "signal_bin,round_trip_bin,visits";
    for (const auto& t : targets_)
      table += ",q_" + t.name;
    table += ",greedy\n";
    for (int s = 0; s < static_cast<int>(q_.size()); ++s) {
      table += fmt::format("{},{},{}", s / kRoundTripBins, s % kRoundTripBins,
                           visits_[static_cast<std::size_t>(s)]);
      for (const double v : q_[static_cast<std::size_t>(s)])
        table += fmt::format(",{:.6f}", v);
      table += "," + targets_[static_cast<std::size_t>(greedy(s))].name + "\n";
    }
    return {{"autoscale-curve.csv", curve_}, {"autoscale-q.csv", table}};
  }

private:
  int state(const PhoneView& view) const {
    const auto it = round_trip_.find(view.phone);
    const bool known = it != round_trip_.end();
    return signal_bin(view.wifi_mbps) * kRoundTripBins +
           round_trip_bin(known, known ? it->second : 0);
  }
  std::size_t greedy(int s) const {
    const auto& q = q_[static_cast<std::size_t>(s)];
    return static_cast<std::size_t>(std::max_element(q.begin(), q.end()) - q.begin());
  }
  void close_window() {
    if (curve_.empty()) {
      curve_ = "window,requests,mean_reward";
      for (const auto& t : targets_)
        curve_ += ",share_" + t.name;
      curve_ += "\n";
    }
    ++windows_;
    curve_ += fmt::format("{},{},{:.6f}", windows_, windows_ * p_.window,
                          window_reward_ / static_cast<double>(window_count_));
    for (std::size_t a = 0; a < targets_.size(); ++a)
      curve_ += fmt::format(",{:.4f}", static_cast<double>(window_actions_[static_cast<int>(a)]) /
                                           static_cast<double>(window_count_));
    curve_ += "\n";
    window_reward_ = 0, window_count_ = 0, window_actions_.clear();
  }

  AutoScaleParams p_;
  Rng rng_;
  double reference_mj_;
  std::vector<Target> targets_;
  std::vector<std::vector<double>> q_;
  std::vector<long> visits_;
  std::map<long, double> round_trip_; // per phone, once it has offloaded
  std::map<std::pair<long, double>, std::pair<int, int>> pending_; // (phone, time) -> (s, a)
  std::string curve_;
  long windows_ = 0, window_count_ = 0;
  double window_reward_ = 0;
  std::map<int, long> window_actions_;
};

} // namespace

int signal_bin(double wifi_mbps) {
  return static_cast<int>(std::upper_bound(kSignalEdges.begin(), kSignalEdges.end(), wifi_mbps) -
                          kSignalEdges.begin());
}

int round_trip_bin(bool known, double round_trip_ms) {
  if (!known) return 0;
  return 1 + static_cast<int>(
                 std::upper_bound(kRoundTripEdges.begin(), kRoundTripEdges.end(), round_trip_ms) -
                 kRoundTripEdges.begin());
}

std::unique_ptr<Policy> make_autoscale(const Deployment& d, const AutoScaleParams& params) {
  return std::make_unique<AutoScale>(d, params);
}

std::unique_ptr<Policy> make_autoscale_policy(const Deployment& d, const PolicyParams& params) {
  return make_autoscale(d, {params.alpha, params.gamma, params.epsilon, params.qos_ms,
                            params.accuracy_target, params.seed});
}

} // namespace muxsim
