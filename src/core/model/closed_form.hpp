#pragma once
// Per-request closed form: a phone alone on its path, no queueing. The simulation must agree
// with it under those conditions (docs/invariants.md #1), on every link and for every tier.
#include "core/base/scenario.hpp"
#include "core/model/deployment.hpp"

namespace muxsim {

// The path of one transfer between a phone and a server: the phone's Wi-Fi hop, then the
// wired backhaul (the WAN to the cloud, or the access point's link to the edge).
struct PathSpec {
  double wifi_mbps = 0;      // the phone's Wi-Fi goodput alone at its rate, for the upload
  double wifi_down_mbps = 0; // and for the reply (a short transfer is one 802.11 exchange)
  double backhaul_mbps = 0;  // access point to server
  double latency_ms = 0;     // one way
  double window_bytes = kDefaultTcpWindowBytes;
  double access_ms = 0; // before an upload's first bit: LTE's buffer report and grant
};

// A TCP flow cannot have more than a window in flight per round trip, so it runs at most
// window / (2 x one-way latency) bytes/s: SimGrid's network/TCP-gamma bound. Infinite when
// the latency is zero.
double window_rate_bytes_per_s(double window_bytes, double latency_ms);

// Alone on the path a transfer runs at the slowest of the Wi-Fi rate, the backhaul and the
// window bound, and pays the one-way latency once.
double transfer_ms(double bytes, const PathSpec& path);

// The part of a transfer during which its bits hold the phone's air: the bytes over the
// phone's Wi-Fi goodput alone, whatever the wired links or the window allow.
double air_ms(double bytes, const PathSpec& path);

struct ClosedFormLinks {
  PathSpec cloud, edge;
  double batch_wait_ms = 0; // a lone request waits the whole batching window
};

Timing closed_form_timing(const Deployment& d, const Plan& plan, const ClosedFormLinks& links);

} // namespace muxsim
