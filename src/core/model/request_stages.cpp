#include "core/model/request_stages.hpp"

namespace muxsim {

int queue_key(const Plan& plan, bool queue_per_model) {
  if (!queue_per_model || plan.edge || plan.cloud_slots.empty()) return 0;
  return plan.cloud_slots.front();
}

std::vector<int> queue_keys(const Deployment& d, bool cloud, bool queue_per_model) {
  std::vector<int> keys = {0};
  if (cloud && queue_per_model)
    for (std::size_t i = 1; i < d.cloud.size(); ++i)
      keys.push_back(static_cast<int>(i));
  return keys;
}

RequestStages request_stages(const Deployment& d, const Plan& plan) {
  RequestStages r;
  r.edge = plan.edge;
  const bool ask_cloud = remote_mux(d, plan);
  auto phone = [&](double ms, double Timing::*into) {
    Stage s{StageKind::PhoneCompute};
    s.ms = ms;
    s.into = into;
    r.stages.push_back(s);
  };
  auto network = [&](StageKind kind, double bytes) {
    Stage s{kind};
    s.bytes = bytes;
    r.stages.push_back(s);
  };
  if (plan.mux && !ask_cloud) phone(decision_profile(d, plan).latency_ms, &Timing::mux_ms);
  if (plan.local && !ask_cloud) phone(local_profile(d, plan).latency_ms, &Timing::local_ms);
  if (plan.offloaded() || ask_cloud) {
    network(StageKind::Upload, d.upload_bytes);
    Stage visit{StageKind::ServerVisit};
    if (ask_cloud) visit.server_mux_ms = d.mux.latency_ms;
    r.stages.push_back(visit);
    network(StageKind::Download, d.download_bytes);
  }
  if (plan.local && ask_cloud) phone(local_profile(d, plan).latency_ms, &Timing::local_ms);
  return r;
}

} // namespace muxsim
