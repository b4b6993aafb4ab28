#pragma once
// The SimGrid platform of one Wi-Fi cell: phones sharing one Wi-Fi link (the air) through an
// access point, a wired WAN to the cloud, and a cloud host with one core per GPU worker.
// Generated as XML so the same text can be committed under platforms/ and loaded per run.
#include <string>

namespace muxsim::sim {

struct CellSpec {
  long phones = 1;
  double wifi_mbps = 100;
  double wan_mbps = 10000;
  double wan_latency_ms = 0;
  long gpu_workers = 1;
};

// Host speed of phones and of each cloud core: 1 Gflop/s, so a profile latency of L ms is
// executed as L * 1e6 flops and takes exactly L ms when the core is free.
constexpr double kHostFlops = 1e9;

std::string phone_name(long i);
inline const char* kCloudHost = "cloud";
inline const char* kWifiLink = "air";
std::string cell_platform_xml(const CellSpec& spec);

} // namespace muxsim::sim
