#include "core/policy/network_aware.hpp"

#include "core/base/input_error.hpp"
#include "core/policy/builtin.hpp"

#include <cmath>

namespace muxsim {

void LinkEstimator::on_upload(bool edge, double bytes, double upload_ms) {
  if (!(upload_ms > 0)) return;
  const double sample = bytes * 8e-3 / upload_ms; // Mbit/s
  rate_[edge] = rate_[edge] > 0 ? rate_[edge] + kWeight * (sample - rate_[edge]) : sample;
}

void LinkEstimator::on_wait(bool edge, double wait_ms) {
  wait_[edge] = wait_[edge] >= 0 ? wait_[edge] + kWeight * (wait_ms - wait_[edge]) : wait_ms;
}

void LinkEstimator::learn(const Deployment& d, const Plan& plan, const CostBreakdown& c) {
  if (!plan.offloaded()) return;
  on_upload(plan.edge, d.upload_bytes, c.upload_ms);
  on_wait(plan.edge, c.queue_ms + c.server_ms);
}

namespace {

struct Option {
  Plan plan;
  double score = 0; // the multiplexer's estimate that this placement is right
  double latency_ms = 0, energy_mj = 0;
};

class NetworkAware : public Policy {
public:
  NetworkAware(const Deployment& d, const NetworkAwareParams& p) : d_(d), p_(p) {}

  Plan decide(const TraceInput& in, const PhoneView& view) override {
    return best(in, estimators_[view.phone]);
  }

  void observe(const PhoneView& view, const Plan& plan, const CostBreakdown& c) override {
    estimators_[view.phone].learn(d_, plan, c);
  }

private:
  // Expected latency and energy of sending the input to a tier whose compute takes
  // `compute_ms`. Before the first upload to a tier its rate is unknown and taken as
  // unlimited, so the phone tries it once; before the first reply the wait is the
  // model's profile latency, a published figure the phone can know.
  Option offload(const LinkEstimator& e, bool edge, double compute_ms) const {
    Option o;
    const bool known = e.knows_rate(edge);
    const double up = known ? d_.upload_bytes * 8e-3 / e.rate_mbps(edge) : 0;
    const double down = known ? d_.download_bytes * 8e-3 / e.rate_mbps(edge) : 0;
    const double wait = e.knows_wait(edge) ? e.wait_ms(edge) : compute_ms;
    o.latency_ms = d_.mux.latency_ms + up + wait + down;
    o.energy_mj =
        d_.mux.energy_mj + d_.radio.tx_w * up + d_.radio.idle_w * wait + d_.radio.rx_w * down;
    return o;
  }

  Plan best(const TraceInput& in, const LinkEstimator& e) const {
    std::vector<Option> options;
    if (d_.mobile >= 0) {
      Option local{Plan::on_phone().after_mux(), in.score[d_.mobile]};
      local.latency_ms = d_.mux.latency_ms + d_.mobile_profile.latency_ms;
      local.energy_mj = d_.mux.energy_mj + d_.mobile_profile.energy_mj;
      options.push_back(local);
    }
    if (d_.edge >= 0) {
      Option o = offload(e, true, d_.edge_profile.latency_ms);
      o.plan = Plan::on_edge().after_mux();
      o.score = in.score[d_.edge];
      options.push_back(o);
    }
    for (std::size_t c = 0; c < d_.cloud.size(); ++c) {
      Option o = offload(e, false, d_.cloud[c].profile.latency_ms);
      o.plan = Plan::in_cloud({static_cast<int>(c)}).after_mux();
      o.score = in.score[d_.cloud[c].trace_index];
      options.push_back(o);
    }
    // Cheapest among those expected right often enough; else the most likely right.
    const Option* pick = nullptr;
    auto cost = [&](const Option& o) { return p_.minimise_energy ? o.energy_mj : o.latency_ms; };
    for (const auto& o : options)
      if (o.score >= p_.score_target && (!pick || cost(o) < cost(*pick))) pick = &o;
    if (!pick)
      for (const auto& o : options)
        if (!pick || o.score > pick->score || (o.score == pick->score && cost(o) < cost(*pick)))
          pick = &o;
    return pick->plan;
  }

  const Deployment& d_;
  NetworkAwareParams p_;
  std::map<long, LinkEstimator> estimators_; // per phone
};

} // namespace

std::unique_ptr<Policy> make_network_aware(const Deployment& d, const NetworkAwareParams& params) {
  return std::make_unique<NetworkAware>(d, params);
}

std::unique_ptr<Policy> make_network_aware_policy(const Deployment& d, const PolicyParams& params) {
  if (!d.mux_on_phone)
    throw InputError("policy 'network-aware' needs the multiplexer on the phone (mux_device)");
  return make_network_aware(d, {params.score_target, params.objective == Objective::Energy});
}

} // namespace muxsim
