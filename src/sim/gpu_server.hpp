#pragma once
// A GPU server (docs/network.md): FIFO queues (one per server, or one per model), k
// workers per queue, optional dynamic batching. A worker is free the moment its compute
// ends: it only stamps the times and wakes the phone, which fetches its own reply
// (docs/invariants.md #6), so queue waits equal a FIFO server's.
#include "core/model/deployment.hpp"

#include <simgrid/s4u.hpp>

#include <deque>
#include <map>
#include <memory>

namespace muxsim::sim {

struct Batching {
  long max = 1;      // largest batch; 1: no batching
  double wait_s = 0; // how long the oldest request may wait for its batch to fill
  double slope = 0;  // L(b) = L(1) (1 + slope (b - 1))
};

// One request at a server. The phone fills `plan` and `arrived`, the worker the rest.
struct Job {
  const Plan* plan = nullptr;
  double mux_ms = 0; // a cloud-side multiplexer runs first, in the same visit
  double arrived = 0, start = 0, mux_end = 0, end = 0;
  long batch = 0; // size of the batch it ran in
  simgrid::s4u::SemaphorePtr done = simgrid::s4u::Semaphore::create(0);
};

class GpuServer {
public:
  // Starts `workers` daemon worker actors per queue on `host`. `queue_keys` lists the queues
  // (one key per model with queue_per_model, else the single key 0).
  GpuServer(simgrid::s4u::Host* host, const Deployment& d, long workers, const Batching& batching,
            const std::vector<int>& queue_keys);
  // Enqueues the job in the queue of `key`; the caller then waits on job.done.
  void submit(Job* job, int key);
  simgrid::s4u::Host* host() const { return host_; }

private:
  struct Queue {
    std::deque<Job*> jobs;
    simgrid::s4u::MutexPtr mutex = simgrid::s4u::Mutex::create();
    simgrid::s4u::ConditionVariablePtr changed = simgrid::s4u::ConditionVariable::create();
  };
  void work(Queue* q);
  std::vector<Job*> take_batch(Queue& q) const;
  long batchable(const Queue& q) const;

  simgrid::s4u::Host* host_;
  const Deployment& d_;
  Batching batching_;
  std::map<int, std::unique_ptr<Queue>> queues_;
};

} // namespace muxsim::sim
