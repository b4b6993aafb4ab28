#pragma once
// A scenario as every layer sees it (docs/formats.md): plain data, grouped into sections by
// concern ([devices], [policy], [network], [radio], [load], [servers], [mobility],
// [propagation], [reconstruct]), each its own struct. A field's initializer is its key's default,
// written nowhere else: core/config reads a scenario INI into a default Scenario, and its key table
// (core/config/scenario_keys.cpp) shows these defaults to --keys.
#include "core/base/policy_params.hpp"
#include "core/base/radio_power.hpp"
#include "core/base/trace_unit.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace muxsim {

// One run of a sweep: a point of the product of the swept keys.
struct RunPoint {
  double bandwidth_mbps = 0;
  long phones = 1; // per cell; with [mobility], in the whole area
  long seed = 1;
  long cells = 1;
  double arrival_rate_hz = 0; // per phone, open loop; 0 for a closed loop
  // [mobility] places the phones: the cells are its access points, and a phone is in
  // whichever serves it (core/model/attachment.hpp), so `phones` counts them all.
  bool placed = false;
  long total_phones() const { return placed ? phones : cells * phones; }
};

// How a run is evaluated: Eq. 9-14 in closed form, or simulated in SimGrid. In the order of
// the modes key's values.
enum class Mode { ClosedForm, Simulated };

// How each phone's Wi-Fi rate changes over time: held, following a bandwidth trace, or a
// two-state Markov chain. In the order of the [network] channel key's values.
enum class ChannelKind { Constant, Trace, Markov };
// What a Wi-Fi rate means, in the order of the [network] wifi_standard key's values: goodput,
// as a measured throughput trace gives it (none), or an 802.11g, n, ac or ax PHY rate, whose
// goodput the 802.11 model gives (docs/wifi-validation.md, docs/wifi5-6.md).
enum class WifiStandard { None, G80211, N80211, AC80211, AX80211 };

// 802.11ax uplink OFDMA (docs/wifi5-6.md, "Uplink OFDMA"): off, or the access point's trigger
// rounds share resource units among the stations with an upload waiting. In the order of the
// [network] wifi_ofdma key's values.
enum class WifiOfdma { Off, Ideal };

// The phones' access link: 802.11 cells, or LTE cells (docs/lte.md). In the order of the
// [network] link key's values.
enum class AccessLink { Wifi, Lte };

// Closed loop (a phone waits for each answer, then thinks) or Poisson arrivals. In the order
// of the [load] arrival key's values.
enum class Arrival { Closed, Poisson };

// How each phone's Wi-Fi rate is set and how it changes over time.
struct ChannelConfig {
  ChannelKind kind = ChannelKind::Constant;
  // Fixed per-phone rates: empty (every phone at bandwidth_mbps), a list (phone i at
  // entry i mod its length across all cells), or "random:" a list drawn from with the run's seed.
  std::vector<double> phone_rates_mbps;
  bool random_rates = false;
  std::vector<std::string> traces; // trace: one file per phone, cycled
  double trace_offset_s = 0;       // where phone 0 starts in its trace
  double trace_stagger_s = 0;      // each next phone starts this much later
  bool trace_loop = true;
  double min_rate_mbps = 0.1; // a throughput of 0 (outage) is floored here
  // markov: a two-state (good, bad) channel with exponential sojourns.
  double markov_good_s = 0, markov_bad_s = 0, markov_bad_mbps = 0;
  double chunk_bytes = 65536; // uploads and replies on a varying channel go in chunks
};

// SimGrid's network/TCP-gamma default, 4 MiB: the TCP window when the scenario sets none.
constexpr double kDefaultTcpWindowBytes = 4194304;

