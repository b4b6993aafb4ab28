#include "sim/simulate.hpp"

#include "core/model/arrivals.hpp"
#include "core/model/request_stages.hpp"
#include "sim/channel_actor.hpp"
#include "sim/gpu_server.hpp"
#include "sim/lte_air.hpp"
#include "sim/open_loop.hpp"
#include "sim/phone.hpp"

#include <simgrid/s4u.hpp>

#include <cmath>
#include <fmt/format.h>
#include <fstream>
#include <memory>
#include <numeric>

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

// Chunks let a transfer follow rate changes: SimGrid fixes a Wi-Fi station's rate, and
// bounds a flow by its wired links' bandwidth, when the flow starts.
bool chunked(const Prepared& p, const Attachments& attachments) {
  return attachments.varies() || !p.wan_trace.time_s.empty();
}

// The sizes of the pieces a run's transfers go in: the upload and the reply, or when they go
// in chunks, their chunks (sim/transfer.cpp).
std::vector<double> piece_bytes(const Prepared& p, const Attachments& attachments) {
  const NetworkConfig& n = p.scenario.network;
  std::vector<double> pieces;
  for (const double bytes : {std::round(n.upload_bytes), std::round(n.download_bytes)}) {
    if (!chunked(p, attachments)) {
      pieces.push_back(bytes);
      continue;
    }
    const double chunk = n.channel.chunk_bytes;
    pieces.push_back(std::min(chunk, bytes));
    if (bytes > chunk) pieces.push_back(bytes - chunk * std::floor(bytes / chunk));
  }
  return pieces;
}

