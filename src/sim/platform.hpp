#pragma once
// The SimGrid platform of a run (docs/network.md): `cells` Wi-Fi zones, each with its
// phones sharing one Wi-Fi link (the air) through its access point; a WAN shared by all cells
// to one cloud host with a core per GPU worker; optionally an edge server per group of
// cells, behind its own wired link from each access point of the group. Which phone is in
// which cell is the run's attachments' answer (core/model/attachment.hpp).
// Links carry their latency, from which SimGrid bounds each flow at TCP-gamma / (2 x route
// latency) (the TCP window, network/TCP-gamma). network/latency-factor is 0, so SimGrid
// charges no latency phase: muxsim pays each route's one-way latency once per message
// (sim/transfer.hpp), and a transfer sent in chunks does not pay it once per chunk.
//
// A run builds it through SimGrid's C++ API (build_platform): one star zone holds every host,
// and each phone's route to the centre is its cell's Wi-Fi link. The cells' Wi-Fi zones
// hold only their link, and are made and sealed before any host. SimGrid 3.32 seals a zone
// by scanning every host of the platform, and checks each new host's name against every
// zone, so the XML form, a Wi-Fi zone of phones per cell, took set-up time in cells x
// phones: 98 s for 4,000 cells of 25 phones (docs/speed.md). platform_xml prints the same
// hosts, links and routes as XML, in that form, for reading and for SimGrid's own tools.
#include "core/model/closed_form.hpp"

#include <simgrid/s4u.hpp>

#include <string>
#include <utility>
#include <vector>

namespace muxsim::sim {

struct PlatformSpec {
  long cells = 1;
  // Each phone's cell, from the run's attachments (core/model/attachment.hpp): its station's
  // route to the centre crosses that cell's air. Empty when phones roam.
  std::vector<long> phone_cells;
  long phones = 1;
  // Phones that roam send from their cell of the moment: each cell has one station host per
  // Wi-Fi rate level, held at that level, and a phone's transfer (or chunk) goes from the
  // one of its cell and level (sim/wifi_air.hpp). SimGrid fixes routes once the platform is
  // sealed, so a phone's own host cannot change cells.
  bool roaming = false;
  std::vector<double> wifi_levels_mbps = {100}; // the Wi-Fi rate levels stations can hold
  // LTE cells (sim/lte_air.hpp): each phone has an uplink of its own, of the first level's
  // bandwidth, which the run sets as phones in its cell start and stop sending.
  bool lte = false;
  double wan_mbps = 10000, wan_latency_ms = 0;
  double tcp_window_bytes = kDefaultTcpWindowBytes;
  long cloud_cores = 1;
  long edge_servers = 0; // 0: no edge tier
  long cells_per_edge = 1;
  double edge_link_mbps = 10000, edge_latency_ms = 0;
  long edge_cores = 1;
};

// Host speed of phones and of each server core: 1 Gflop/s, so a profile latency of L ms is
// executed as L * 1e6 flops and takes exactly L ms when the core is free.
constexpr double kHostFlops = 1e9;

std::string phone_name(long i); // i over all cells
std::string station_name(long cell, long level);
std::string edge_name(long e);
std::string air_name(long cell);
std::string uplink_name(long phone); // an LTE phone's own
inline const char* kCloudHost = "cloud";
inline const char* kWanLink = "wan";
std::string platform_xml(const PlatformSpec& spec);
// SimGrid's settings for the platform, as {name, value}: the XML's <config>, a run's --cfg.
std::vector<std::pair<std::string, std::string>> platform_config(const PlatformSpec& spec);

// What build_platform made, indexed as PlatformSpec counts them.
struct Platform {
  std::vector<simgrid::s4u::Host*> phones;  // over all cells
  std::vector<simgrid::s4u::Link*> airs;    // one per Wi-Fi cell
  std::vector<simgrid::s4u::Link*> uplinks; // LTE: one per phone
  // Roaming: per cell, its station hosts by level; each already at its level.
  std::vector<std::vector<simgrid::s4u::Host*>> stations;
  simgrid::s4u::Host* cloud = nullptr;
  std::vector<simgrid::s4u::Host*> edges;
};
// Builds and seals the platform in the current engine, whose configuration already holds
// platform_config. `wan_profile`: the WAN's bandwidth profile in SimGrid's text format, or
// empty.
Platform build_platform(const PlatformSpec& spec, const std::string& wan_profile);

} // namespace muxsim::sim
