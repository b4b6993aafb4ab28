#include "sim/phone.hpp"

#include "core/model/request_stages.hpp"
#include "sim/platform.hpp"

#include <cstdlib>

namespace sg4 = simgrid::s4u;

XBT_LOG_EXTERNAL_CATEGORY(muxsim);
XBT_LOG_NEW_DEFAULT_SUBCATEGORY(muxsim_phone, muxsim, "each request: its plan and its stage times");

namespace muxsim::sim {

namespace {

double now() {
  return sg4::Engine::get_clock();
}

void compute_ms(double ms) {
  sg4::this_actor::execute(ms * 1e-3 * kHostFlops);
}

// Keeps what a transfer met on the air for the request's record; returns its airtime.
double note(Carried& request, const Carried& transfer) {
  request.waited_for_link = request.waited_for_link || transfer.waited_for_link;
  request.crossed_handover = request.crossed_handover || transfer.crossed_handover;
  return transfer.air_s;
}

// Walks the request's stages (core/request_stages.hpp) on the simulated clock. The phone
// fetches its own reply, so the server's worker is free the moment its compute ends.
Timing perform(const PhoneContext& ctx, const Plan& plan, Carried& carried) {
  const Deployment& d = ctx.prepared->deployment;
  const RequestStages r = request_stages(d, plan);
  // The edge server of the cell the phone is in as the request starts (or was last in).
  GpuServer& server =
      r.edge ? *(*ctx.edges)[static_cast<std::size_t>(ctx.attachments->edge_of(ctx.link.last_cell))]
             : *ctx.cloud;
  const Route& route = r.edge ? ctx.to_edge : ctx.to_cloud;
  Timing t;
  double mark = now();
  auto lap_ms = [&mark](double until) {
    const double before = mark;
    mark = until;
    return (mark - before) * 1e3;
  };
  for (const Stage& s : r.stages) {
    switch (s.kind) {
    case StageKind::PhoneCompute:
      compute_ms(s.ms);
      t.*s.into = lap_ms(now());
      break;
    case StageKind::Upload:
      t.upload_air_ms =
          note(carried, transfer(ctx.station, server.host(), Direction::Upload, s.bytes, route)) *
          1e3;
      t.upload_ms = lap_ms(now());
      break;
    case StageKind::ServerVisit: {
      const Visit v = server.visit(plan, s.server_mux_ms,
                                   queue_key(plan, ctx.prepared->scenario.servers.queue_per_model));
      t.queue_ms = (v.start - v.arrived) * 1e3;
      if (s.server_mux_ms > 0) t.mux_ms = (v.mux_end - v.start) * 1e3;
      t.server_ms = (v.end - v.mux_end) * 1e3;
      t.server_busy_ms = (v.end - v.start) * 1e3 / static_cast<double>(v.batch);
      mark = v.end;
      break;
    }
    case StageKind::Download:
      t.download_air_ms =
          note(carried, transfer(ctx.station, server.host(), Direction::Download, s.bytes, route)) *
          1e3;
      t.download_ms = lap_ms(now());
      break;
    }
  }
  return t;
}

// A policy that fails (an external one whose process died or answered nonsense) ends the
// run: an exception may not leave an actor, so the reason is kept for simulate_each to
// throw, and every actor is stopped so the engine returns.
[[noreturn]] void stop_run(const PhoneContext* ctx, const std::string& why) {
  if (ctx->failure->empty()) *ctx->failure = why;
  sg4::Actor::kill_all();
  sg4::this_actor::exit();
  std::abort(); // exit() does not return
}

// `call()`, a policy's decide or observe; if it throws, the run stops with its reason. The
// stop comes after the handler: switching actors inside one would confuse the C++
// runtime's per-thread exception state.
template <class Call> decltype(auto) or_stop_run(const PhoneContext* ctx, Call call) {
  std::string why;
  try {
    return call();
  } catch (const std::exception& e) {
    why = e.what();
  }
  stop_run(ctx, why.empty() ? "the policy failed" : why);
}

// What the phone knows as request k starts: with [mobility], where it stands on its leg
// and how far its access point is.
PhoneView phone_view(const PhoneContext& ctx, long k) {
  PhoneView view{ctx.index, ctx.link.wifi_mbps, now(), k, ctx.link.cell};
  if (ctx.link.leg) {
    const Point here = ctx.link.leg->at(view.now_s);
    view.x_m = here.x_m;
    view.y_m = here.y_m;
    if (view.cell >= 0)
      view.distance_m = distance_m(here, *ctx.attachments->access_point(view.cell));
  }
  return view;
}

} // namespace

void serve_request(const PhoneContext* ctx, long k) {
  const Prepared& p = *ctx->prepared;
  const TraceInput& in = p.trace.inputs[p.input_of(k)];
  const PhoneView view = phone_view(*ctx, k);
  const Plan plan = or_stop_run(ctx, [&] { return ctx->policy->decide(in, view); });
  const double start_s = now(), wifi_mbps = ctx->link.wifi_mbps;
  XBT_VERB("request %ld (input %s): mux %d, local %d, %zu cloud models, edge %d", k,
           in.input_id.c_str(), plan.mux, plan.local, plan.cloud_slots.size(), plan.edge);
  Carried carried;
  const Timing t = perform(*ctx, plan, carried);
  XBT_DEBUG("request %ld: mux %.3f local %.3f up %.3f queue %.3f server %.3f down %.3f ms", k,
            t.mux_ms, t.local_ms, t.upload_ms, t.queue_ms, t.server_ms, t.download_ms);
  CostBreakdown cost = account(p.deployment, plan, in, t);
  cost.start_s = start_s;
  cost.wifi_mbps = wifi_mbps;
  cost.cell = view.cell;
  cost.distance_m = view.distance_m;
  cost.waited_for_link = carried.waited_for_link;
  cost.crossed_handover = carried.crossed_handover;
  or_stop_run(ctx, [&] { ctx->policy->observe(view, plan, cost); });
  (*ctx->record)(k, cost);
  ++*ctx->finished;
}

void run_phone(const PhoneContext* ctx, long index, RunPoint point) {
  const Prepared& p = *ctx->prepared;
  const long total = point.total_phones();
  for (long k = index; k < p.request_count(); k += total) {
    serve_request(ctx, k);
    if (p.scenario.load.think_ms > 0) sg4::this_actor::sleep_for(p.scenario.load.think_ms * 1e-3);
  }
}

} // namespace muxsim::sim
