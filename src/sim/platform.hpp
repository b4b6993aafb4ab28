#pragma once
// The SimGrid platform of a run (docs/network.md): `cells` Wi-Fi zones, each with its
// phones sharing one Wi-Fi link (the air) through its access point; a WAN shared by all cells
// to one cloud host with a core per GPU worker; optionally an edge server per group of
// cells, behind its own wired link from each access point of the group.
// Links carry their latency, from which SimGrid bounds each flow at TCP-gamma / (2 x route
// latency) (the TCP window, network/TCP-gamma). network/latency-factor is 0, so SimGrid
// charges no latency phase: muxsim pays each route's one-way latency once per message
// (sim/transfer.hpp), and a transfer sent in chunks does not pay it once per chunk.
// Generated as XML so the same text can be committed under platforms/ and loaded per run.
#include "core/model/closed_form.hpp"

#include <string>
#include <vector>

namespace muxsim::sim {

struct PlatformSpec {
  long cells = 1;
  long phones_per_cell = 1;
  std::vector<double> wifi_levels_mbps = {100}; // the Wi-Fi rate levels stations can hold
  double wan_mbps = 10000, wan_latency_ms = 0;
  double tcp_window_bytes = kDefaultTcpWindowBytes;
  // A SimGrid bandwidth profile the WAN follows, named relative to the platform file's folder
  // (SimGrid searches that folder; it does not open absolute paths); empty: none.
  std::string wan_profile_path;
  long cloud_cores = 1;
  long edge_servers = 0; // 0: no edge tier
  long cells_per_edge = 1;
  double edge_link_mbps = 10000, edge_latency_ms = 0;
  long edge_cores = 1;
};

// Host speed of phones and of each server core: 1 Gflop/s, so a profile latency of L ms is
// executed as L * 1e6 flops and takes exactly L ms when the core is free.
constexpr double kHostFlops = 1e9;

std::string phone_name(long i); // i over all cells: cell i / phones_per_cell
std::string edge_name(long e);
std::string air_name(long cell);
inline const char* kCloudHost = "cloud";
inline const char* kWanLink = "wan";
std::string platform_xml(const PlatformSpec& spec);

} // namespace muxsim::sim
