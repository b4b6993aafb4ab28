#pragma once
// A phone and its requests. Each request runs the multiplexer, then the phone's model or an
// offload round trip (upload, server queue and compute, reply), and records the times the
// accounting needs. A closed-loop phone waits for each answer, then thinks; an open-loop
// phone issues Poisson arrivals, each request an actor of its own.
#include "core/model/prepared.hpp"
#include "sim/gpu_server.hpp"
#include "sim/transfer.hpp"

namespace muxsim::sim {

struct PhoneContext {
  const Prepared* prepared = nullptr;
  Policy* policy = nullptr;
  simgrid::s4u::Host* host = nullptr;
  GpuServer* cloud = nullptr;
  GpuServer* edge = nullptr; // this phone's edge server; null without an edge tier
  Route to_cloud, to_edge;
  const RequestSink* record = nullptr; // receives each request as it completes
  long* finished = nullptr;            // requests served, over all phones
  double wifi_mbps = 0;                // the phone's current Wi-Fi rate, kept by its channel actor
  Station station;                     // its Wi-Fi station, for transfers
  long index = 0;                      // over all cells
};

// The actor of phone `index` (over all cells): requests index, index + N, index + 2N, ...
void run_phone(const PhoneContext* ctx, long index, RunPoint point);

} // namespace muxsim::sim