struct NetworkConfig {
  AccessLink link = AccessLink::Wifi;
  int lte_resource_blocks = 25; // LENA's default carrier, 5 MHz
  double lte_grant_ms = 11.5;   // an idle phone's wait for its first grant, as LENA's (docs/lte.md)
  WifiStandard wifi_standard = WifiStandard::None;
  bool wifi_aggregation = true;          // A-MPDU: 802.11n's option, always on for ac and ax
  int wifi_channel_mhz = 0;              // 0: the standard's (20 for g and n, 80 for ac and ax)
  int wifi_streams = 1;                  // spatial streams
  int wifi_guard_ns = 0;                 // 0: the standard's (800 ns, or 3,200 for ax)
  long wifi_ampdu_bytes = 65535;         // ns-3 3.37's BE_MaxAmpduSize
  int wifi_block_ack_frames = 64;        // ns-3 3.37's MpduBufferSize
  WifiOfdma wifi_ofdma = WifiOfdma::Off; // ns-3 3.37's: no multi-user scheduler
  std::vector<double> bandwidth_mbps = {100};
  ChannelConfig channel;
  double wan_mbps = 10000;
  double wan_latency_ms = 10; // a 20 ms round trip to a cloud region (docs/network.md, "Defaults")
  std::string wan_trace;      // a bandwidth trace the WAN follows (wired links take profiles)
  TraceUnit trace_unit = TraceUnit::FromFile; // of channel and WAN traces without a header
  double edge_link_mbps = 10000, edge_latency_ms = 0;
  double tcp_window_bytes = kDefaultTcpWindowBytes; // a flow runs at most window / (2 x latency)
  double upload_bytes = 28624; // the mean of the 1,300 shared ImageNet validation JPEGs
  double download_bytes = 250; // a class and its confidence in a short reply, assumed
};

struct LoadConfig {
  std::vector<long> cells = {1}, phones = {1}; // phones per cell
  Arrival arrival = Arrival::Closed;
  std::vector<double> arrival_rate_hz;
  double think_ms = 0;    // closed loop: pause between one phone's requests
  double deadline_ms = 0; // a request slower than this is a miss; 0: no deadline
};

struct ServerConfig {
  long gpu_workers = 1;    // per cloud server
  long edge_workers = 1;   // per edge server
  long cells_per_edge = 1; // 1: an edge server at every access point
  long batch_max = 1;      // dynamic batching: the largest batch
  double batch_wait_ms = 0;
  double batch_slope = 0; // batch latency L(b) = L(1) (1 + slope (b - 1))
  bool queue_per_model = false;
  bool ensemble_parallel = false; // an ensemble takes its slowest member's time, not the sum
};

// How phones move over the area the [mobility] section describes (docs/mobility.md): they
// stand still, walk random waypoints, or replay recorded walks. In the order of the
// mobility.model key's values.
enum class MobilityModel { Static, Waypoint, Trace };

// [mobility]: where access points and phones are. Without it (access_points empty) phone g
// is in cell g / phones at the rate the [network] channel gives it, as before.
struct MobilityConfig {
  std::string access_points;               // "x:y, ..." in metres, or a CSV file of x,y rows
  std::string phone_positions = "uniform"; // "x:y, ...", a CSV file of x,y, or uniform
  std::string area_m;                      // "W x H": uniform positions and waypoints fall in it
  MobilityModel model = MobilityModel::Static;
  std::vector<double> speed_mps = {0.5, 1.5}; // waypoint: each leg's speed, uniform in [low, high]
  std::vector<double> pause_s = {0, 60};      // waypoint: each pause, uniform in [low, high]
  std::string walks;                          // trace: a CSV of phone,t,x,y rows
  // Roaming, as iOS does it (docs/mobility.md): a phone keeps its access point until the
  // received power falls below handover_rssi_dbm, then moves to one at least
  // handover_margin_db stronger, and its link carries nothing for handover_gap_ms.
  double handover_rssi_dbm = -70, handover_margin_db = 8, handover_gap_ms = 100;
};

