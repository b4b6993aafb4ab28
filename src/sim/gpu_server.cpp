#include "sim/gpu_server.hpp"

#include "sim/platform.hpp"

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
    for (long w = 0; w < workers; ++w)
      sg4::Actor::create(host->get_name() + "-worker", host, [this, q] { work(q); })->daemonize();
  }
}

void GpuServer::submit(Job* job, int key) {
  Queue& q = *queues_.at(key);
  std::unique_lock lock(*q.mutex);
  q.jobs.push_back(job);
  q.changed->notify_all();
}

long GpuServer::batchable(const Queue& q) const {
  long n = 0;
  for (const Job* j : q.jobs)
    n += same_work(*j->plan, *q.jobs.front()->plan);
  return n;
}

std::vector<Job*> GpuServer::take_batch(Queue& q) const {
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
      const double deadline = q->jobs.front()->arrived + batching_.wait_s;
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
      j->start = start;
      j->mux_end = mux_end;
      j->end = end;
      j->batch = size;
      j->done->release();
    }
    lock.lock();
  }
}

} // namespace muxsim::sim
