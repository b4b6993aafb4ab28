#include "sim/simulate.hpp"

#include "core/arrivals.hpp"
#include "core/input_error.hpp"
#include "sim/gpu_server.hpp"
#include "sim/phone.hpp"

#include <simgrid/s4u.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <memory>
#include <unistd.h>

namespace sg4 = simgrid::s4u;

namespace muxsim::sim {

namespace {

// Writes `text` to a new temporary file and returns its path.
std::string write_temporary(const std::string& stem, const std::string& text) {
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/" + stem + "-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) throw InputError(path + ": cannot create a temporary file");
  const bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  ::close(fd);
  if (!ok) throw InputError(path + ": cannot write the temporary file");
  return path;
}

// A SimGrid bandwidth profile (bytes/s, the dates from 0) of a trace, for the WAN link. A link
// takes its profile before the platform is sealed, so it is written as a file the platform
// names.
std::string wan_profile(const BandwidthTrace& t, bool loop) {
  std::string text = loop ? fmt::format("PERIODICITY {}\n", t.period_s()) : "";
  for (std::size_t i = 0; i < t.time_s.size(); ++i)
    text += fmt::format("{} {}\n", t.time_s[i] - t.time_s.front(), t.mbps[i] * 1e6 / 8);
  return text;
}

// Applies one phone's rate walk to its Wi-Fi station level: sets it now, then sleeps until
// each next change. A daemon, so the run ends with the phones.
void channel_actor(const sg4::Link* air, sg4::Host* phone, RateWalk walk,
                   const std::map<double, int>* level_of, double* current_mbps) {
  for (RateChange c = walk.next(); std::isfinite(c.time_s); c = walk.next()) {
    sg4::this_actor::sleep_until(c.time_s);
    air->set_host_wifi_rate(phone, level_of->at(c.mbps));
    *current_mbps = c.mbps;
  }
}

std::vector<int> queue_keys(const Prepared& p, bool cloud) {
  std::vector<int> keys = {0};
  if (cloud && p.scenario.servers.queue_per_model)
    for (std::size_t i = 1; i < p.deployment.cloud.size(); ++i)
      keys.push_back(static_cast<int>(i));
  return keys;
}

} // namespace

PlatformSpec platform_for(const Prepared& p, const RunPoint& point, const Channel& channel) {
  const Scenario& s = p.scenario;
  PlatformSpec spec;
  spec.cells = point.cells;
  spec.phones_per_cell = point.phones;
  spec.wifi_levels_mbps = channel.levels();
  spec.wan_mbps = s.network.wan_mbps;
  spec.wan_latency_ms = s.network.wan_latency_ms;
  spec.tcp_window_bytes = s.network.tcp_window_bytes;
  spec.cloud_cores = s.servers.gpu_workers * static_cast<long>(queue_keys(p, true).size());
  if (p.deployment.edge >= 0) {
    spec.cells_per_edge = s.servers.cells_per_edge;
    spec.edge_servers = (point.cells + spec.cells_per_edge - 1) / spec.cells_per_edge;
    spec.edge_link_mbps = s.network.edge_link_mbps;
    spec.edge_latency_ms = s.network.edge_latency_ms;
    spec.edge_cores = s.servers.edge_workers;
  }
  return spec;
}

std::vector<CostBreakdown> simulate(const Prepared& p, Policy& policy, const RunPoint& point) {
  const Scenario& s = p.scenario;
  const Channel channel(s, point, p.channel_traces);
  PlatformSpec spec = platform_for(p, point, channel);
  std::string wan_profile_file;
  if (!p.wan_trace.time_s.empty()) {
    wan_profile_file =
        write_temporary("muxsim-wan", wan_profile(p.wan_trace, s.network.channel.trace_loop));
    spec.wan_profile_path = std::filesystem::path(wan_profile_file).filename().string();
  }
  const std::string platform = write_temporary("muxsim-platform", platform_xml(spec));

  int argc = 3;
  char arg0[] = "muxsim", arg1[] = "--log=root.thresh:critical",
       arg2[] = "--cfg=contexts/stack-size:32";
  char* argv[] = {arg0, arg1, arg2, nullptr};
  sg4::Engine engine(&argc, argv);
  engine.load_platform(platform);
  std::remove(platform.c_str());

  const Batching batching{s.servers.batch_max, s.servers.batch_wait_ms * 1e-3,
                          s.servers.batch_slope};
  GpuServer cloud(engine.host_by_name(kCloudHost), p.deployment, s.servers.gpu_workers, batching,
                  queue_keys(p, true));
  std::vector<std::unique_ptr<GpuServer>> edges;
  for (long e = 0; e < spec.edge_servers; ++e)
    edges.push_back(std::make_unique<GpuServer>(engine.host_by_name(edge_name(e)), p.deployment,
                                                s.servers.edge_workers, batching,
                                                queue_keys(p, false)));

  std::map<double, int> level_of;
  for (std::size_t i = 0; i < spec.wifi_levels_mbps.size(); ++i)
    level_of[spec.wifi_levels_mbps[i]] = static_cast<int>(i);
  // Chunks let a transfer follow rate changes: SimGrid fixes a Wi-Fi station's rate, and
  // bounds a flow by its wired links' bandwidth, when the flow starts.
  const bool varies = channel.varies() || !p.wan_trace.time_s.empty();
  const double chunk = varies ? s.network.channel.chunk_bytes : 0;
  const NetworkConfig& net = s.network;
  const Route to_cloud{net.wan_latency_ms * 1e-3, chunk};
  const Route to_edge{net.edge_latency_ms * 1e-3, chunk};

  std::vector<CostBreakdown> costs(static_cast<std::size_t>(p.request_count()));
  std::vector<PhoneContext> phones(static_cast<std::size_t>(point.total_phones()));
  for (long g = 0; g < point.total_phones(); ++g) {
    const long cell = g / point.phones;
    sg4::Host* host = engine.host_by_name(phone_name(g));
    const sg4::Link* air = engine.link_by_name(air_name(cell));
    RateWalk walk = channel.walk(g);
    PhoneContext& ctx = phones[static_cast<std::size_t>(g)];
    const double first_mbps = walk.next().mbps;
    air->set_host_wifi_rate(host, level_of.at(first_mbps));
    if (channel.varies())
      sg4::Actor::create("channel-" + std::to_string(g), host, channel_actor, air, host, walk,
                         &level_of, &ctx.wifi_mbps)
          ->daemonize();
    ctx = {&p,
           &policy,
           host,
           &cloud,
           edges.empty() ? nullptr : edges[cell / s.servers.cells_per_edge].get(),
           to_cloud,
           to_edge,
           &costs,
           first_mbps,
           g};
    sg4::Actor::create(phone_name(g), host, run_phone, &ctx, g, point);
  }
  engine.run(); // reads the WAN profile file when it seals the platform
  if (!wan_profile_file.empty()) std::remove(wan_profile_file.c_str());
  return costs;
}

} // namespace muxsim::sim
