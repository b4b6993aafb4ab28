#include "sim/phone.hpp"

#include "core/arrivals.hpp"
#include "sim/platform.hpp"

namespace sg4 = simgrid::s4u;

namespace muxsim::sim {

namespace {

double now() {
  return sg4::Engine::get_clock();
}

void compute_ms(double ms) {
  sg4::this_actor::execute(ms * 1e-3 * kHostFlops);
}

// Upload, wait for the server, fetch the reply. The phone fetches its own reply, so the
// server's worker is free the moment its compute ends. A cloud-side multiplexer runs in the
// same visit, before the chosen models.
void offload(const PhoneContext& ctx, const Plan& plan, Timing& t) {
  const Deployment& d = ctx.prepared->deployment;
  GpuServer& server = plan.edge ? *ctx.edge : *ctx.cloud;
  const Route& route = plan.edge ? ctx.to_edge : ctx.to_cloud;
  const double sent = now();
  transfer(ctx.host, server.host(), d.upload_bytes, route);
  Job job;
  job.plan = &plan;
  if (remote_mux(d, plan)) job.mux_ms = d.mux.latency_ms;
  job.arrived = now();
  t.upload_ms = (job.arrived - sent) * 1e3;
  const int key =
      ctx.prepared->scenario.servers.queue_per_model && !plan.edge ? plan.cloud_slots.front() : 0;
  server.submit(&job, key);
  job.done->acquire();
  t.queue_ms = (job.start - job.arrived) * 1e3;
  if (job.mux_ms > 0) t.mux_ms = (job.mux_end - job.start) * 1e3;
  t.server_ms = (job.end - job.mux_end) * 1e3;
  transfer(server.host(), ctx.host, d.download_bytes, route);
  t.download_ms = (now() - job.end) * 1e3;
}

void serve_request(const PhoneContext* ctx, long k) {
  const Prepared& p = *ctx->prepared;
  const TraceInput& in = p.trace.inputs[p.input_of(k)];
  const PhoneView view{ctx->index, ctx->wifi_mbps, now()};
  const Plan plan = ctx->policy->decide(in, view);
  Timing t;
  double mark = now();
  const double start_s = mark, wifi_mbps = ctx->wifi_mbps;
  auto lap_ms = [&mark] {
    const double before = mark;
    mark = now();
    return (mark - before) * 1e3;
  };
  const bool ask_cloud = remote_mux(p.deployment, plan);
  if (plan.mux && !ask_cloud) {
    compute_ms(decision_profile(p.deployment, plan).latency_ms);
    t.mux_ms = lap_ms();
  }
  // The phone's model runs before an offload (hybrid-confidence offloads after it), or after
  // a cloud-side multiplexer has answered "local".
  if (plan.local && !ask_cloud) {
    compute_ms(local_profile(p.deployment, plan).latency_ms);
    t.local_ms = lap_ms();
  }
  if (plan.offloaded() || ask_cloud) offload(*ctx, plan, t);
  if (plan.local && ask_cloud) {
    mark = now();
    compute_ms(p.deployment.mobile_profile.latency_ms);
    t.local_ms = lap_ms();
  }
  CostBreakdown& cost = (*ctx->costs)[static_cast<std::size_t>(k)];
  cost = account(p.deployment, plan, in, t);
  cost.start_s = start_s;
  cost.wifi_mbps = wifi_mbps;
  ctx->policy->observe(view, plan, cost);
  ++*ctx->finished;
}

} // namespace

void run_phone(const PhoneContext* ctx, long index, RunPoint point) {
  const Prepared& p = *ctx->prepared;
  const long total = point.total_phones();
  if (p.scenario.load.arrival == Arrival::Poisson) {
    PoissonArrivals arrivals(point.seed, index, point.arrival_rate_hz);
    for (long k = index; k < p.request_count(); k += total) {
      sg4::this_actor::sleep_until(arrivals.next());
      sg4::Actor::create("request-" + std::to_string(k), ctx->host, serve_request, ctx, k);
    }
    return;
  }
  for (long k = index; k < p.request_count(); k += total) {
    serve_request(ctx, k);
    if (p.scenario.load.think_ms > 0) sg4::this_actor::sleep_for(p.scenario.load.think_ms * 1e-3);
  }
}

} // namespace muxsim::sim
