#pragma once
// A phone and its requests. Each request runs the multiplexer, then the phone's model or an
// offload round trip (upload, server queue and compute, reply), and records the times the
// accounting needs. A closed-loop phone waits for each answer, then thinks; open-loop
// phones are driven by sim/open_loop.hpp.
#include "core/assemble/prepared.hpp"
#include "core/model/attachment.hpp"
#include "core/policy/policy.hpp"
#include "sim/channel_actor.hpp"
#include "sim/gpu_server.hpp"
#include "sim/transfer.hpp"

#include <string>

namespace muxsim::sim {

struct PhoneContext {
  const Prepared* prepared = nullptr;
  Policy* policy = nullptr;
  simgrid::s4u::Host* host = nullptr;
  GpuServer* cloud = nullptr;
  // The edge servers, one per group of cells (empty without an edge tier): a request goes
  // to its cell's when it starts (Attachments::edge_of).
  const std::vector<GpuServer*>* edges = nullptr;
  const Attachments* attachments = nullptr;
  Route to_cloud, to_edge;
  const RequestSink* record = nullptr; // receives each request as it completes
  long* finished = nullptr;            // requests served, over all phones
  PhoneLink link;                      // its rate and cell now, kept by its channel actor
  Station station;                     // its Wi-Fi station, for transfers
  long index = 0;                      // over all cells
  int wifi_level = -1;                 // its station's level in SimGrid (Station::level)
  std::string* failure = nullptr;      // why the run stopped early: its policy failed
};

// Serves request k on the calling actor, from the policy's decision to the record.
void serve_request(const PhoneContext* ctx, long k);
// Closed loop: the actor of phone `index` (over all cells) serves requests index, index + N,
// index + 2N, ... one after another, thinking between them.
void run_phone(const PhoneContext* ctx, long index, RunPoint point);

} // namespace muxsim::sim
