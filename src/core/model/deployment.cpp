#include "core/model/deployment.hpp"

#include <algorithm>
#include <map>

namespace muxsim {

bool ensemble_correct(const Deployment& d, const SlotList& slots, const TraceInput& in) {
  if (slots.size() == 1) return in.correct[d.cloud[slots.front()].trace_index];
  std::map<int, double> votes;
  for (int s : slots) {
    const int m = d.cloud[s].trace_index;
    votes[in.pred[m]] += in.conf[m];
  }
  int best = -1;
  double best_vote = -1;
  for (const auto& [cls, vote] : votes)
    if (vote > best_vote) best = cls, best_vote = vote;
  return best == in.label;
}

double server_latency_ms(const Deployment& d, const Plan& plan, long batch, double slope) {
  double single = plan.edge ? d.edge_profile.latency_ms : 0.0;
  for (int s : plan.cloud_slots)
    single = d.ensemble_parallel ? std::max(single, d.cloud[s].profile.latency_ms)
                                 : single + d.cloud[s].profile.latency_ms;
  return single * (1.0 + slope * static_cast<double>(batch - 1));
}

CostBreakdown account(const Deployment& d, const Plan& plan, const TraceInput& input,
                      const Timing& t) {
  CostBreakdown c;
  c.mux_ms = t.mux_ms;
  c.local_ms = t.local_ms;
  c.upload_ms = t.upload_ms;
  c.queue_ms = t.queue_ms;
  c.server_ms = t.server_ms;
  c.download_ms = t.download_ms;
  c.upload_air_ms = t.upload_air_ms;
  c.download_air_ms = t.download_air_ms;
  c.server_busy_ms = t.server_busy_ms;
  // Bytes that cross the WAN: the input and reply of a request answered in the cloud or
  // multiplexed there; the edge sits on the access point's side of it.
  if (!plan.edge && (plan.offloaded() || remote_mux(d, plan)))
    c.wan_bytes = d.upload_bytes + d.download_bytes;
  // Answered on the phone: a phone model whose answer a cloud model then replaces (the
  // confidence baseline's offloads) is charged but does not count as local.
  c.local = plan.local && !plan.offloaded();
  c.at_edge = plan.edge;
  double mux_idle_ms = 0;
  if (plan.mux) {
    if (d.mux_on_phone || plan.early) {
      c.compute_mj += decision_profile(d, plan).energy_mj;
      c.phone_gflops += decision_profile(d, plan).gflops;
    } else {
      // A cloud-side multiplexer costs the phone its upload and its idle wait while the
      // multiplexer runs.
      mux_idle_ms = t.mux_ms;
      c.cloud_gflops += d.mux.gflops;
    }
  }
  if (plan.local) {
    c.compute_mj += local_profile(d, plan).energy_mj;
    c.phone_gflops += local_profile(d, plan).gflops;
    c.correct = input.correct[d.mobile];
    c.call(d.mobile);
  }
  for (int s : plan.cloud_slots) {
    c.cloud_gflops += d.cloud[s].profile.gflops;
    c.call(d.cloud[s].trace_index);
  }
  if (!plan.cloud_slots.empty()) c.correct = ensemble_correct(d, plan.cloud_slots, input);
  if (plan.edge) {
    c.edge_gflops += d.edge_profile.gflops;
    c.call(d.edge);
    c.correct = input.correct[d.edge];
  }
  charge_radio(c, d.radio, mux_idle_ms);
  return c;
}

} // namespace muxsim
