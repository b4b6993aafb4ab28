#pragma once
// The stages of one request, written once and walked by both modes (docs/cost-model.md):
// the closed form sums them (Eq. 9-14, a phone alone), the simulation performs them in
// SimGrid, where stations share the air and requests queue. Each stage says where it runs,
// what it costs and which Timing field it fills; account() then charges the phone per field
// (compute energy for phone stages, radio power for the rest: Eq. 12-14).
#include "core/model/deployment.hpp"

#include <vector>

namespace muxsim {

enum class StageKind {
  PhoneCompute, // the phone runs the multiplexer or its own model
  Upload,       // the input goes up to the server
  ServerVisit,  // the server's queue, then its work: a cloud-side multiplexer, the models
  Download,     // the reply comes back
};

struct Stage {
  StageKind kind;
  double ms = 0;                  // PhoneCompute: the phone's compute time
  double Timing::*into = nullptr; // PhoneCompute: mux_ms or local_ms
  double bytes = 0;               // Upload, Download
  double server_mux_ms = 0;       // ServerVisit: a cloud-side multiplexer, ahead of the models
};

struct RequestStages {
  std::vector<Stage> stages; // in the order they run
  bool edge = false;         // the network stages reach the edge server, else the cloud
};

// The queue a plan's request joins: one per model in the cloud with queue_per_model, keyed
// by its first slot; else the server's single queue 0.
int queue_key(const Plan& plan, bool queue_per_model);
// Every queue a server holds: the cloud's, one per model with queue_per_model; else one.
std::vector<int> queue_keys(const Deployment& d, bool cloud, bool queue_per_model);

// A plan's stages. The multiplexer runs on the phone before anything else, or in the cloud
// after the upload (remote_mux). The phone's model runs before an offload (the confidence
// baseline offloads after it), or after a cloud-side multiplexer has answered "local".
RequestStages request_stages(const Deployment& d, const Plan& plan);

} // namespace muxsim