// The cells' access link and its rate levels (sim/access_air.hpp), from every rate a phone
// can hold, the phones' first rates (of those that start with a link; 802.11's collisions
// last as long as their frames) and the sizes of the pieces they send.
std::unique_ptr<AccessAir> access_air(const Prepared& p, const Attachments& attachments) {
  const NetworkConfig& n = p.scenario.network;
  if (n.link == AccessLink::Lte) {
    lte::Radio radio;
    radio.resource_blocks = n.lte_resource_blocks;
    return std::make_unique<LteAir>(LteCoverage(radio), attachments.levels());
  }
  std::vector<double> first;
  if (wifi_phy(n))
    for (long g = 0; g < attachments.phones(); ++g)
      if (const double mbps = attachments.first(g).phy_mbps; mbps > 0) first.push_back(mbps);
  return std::make_unique<WifiAir>(wifi_phy(n), attachments.levels(), first,
                                   piece_bytes(p, attachments));
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

PlatformSpec platform_for(const Prepared& p, const Attachments& attachments) {
  const Scenario& s = p.scenario;
  PlatformSpec spec;
  spec.cells = attachments.cells();
  spec.phones = attachments.phones();
  spec.roaming = attachments.roams();
  // A phone that does not roam has one cell; one that starts out of range waits for its.
  for (long g = 0; !spec.roaming && g < spec.phones; ++g)
    spec.phone_cells.push_back(std::max(attachments.first(g).cell, 0L));
  spec.wifi_levels_mbps = access_air(p, attachments)->bandwidths_mbps();
  spec.lte = s.network.link == AccessLink::Lte;
  spec.wan_mbps = s.network.wan_mbps;
  spec.wan_latency_ms = s.network.wan_latency_ms;
  spec.tcp_window_bytes = s.network.tcp_window_bytes;
  spec.cloud_cores =
      s.servers.gpu_workers *
      static_cast<long>(queue_keys(p.deployment, true, s.servers.queue_per_model).size());
  if (p.deployment.edge >= 0) {
    spec.cells_per_edge = s.servers.cells_per_edge;
    spec.edge_servers = attachments.edge_servers();
    spec.edge_link_mbps = s.network.edge_link_mbps;
    spec.edge_latency_ms = s.network.edge_latency_ms;
    spec.edge_cores = s.servers.edge_workers;
  }
  return spec;
}

namespace {

// Closed-loop phones, or under Poisson arrivals the arrivals actor and about one request in
// flight per phone; channel walkers (a placed phone's walk runs on timers); the servers'
// workers (with batching).
long actor_count(const Prepared& p, const Attachments& attachments, const PlatformSpec& spec) {
  const bool channel_actors = attachments.varies() && !p.mobility;
  return 1 + attachments.phones() * (1 + channel_actors) + spec.cloud_cores +
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

// Each cell's air: its link and, when phones roam, its station hosts.
std::vector<CellAir> cell_airs(const Platform& platform, const PlatformSpec& spec,
                               const AccessAir& air, long seed) {
  std::vector<CellAir> cells(static_cast<std::size_t>(spec.cells));
  for (std::size_t c = 0; c < cells.size(); ++c) {
    if (c < platform.airs.size()) cells[c].link = platform.airs[c]; // LTE phones have their own
    cells[c].air = air.turns();
    if (spec.roaming) cells[c].stations = platform.stations[c];
    cells[c].collisions = Rng(static_cast<std::uint64_t>(seed), c, kCollisions);
  }
  return cells;
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

long simulate_each(const Prepared& p, Policy& policy, const RunPoint& point,
                   const std::vector<std::string>& log, const RequestSink& record) {
  const Scenario& s = p.scenario;
  const std::unique_ptr<Attachments> attachments = p.attachments(point);
  const PlatformSpec spec = platform_for(p, *attachments);
  std::vector<std::string> args = engine_args(spec, actor_count(p, *attachments, spec), log);
  std::vector<char*> argv;
  for (auto& a : args)
    argv.push_back(a.data());
  int argc = static_cast<int>(argv.size());
  argv.push_back(nullptr);
  sg4::Engine engine(&argc, argv.data());
  const Platform platform = build_platform(spec, wan_profile_for(p));
  XBT_INFO("%ld cells, %ld phones, %zu Wi-Fi rate levels, %ld requests", spec.cells, spec.phones,
           spec.wifi_levels_mbps.size(), p.request_count());
  const Servers servers = start_servers(p, platform);
  std::vector<GpuServer*> edges;
  for (const auto& e : servers.edges)
    edges.push_back(e.get());

  const std::unique_ptr<AccessAir> air = access_air(p, *attachments);
  std::vector<CellAir> cells = cell_airs(platform, spec, *air, point.seed);
  const double chunk = chunked(p, *attachments) ? s.network.channel.chunk_bytes : 0;
  const double access_s = s.network.link == AccessLink::Lte ? s.network.lte_grant_ms * 1e-3 : 0;
  const Route to_cloud{s.network.wan_latency_ms * 1e-3, chunk, access_s};
  const Route to_edge{s.network.edge_latency_ms * 1e-3, chunk, access_s};

  long finished = 0;
  std::string failure;
  std::vector<PhoneContext> phones(static_cast<std::size_t>(spec.phones));
  // With [mobility] a phone's link comes and goes (sim/wifi_air.hpp).
  std::vector<LinkState> links(p.mobility ? phones.size() : 0);
  Walkers walkers;
  for (long g = 0; g < spec.phones; ++g) {
    const auto i = static_cast<std::size_t>(g);
    sg4::Host* host = platform.phones[i];
    std::shared_ptr<AttachmentWalk> walk = attachments->walk(g);
    const Attachment first = walk->next();
    PhoneContext& ctx = phones[i];
    ctx = {&p,       &policy, host,    servers.cloud.get(), &edges,      attachments.get(),
           to_cloud, to_edge, &record, &finished,           PhoneLink{}, Station{},
           g};
    ctx.link = {first.phy_mbps, first.cell, std::max(first.cell, 0L), first.leg};
    ctx.station = {spec.roaming ? nullptr : host,
                   &cells,
                   spec.roaming ? &ctx.link.cell : &ctx.link.last_cell,
                   air.get(),
                   &ctx.link.wifi_mbps,
                   &ctx.wifi_level,
                   links.empty() ? nullptr : &links[i],
                   spec.lte ? platform.uplinks[i] : nullptr};
    ctx.failure = &failure;
    if (first.cell >= 0) air->moved(ctx.station);
    if (p.mobility)
      walkers.add(ctx.station, walk, &ctx.link);
    else if (attachments->varies())
      sg4::Actor::create("channel-" + std::to_string(g), host, channel_actor, ctx.station, walk,
                         &ctx.link)
          ->daemonize();
    if (s.load.arrival != Arrival::Poisson)
      sg4::Actor::create(phone_name(g), host, run_phone, &ctx, g, point);
  }
  if (s.load.arrival == Arrival::Poisson)
    sg4::Actor::create("arrivals", platform.cloud, run_arrivals, &phones, point);
  // The walks stop with the run: every request served, or a policy failed (stop_run).
  walkers.start(
      [&finished, &p, &failure] { return finished == p.request_count() || !failure.empty(); });
  engine.run();
  if (!failure.empty()) throw std::runtime_error(failure);
  // SimGrid ends a run it finds deadlocked (e.g. an activity too long for its clock) as if
  // it were done: a row from such a run must not say ok.
  if (finished != p.request_count())
    throw std::runtime_error(fmt::format("the simulation stopped with {} of {} requests served "
                                         "(SimGrid reported a deadlock)",
                                         finished, p.request_count()));
  return std::accumulate(links.begin(), links.end(), 0L,
                         [](long sum, const LinkState& link) { return sum + link.handovers; });
}

} // namespace muxsim::sim