// [propagation]: the received power at a distance, and the PHY rate it supports. Every
// default is ns-3 3.37's (docs/notes/ns3-distance-defaults.md), so the two compare untuned.
struct PropagationConfig {
  double path_loss_exponent = 3;      // LogDistancePropagationLossModel's Exponent
  double reference_loss_db = 46.6777; // its ReferenceLoss, at reference_distance_m
  double reference_distance_m = 1;
  double tx_power_dbm = 16.0206; // WifiPhy TxPowerStart (40 mW), no antenna gains
  double noise_figure_db = 7;    // WifiPhy RxNoiseFigure
  double min_rssi_dbm = -82;     // ThresholdPreambleDetectionModel: nothing weaker is received
  std::string rate_table;        // a CSV of standard,phy_mbps,min_snr_db; empty: ns-3's ideal
};

// [reconstruct]: the targets a trace is reconstructed to (docs/paper.md).
struct ReconstructConfig {
  long inputs = 10000;
  double target_mobile_accuracy = 0, target_cloud_accuracy = 0; // 0: the profile's
  double target_local_fraction = 0, target_hybrid_accuracy = 0;
  // reconstruct:table2: hybrid-single's called fractions (one per cloud model) and accuracy;
  // hybrid-ensemble's accuracy, FLOPs and latency, reached by adding `ensemble_extra` to
  // inputs called for the two `ensemble_sources`.
  std::vector<double> target_called;
  double target_single_accuracy = 0, target_ensemble_accuracy = 0;
  double target_ensemble_gflops = 0, target_ensemble_latency_ms = 0;
  std::string ensemble_extra;
  std::vector<std::string> ensemble_sources;
};

// A key beyond the native sweeps given several values (core/config/key_sweep.hpp).
struct KeySweep {
  std::string key; // "section.key"
  std::vector<std::string> values;
};

struct Scenario {
  std::string path; // the INI file
  std::string name;
  std::string trace; // a trace CSV path, or reconstruct:table1 / reconstruct:table2
  std::vector<std::string> profiles;
  std::string phone_device, cloud_device, edge_device, mux_device;
  std::string mobile_model, cloud_model, edge_model;
  std::string mux_model = "multiplexer";
  std::string early_prefix, early_head; // hybrid-early's profile rows on the phone
  std::vector<std::string> cloud_models;
  std::vector<std::string> policies;
  std::vector<Mode> modes = {Mode::ClosedForm, Mode::Simulated};
  std::vector<long> seeds = {1};
  long requests = 0; // per run; 0 = every input of the trace once
  PolicyParams params;
  NetworkConfig network;
  RadioPower radio = kPhoneWifiRadio;
  LoadConfig load;
  ServerConfig servers;
  MobilityConfig mobility;
  PropagationConfig propagation;
  ReconstructConfig reconstruct;

  // Keys beyond the native sweeps given several values (core/config/key_sweep.hpp): the
  // fields hold each key's first value; muxsim run runs every combination as a
  // sub-scenario, whose swept_values are the settings it runs at ("section.key", value).
  std::vector<KeySweep> key_sweeps;
  std::vector<std::pair<std::string, std::string>> swept_values;

  std::map<std::string, int> key_lines;      // where each "section.key" was set
  std::set<std::string> set_on_command_line; // keys given by muxsim run --set
  // "FILE:LINE: field 'section.key'" for a key of this scenario.
  std::string at(const std::string& key) const;
  // The product of the sweeps, over the given Wi-Fi rates (Prepared::bandwidth_mbps: the
  // key's, or the mean of per-phone rates or traces).
  std::vector<RunPoint> run_points(const std::vector<double>& bandwidth_mbps) const;
  // Runs planned: run points x policies x modes, as a double so a sweep whose product
  // overflows a long is still counted.
  double run_count() const;
};

// Paths inside a scenario are relative to the scenario file's folder.
std::string resolve_path(const Scenario& s, const std::string& relative);

} // namespace muxsim
