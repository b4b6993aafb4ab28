#pragma once
// A GPU server (docs/network.md): FIFO queues (one per server, or one per model), k
// workers per queue, optional dynamic batching. A worker is free the moment its compute
// ends: the phone fetches its own reply (docs/invariants.md #6), so queue waits equal a FIFO
// server's.
//
// Without batching a queue is k first-come-first-served workers, whose times follow from
// arithmetic alone: a request starts when it arrives or when the earliest-free worker frees,
// whichever is later. The phone computes its visit and sleeps until the end; the server
// needs no actors. Only dynamic batching, which waits on requests yet to come, runs worker
// actors (a 10,000-phone cloud-only run spent a quarter of its time in them; docs/speed.md).
#include "core/model/deployment.hpp"

#include <simgrid/s4u.hpp>

#include <deque>
#include <map>
#include <memory>
#include <vector>

namespace muxsim::sim {

struct Batching {
  long max = 1;      // largest batch; 1: no batching
  double wait_s = 0; // how long the oldest request may wait for its batch to fill
  double slope = 0;  // L(b) = L(1) (1 + slope (b - 1))
};

// One request's visit: when it arrived, started, ended its cloud-side multiplexer and ended.
struct Visit {
  double arrived = 0, start = 0, mux_end = 0, end = 0;
  long batch = 0; // size of the batch it ran in
};

class GpuServer {
public:
  // `workers` per queue; `queue_keys` lists the queues (one key per model with
  // queue_per_model, else the single key 0). With batching, starts the daemon worker actors.
  GpuServer(simgrid::s4u::Host* host, const Deployment& d, long workers, const Batching& batching,
            const std::vector<int>& queue_keys);
  // Blocks the calling phone while its request visits the queue of `key`: the wait, a
  // cloud-side multiplexer of `mux_ms` if any, then the plan's models.
  Visit visit(const Plan& plan, double mux_ms, int key);
  simgrid::s4u::Host* host() const { return host_; }

private:
  // A request waiting for its batch.
  struct Job {
    const Plan* plan = nullptr;
    double mux_ms = 0;
    Visit times;
    simgrid::s4u::SemaphorePtr done = simgrid::s4u::Semaphore::create(0);
  };
  struct Queue {
    std::vector<double> free_at; // without batching: when each worker frees (a min-heap)
    std::deque<Job*> jobs;       // with batching: the requests waiting, and their lock
    simgrid::s4u::MutexPtr mutex = simgrid::s4u::Mutex::create();
    simgrid::s4u::ConditionVariablePtr changed = simgrid::s4u::ConditionVariable::create();
  };
  Visit first_come_first_served(Queue& q, const Plan& plan, double mux_ms) const;
  Visit batched(Queue& q, const Plan& plan, double mux_ms);
  void work(Queue* q);
  std::vector<Job*> take_batch(Queue& q) const;
  long batchable(const Queue& q) const;

  simgrid::s4u::Host* host_;
  const Deployment& d_;
  Batching batching_;
  std::map<int, std::unique_ptr<Queue>> queues_;
};

} // namespace muxsim::sim
