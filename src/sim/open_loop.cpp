#include "sim/open_loop.hpp"

#include "core/model/arrivals.hpp"

#include <memory>
#include <queue>

namespace sg4 = simgrid::s4u;

namespace muxsim::sim {

namespace {

// A runner actor and the request it serves next.
struct Runner {
  const PhoneContext* ctx = nullptr;
  long request = 0;
  sg4::Actor* actor = nullptr; // alive while it is idle
};

// Shared by the arrivals actor and the runners, which may outlive it.
struct Pool {
  std::vector<std::unique_ptr<Runner>> runners;
  std::vector<Runner*> idle;
  bool closed = false; // no arrivals left: runners end when their request does
};

// A runner that joins the idle list suspends in the same scheduling round, before the
// arrivals actor can take it: SimGrid answers simcalls in the order their actors ran.
void run_runner(Runner* r, std::shared_ptr<Pool> pool) {
  for (;;) {
    serve_request(r->ctx, r->request);
    if (pool->closed) return;
    pool->idle.push_back(r);
    sg4::this_actor::suspend();
    if (pool->closed) return;
  }
}

void issue(const std::shared_ptr<Pool>& pool, const PhoneContext* ctx, long k) {
  if (pool->idle.empty()) {
    Runner* r = pool->runners.emplace_back(std::make_unique<Runner>()).get();
    *r = {ctx, k, nullptr};
    r->actor = sg4::Actor::create("request", ctx->host, run_runner, r, pool).get();
    return;
  }
  Runner* r = pool->idle.back();
  pool->idle.pop_back();
  r->ctx = ctx;
  r->request = k;
  r->actor->set_host(ctx->host);
  r->actor->resume();
}

} // namespace

void run_arrivals(const std::vector<PhoneContext>* phones, RunPoint point) {
  const Prepared& p = *phones->front().prepared;
  const long total = point.total_phones();
  struct Due {
    double at;
    long phone, request;
  };
  // The earliest arrival first; phones in index order at the same instant.
  const auto later = [](const Due& a, const Due& b) {
    return a.at > b.at || (a.at == b.at && a.phone > b.phone);
  };
  std::priority_queue<Due, std::vector<Due>, decltype(later)> due(later);
  std::vector<PoissonArrivals> arrivals;
  for (long g = 0; g < total; ++g) {
    arrivals.emplace_back(point.seed, g, point.arrival_rate_hz);
    if (g < p.request_count()) due.push({arrivals.back().next(), g, g});
  }
  const auto pool = std::make_shared<Pool>();
  while (!due.empty()) {
    const Due next = due.top();
    due.pop();
    sg4::this_actor::sleep_until(next.at);
    issue(pool, &(*phones)[static_cast<std::size_t>(next.phone)], next.request);
    if (next.request + total < p.request_count())
      due.push({arrivals[static_cast<std::size_t>(next.phone)].next(), next.phone,
                next.request + total});
  }
  pool->closed = true;
  for (Runner* r : pool->idle)
    r->actor->resume();
}

} // namespace muxsim::sim
