#include "sim/gpu_server.hpp"

#include "sim/platform.hpp"

#include <algorithm>
#include <functional>
#include <mutex>

namespace sg4 = simgrid::s4u;

XBT_LOG_EXTERNAL_CATEGORY(muxsim);
XBT_LOG_NEW_DEFAULT_SUBCATEGORY(muxsim_server, muxsim, "GPU servers: batches and their times");

namespace muxsim::sim {

namespace {

// Requests batch together only when they run the same models.
bool same_work(const Plan& a, const Plan& b) {
  return a.edge == b.edge && a.cloud_slots == b.cloud_slots;
}

} // namespace

GpuServer::GpuServer(sg4::Host* host, const Deployment& d, long workers, const Batching& batching,
                     const std::vector<int>& queue_keys)
    : host_(host), d_(d), batching_(batching) {
  for (int key : queue_keys) {
    Queue* q = (queues_[key] = std::make_unique<Queue>()).get();
    if (batching_.max == 1) {
      q->free_at.assign(static_cast<std::size_t>(workers), 0.0);
      continue;
    }
    for (long w = 0; w < workers; ++w)
      sg4::Actor::create(host->get_name() + "-worker", host, [this, q] { work(q); })->daemonize();
  }
}

Visit GpuServer::visit(const Plan& plan, double mux_ms, int key) {
  Queue& q = *queues_.at(key);
  return batching_.max == 1 ? first_come_first_served(q, plan, mux_ms) : batched(q, plan, mux_ms);
}

Visit GpuServer::first_come_first_served(Queue& q, const Plan& plan, double mux_ms) const {
  Visit v;
  v.arrived = sg4::Engine::get_clock();
  v.batch = 1;
  // The earliest-free worker takes the request: requests reach here in the order they
  // arrive, so they start in that order, as at a FIFO queue's head.
  std::pop_heap(q.free_at.begin(), q.free_at.end(), std::greater<>());
  v.start = std::max(v.arrived, q.free_at.back());
  v.mux_end = v.start + mux_ms * 1e-3;
  v.end = v.mux_end + server_latency_ms(d_, plan, 1, batching_.slope) * 1e-3;
  q.free_at.back() = v.end;
  std::push_heap(q.free_at.begin(), q.free_at.end(), std::greater<>());
  XBT_DEBUG("request waits %.6f s for a worker", v.start - v.arrived);
  sg4::this_actor::sleep_until(v.end);
  return v;
}

Visit GpuServer::batched(Queue& q, const Plan& plan, double mux_ms) {
  Job job;
  job.plan = &plan;
  job.mux_ms = mux_ms;
  job.times.arrived = sg4::Engine::get_clock();
  {
    std::unique_lock lock(*q.mutex);
    q.jobs.push_back(&job);
    q.changed->notify_all();
  }
  job.done->acquire();
  return job.times;
}

long GpuServer::batchable(const Queue& q) const {
  long n = 0;
  for (const Job* j : q.jobs)
    n += same_work(*j->plan, *q.jobs.front()->plan);
  return n;
}

std::vector<GpuServer::Job*> GpuServer::take_batch(Queue& q) const {
  std::vector<Job*> batch;
  const Plan& head = *q.jobs.front()->plan;
  for (auto it = q.jobs.begin();
       it != q.jobs.end() && static_cast<long>(batch.size()) < batching_.max;) {
    if (same_work(*(*it)->plan, head)) {
      batch.push_back(*it);
      it = q.jobs.erase(it);
    } else {
      ++it;
    }
  }
  return batch;
}

void GpuServer::work(Queue* q) {
  std::unique_lock lock(*q->mutex);
  for (;;) {
    if (q->jobs.empty()) {
      q->changed->wait(lock);
      continue;
    }
    // Dynamic batching: hold the oldest request until its batch is full or it has waited
    // the longest allowed. Re-checked from scratch after every wake-up, since another worker
    // may have taken the batch meanwhile.
    if (batching_.max > 1) {
      const double deadline = q->jobs.front()->times.arrived + batching_.wait_s;
      if (batchable(*q) < batching_.max && sg4::Engine::get_clock() < deadline) {
        q->changed->wait_until(lock, deadline);
        continue;
      }
    }
    const std::vector<Job*> batch = take_batch(*q);
    lock.unlock();
    const double start = sg4::Engine::get_clock();
    const auto size = static_cast<long>(batch.size());
    XBT_DEBUG("batch of %ld, %zu left in the queue", size, q->jobs.size());
    const double scale = 1.0 + batching_.slope * static_cast<double>(size - 1);
    if (batch.front()->mux_ms > 0)
      sg4::this_actor::execute(batch.front()->mux_ms * scale * 1e-3 * kHostFlops);
    const double mux_end = sg4::Engine::get_clock();
    const double ms = server_latency_ms(d_, *batch.front()->plan, size, batching_.slope);
    if (ms > 0) sg4::this_actor::execute(ms * 1e-3 * kHostFlops);
    const double end = sg4::Engine::get_clock();
    for (Job* j : batch) {
      j->times.start = start;
      j->times.mux_end = mux_end;
      j->times.end = end;
      j->times.batch = size;
      j->done->release();
    }
    lock.lock();
  }
}

} // namespace muxsim::sim
