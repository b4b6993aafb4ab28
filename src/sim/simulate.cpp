#include "sim/simulate.hpp"

#include "core/model/arrivals.hpp"
#include "core/model/request_stages.hpp"
#include "sim/channel_actor.hpp"
#include "sim/gpu_server.hpp"
#include "sim/open_loop.hpp"
#include "sim/phone.hpp"

#include <simgrid/s4u.hpp>

#include <fmt/format.h>
#include <fstream>
#include <memory>

namespace sg4 = simgrid::s4u;

XBT_LOG_NEW_CATEGORY(muxsim, "muxsim's simulated actors");
XBT_LOG_NEW_DEFAULT_SUBCATEGORY(muxsim_simulate, muxsim, "a run: its platform and servers");

namespace muxsim::sim {

namespace {

// A SimGrid bandwidth profile (bytes/s, the dates from 0) of a trace, for the WAN link.
std::string wan_profile(const BandwidthTrace& t, bool loop) {
  std::string text = loop ? fmt::format("PERIODICITY {}\n", t.period_s()) : "";
  for (std::size_t i = 0; i < t.time_s.size(); ++i)
    text += fmt::format("{} {}\n", t.time_s[i] - t.time_s.front(), t.mbps[i] * 1e6 / 8);
  return text;
}

// The cells' rate levels, from every rate the channel takes and the phones' first rates.
WifiAir wifi_air(const Prepared& p, const RunPoint& point, const Channel& channel) {
  std::vector<double> first;
  if (wifi_phy(p.scenario.network))
    for (long g = 0; g < point.total_phones(); ++g)
      first.push_back(channel.walk(g).next().mbps);
  return WifiAir(wifi_phy(p.scenario.network), channel.levels(), first);
}

// Linux limits a process's memory mappings (vm.max_map_count, 65530 by default), and a
// SimGrid stack with a guard page takes two. Beyond that many actors SimGrid aborts, so
// larger runs go without guard pages (their stacks are then zeroed: 32 KiB each).
bool guard_pages_fit(long actors) {
  long map_count = 65530;
  std::ifstream("/proc/sys/vm/max_map_count") >> map_count;
  return actors < map_count / 2 - 2000;
}

} // namespace

std::string wan_profile_for(const Prepared& p) {
  if (p.wan_trace.time_s.empty()) return "";
  return wan_profile(p.wan_trace, p.scenario.network.channel.trace_loop);
}

PlatformSpec platform_for(const Prepared& p, const RunPoint& point, const Channel& channel) {
  const Scenario& s = p.scenario;
  PlatformSpec spec;
  spec.cells = point.cells;
  spec.phones_per_cell = point.phones;
  spec.wifi_levels_mbps = wifi_air(p, point, channel).bandwidths_mbps();
  spec.wan_mbps = s.network.wan_mbps;
  spec.wan_latency_ms = s.network.wan_latency_ms;
  spec.tcp_window_bytes = s.network.tcp_window_bytes;
  spec.cloud_cores =
      s.servers.gpu_workers *
      static_cast<long>(queue_keys(p.deployment, true, s.servers.queue_per_model).size());
  if (p.deployment.edge >= 0) {
    spec.cells_per_edge = s.servers.cells_per_edge;
    spec.edge_servers = (point.cells + spec.cells_per_edge - 1) / spec.cells_per_edge;
    spec.edge_link_mbps = s.network.edge_link_mbps;
    spec.edge_latency_ms = s.network.edge_latency_ms;
    spec.edge_cores = s.servers.edge_workers;
  }
  return spec;
}

namespace {

// Closed-loop phones, or under Poisson arrivals the arrivals actor and about one request in
// flight per phone; channel walkers; the servers' workers (with batching).
long actor_count(const RunPoint& point, const Channel& channel, const PlatformSpec& spec) {
  return 1 + point.total_phones() * (1 + channel.varies()) + spec.cloud_cores +
         spec.edge_servers * spec.edge_cores;
}

// An actor's stack, in KiB: small, so a city of phones fits in memory. AddressSanitizer's
// redzones make every frame several times larger, and an external policy's JSON parsing on a
// phone's stack overflowed 32 KiB under it, so sanitized builds take eight times as much.
#if defined(__SANITIZE_ADDRESS__)
constexpr int kActorStackKib = 256;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr int kActorStackKib = 256;
#else
constexpr int kActorStackKib = 32;
#endif
#else
constexpr int kActorStackKib = 32;
#endif

// SimGrid's command line: the platform's settings, silent below critical unless `log` says
// otherwise, small stacks, and no guard pages when there are too many actors for them.
std::vector<std::string> engine_args(const PlatformSpec& spec, long actors,
                                     const std::vector<std::string>& log) {
  std::vector<std::string> args = {"muxsim", "--log=root.thresh:critical",
                                   "--cfg=contexts/stack-size:" + std::to_string(kActorStackKib)};
  for (const auto& [name, value] : platform_config(spec))
    args.push_back("--cfg=" + name + ":" + value);
  if (!guard_pages_fit(actors)) args.push_back("--cfg=contexts/guard-size:0");
  for (const auto& setting : log)
    args.push_back("--log=" + setting);
  return args;
}

struct Servers {
  std::unique_ptr<GpuServer> cloud;
  std::vector<std::unique_ptr<GpuServer>> edges;
};

Servers start_servers(const Prepared& p, const Platform& platform) {
  const ServerConfig& c = p.scenario.servers;
  const Batching batching{c.batch_max, c.batch_wait_ms * 1e-3, c.batch_slope};
  Servers servers;
  servers.cloud = std::make_unique<GpuServer>(platform.cloud, p.deployment, c.gpu_workers, batching,
                                              queue_keys(p.deployment, true, c.queue_per_model));
  for (sg4::Host* edge : platform.edges)
    servers.edges.push_back(
        std::make_unique<GpuServer>(edge, p.deployment, c.edge_workers, batching,
                                    queue_keys(p.deployment, false, c.queue_per_model)));
  return servers;
}

} // namespace

std::vector<CostBreakdown> simulate(const Prepared& p, Policy& policy, const RunPoint& point,
                                    const std::vector<std::string>& log) {
  std::vector<CostBreakdown> costs(static_cast<std::size_t>(p.request_count()));
  simulate_each(p, policy, point, log,
                [&](long k, const CostBreakdown& c) { costs[static_cast<std::size_t>(k)] = c; });
  return costs;
}

void simulate_each(const Prepared& p, Policy& policy, const RunPoint& point,
                   const std::vector<std::string>& log, const RequestSink& record) {
  const Scenario& s = p.scenario;
  const Channel channel(s, point, p.channel_traces);
  const PlatformSpec spec = platform_for(p, point, channel);
  std::vector<std::string> args = engine_args(spec, actor_count(point, channel, spec), log);
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  int argc = static_cast<int>(argv.size());
  argv.push_back(nullptr);
  sg4::Engine engine(&argc, argv.data());
  const Platform platform = build_platform(spec, wan_profile_for(p));
  XBT_INFO("%ld cells of %ld phones, %zu Wi-Fi rate levels, %ld requests", point.cells,
           point.phones, spec.wifi_levels_mbps.size(), p.request_count());
  const Servers servers = start_servers(p, platform);

  const WifiAir air = wifi_air(p, point, channel);
  std::vector<CellAir> cells(static_cast<std::size_t>(point.cells));
  for (long c = 0; c < point.cells; ++c)
    cells[static_cast<std::size_t>(c)].link = platform.airs[static_cast<std::size_t>(c)];
  // Chunks let a transfer follow rate changes: SimGrid fixes a Wi-Fi station's rate, and
  // bounds a flow by its wired links' bandwidth, when the flow starts.
  const bool varies = channel.varies() || !p.wan_trace.time_s.empty();
  const double chunk = varies ? s.network.channel.chunk_bytes : 0;
  const Route to_cloud{s.network.wan_latency_ms * 1e-3, chunk};
  const Route to_edge{s.network.edge_latency_ms * 1e-3, chunk};

  long finished = 0;
  std::string failure;
  std::vector<PhoneContext> phones(static_cast<std::size_t>(point.total_phones()));
  for (long g = 0; g < point.total_phones(); ++g) {
    const long cell = g / point.phones;
    sg4::Host* host = platform.phones[static_cast<std::size_t>(g)];
    RateWalk walk = channel.walk(g);
    PhoneContext& ctx = phones[static_cast<std::size_t>(g)];
    GpuServer* edge =
        servers.edges.empty() ? nullptr : servers.edges[cell / s.servers.cells_per_edge].get();
    ctx = {&p,      &policy, host,      servers.cloud.get(), edge,      to_cloud,
           to_edge, &record, &finished, walk.next().mbps,    Station{}, g};
    ctx.station = {host, &cells[static_cast<std::size_t>(cell)], &air, &ctx.wifi_mbps,
                   &ctx.wifi_level};
    ctx.failure = &failure;
    ctx.station.set_level();
    if (channel.varies())
      sg4::Actor::create("channel-" + std::to_string(g), host, channel_actor, ctx.station, walk,
                         &ctx.wifi_mbps)
          ->daemonize();
    if (s.load.arrival != Arrival::Poisson)
      sg4::Actor::create(phone_name(g), host, run_phone, &ctx, g, point);
  }
  if (s.load.arrival == Arrival::Poisson)
    sg4::Actor::create("arrivals", platform.cloud, run_arrivals, &phones, point);
  engine.run();
  if (!failure.empty()) throw std::runtime_error(failure);
  // SimGrid ends a run it finds deadlocked (e.g. an activity too long for its clock) as if
  // it were done: a row from such a run must not say ok.
  if (finished != p.request_count())
    throw std::runtime_error(fmt::format("the simulation stopped with {} of {} requests served "
                                         "(SimGrid reported a deadlock)",
                                         finished, p.request_count()));
}

} // namespace muxsim::sim
