#include "core/config/scenario_keys.hpp"
#include "core/config/read_scenario.hpp"

#include "core/base/input_error.hpp"
#include "core/base/limits.hpp"
#include "core/config/sweep.hpp"
#include "core/formats/csv.hpp"
#include "core/policy/registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <type_traits>

namespace muxsim {

namespace {

using K = KeyKind;
using Binding = KeyBinding;

// A field, given by an accessor that works on a Scenario whether const or not, bound to the
// member of KeyValue its key's kind reads into: filling stores the member in the field (cast
// to its type: an enum from its choice's place, a byte count the equations take as a real
// from an integer), showing reads the field back.
template <class Field, class Value> Binding bind(Field field, Value KeyValue::*member) {
  return {[field, member](Scenario& s, const KeyValue& v) {
            using Target = std::remove_reference_t<decltype(field(s))>;
            field(s) = static_cast<Target>(v.*member);
          },
          [field, member](const Scenario& s) {
            KeyValue v;
            v.*member = static_cast<Value>(field(s));
            return v;
          }};
}
template <class Field> Binding number(Field field) {
  return bind(field, &KeyValue::number);
}
template <class Field> Binding text(Field field) {
  return bind(field, &KeyValue::text);
}
template <class Field> Binding items(Field field) {
  return bind(field, &KeyValue::items);
}
template <class Field> Binding flag(Field field) {
  return bind(field, &KeyValue::flag);
}
template <class Field> Binding integer(Field field) {
  return bind(field, &KeyValue::integer);
}
template <class Field> Binding numbers(Field field) {
  return bind(field, &KeyValue::numbers);
}
template <class Field> Binding integers(Field field) {
  return bind(field, &KeyValue::integers);
}
// A Choice key whose choices are listed in the order of the enum it fills.
template <class Field> Binding enumerated(Field field) {
  return bind(field, &KeyValue::choice);
}
// A file key: the path as given is resolved against the scenario's folder, and shown resolved.
template <class Field> Binding path(Field field) {
  Binding b = text(field);
  b.fill = [field](Scenario& s, const KeyValue& v) {
    if (!v.text.empty()) field(s) = resolve_path(s, v.text);
  };
  return b;
}

#define FIELD(expr)                                                                                \
  [](auto& s) -> auto& {                                                                           \
    return expr;                                                                                   \
  }

const std::string kNameDomain = "a profiled model (or device) name";

KeySpec name_key(const char* key, const char* doc, Binding binding, bool required = false) {
  KeySpec k{key, doc, K::Text, std::move(binding)};
  k.required = required;
  k.domain = kNameDomain;
  return k;
}

KeySpec integer_key(const char* key, const char* doc, long minimum, long maximum, Binding binding) {
  KeySpec k{key, doc, K::Integer, std::move(binding)};
  k.minimum = minimum;
  k.maximum = maximum;
  return k;
}

KeySpec choice_key(const char* key, const char* doc, K kind, std::vector<std::string> choices,
                   Binding binding) {
  KeySpec k{key, doc, kind, std::move(binding)};
  k.choices = std::move(choices);
  return k;
}

KeySpec with_domain(KeySpec k, const std::string& domain) {
  k.domain = domain;
  return k;
}

KeySpec at_least(KeySpec k, long minimum) {
  k.minimum = minimum;
  return k;
}

// A Markov channel's key: its field's zero means "not given" (check_relations asks for it).
KeySpec unset_by_default(KeySpec k) {
  k.unset_by_default = true;
  return k;
}

KeySpec required(KeySpec k) {
  k.required = true;
  return k;
}

std::vector<std::string> list(const std::string& text) {
  std::vector<std::string> out;
  for (const auto& item : split(text, ','))
    if (!trim(item).empty()) out.push_back(trim(item));
  return out;
}

// The keys outside any section.
std::vector<KeySpec> top_level_keys() {
  return {
      {"name", "scenario name written to every results row (default: the file's name)", K::Text,
       text(FIELD(s.name))},
      with_domain(
          required({"trace", "decision trace CSV, or reconstruct:table1 / reconstruct:table2",
                    K::Text, text(FIELD(s.trace))}),
          "a regular file, or reconstruct:table1 / reconstruct:table2"),
      with_domain(required({"profiles", "comma-separated profile CSVs", K::Names,
                            items(FIELD(s.profiles))}),
                  "regular files"),
      choice_key("modes", "closed-form, simulated or both", K::Choices,
                 {"closed-form", "simulated"},
                 {[](Scenario& s, const KeyValue& v) {
                    s.modes.clear();
                    for (std::size_t c : v.chosen)
                      s.modes.push_back(static_cast<Mode>(c));
                  },
                  [](const Scenario& s) {
                    KeyValue v;
                    for (Mode m : s.modes)
                      v.chosen.push_back(static_cast<std::size_t>(m));
                    return v;
                  }}),
      {"seeds", "seeds; a sweep of integers", K::IntegerSweep, integers(FIELD(s.seeds))},
      with_domain(integer_key("requests", "requests per run (0: each trace input once)", 0,
                              kLargestCount, integer(FIELD(s.requests))),
                  "integer in [0, 1e9], and at most --max-requests"),
  };
}

// [devices]: which device runs which model.
std::vector<KeySpec> device_keys() {
  return {
      name_key("devices.phone_device", "profile device of the phone", text(FIELD(s.phone_device)),
               true),
      name_key("devices.cloud_device", "profile device of the cloud GPU",
               text(FIELD(s.cloud_device)), true),
      name_key("devices.edge_device", "profile device of the edge server (empty: no edge tier)",
               text(FIELD(s.edge_device))),
      name_key("devices.mux_device",
               "profile device that runs the multiplexer (default: phone_device)",
               text(FIELD(s.mux_device))),
      name_key("devices.mobile_model", "the phone's model (empty: no local model)",
               text(FIELD(s.mobile_model))),
      name_key("devices.cloud_model", "the cloud model of cloud-only and hybrid",
               text(FIELD(s.cloud_model)), true),
      with_domain({"devices.cloud_models",
                   "cloud models multiplexed by hybrid-single/ensemble (default: cloud_model)",
                   K::Names, items(FIELD(s.cloud_models))},
                  kNameDomain),
      name_key("devices.edge_model", "the edge server's model (edge-only, hybrid-edge)",
               text(FIELD(s.edge_model))),
      with_domain({"devices.mux_model", "profile row of the multiplexer", K::Text,
                   text(FIELD(s.mux_model))},
                  kNameDomain),
      name_key("devices.early_prefix",
               "hybrid-early: profile row of the phone model's first k blocks, on phone_device",
               text(FIELD(s.early_prefix))),
      name_key("devices.early_head", "hybrid-early: profile row of the head reading block k",
               text(FIELD(s.early_head))),
  };
}

// [policy]: the policies run and their parameters.
std::vector<KeySpec> policy_keys() {
  return {
      required(
          {"policy.policies", "comma-separated policies", K::Policies, items(FIELD(s.policies))}),
      {"policy.hybrid_threshold", "binary multiplexer threshold", K::Fraction,
       number(FIELD(s.params.hybrid_threshold))},
      {"policy.ensemble_threshold", "Algorithm 2 threshold for hybrid-ensemble", K::Fraction,
       number(FIELD(s.params.ensemble_threshold))},
      {"policy.confidence_threshold",
       "hybrid-confidence: keep local when the phone model's max softmax reaches this", K::Fraction,
       number(FIELD(s.params.confidence_threshold))},
      {"policy.accuracy_target",
       "autoscale: a target whose profile accuracy is below this is penalised", K::UnitInterval,
       number(FIELD(s.params.accuracy_target))},
      {"policy.score_target", "network-aware: the least multiplexer score of a placement",
       K::UnitInterval, number(FIELD(s.params.score_target))},
      {"policy.qos_ms", "autoscale's latency target; a slower request is penalised", K::Positive,
       number(FIELD(s.params.qos_ms))},
      {"policy.alpha", "autoscale's learning rate", K::Fraction, number(FIELD(s.params.alpha))},
      {"policy.gamma", "autoscale's discount", K::Fraction, number(FIELD(s.params.gamma))},
      {"policy.epsilon", "autoscale's exploration rate", K::Fraction,
       number(FIELD(s.params.epsilon))},
      choice_key("policy.objective", "network-aware minimises latency or energy", K::Choice,
                 {"latency", "energy"}, enumerated(FIELD(s.params.objective))),
      {"policy.early_threshold",
       "hybrid-early: finish locally when the early multiplexer's score reaches this", K::Fraction,
       number(FIELD(s.params.early_threshold))},
      {"policy.external_command",
       "policy external: the command that runs it, in the scenario's folder, via /bin/sh "
       "(docs/external-policy.md)",
       K::Text, text(FIELD(s.params.external_command))},
      {"policy.external_timeout_s",
       "policy external: seconds it may take to answer a message or read one; slower fails "
       "the run",
       K::Positive, number(FIELD(s.params.external_timeout_s))},
  };
}

// [network], the Wi-Fi: each phone's rate and how it changes.
std::vector<KeySpec> channel_keys() {
  return {
      {"network.bandwidth_mbps", "every phone's Wi-Fi rate; a sweep", K::PositiveSweep,
       numbers(FIELD(s.network.bandwidth_mbps))},
      {"network.phone_rates_mbps",
       "per-phone Wi-Fi rates instead: a list, phone i at entry i mod its length, or "
       "random:LIST drawn with the seed",
       K::Rates,
       {[](Scenario& s, const KeyValue& v) {
          s.network.channel.phone_rates_mbps = v.numbers;
          s.network.channel.random_rates = v.random;
        },
        [](const Scenario& s) {
          KeyValue v;
          v.numbers = s.network.channel.phone_rates_mbps;
          v.random = s.network.channel.random_rates;
          return v;
        }}},
      choice_key("network.channel", "constant, trace or markov", K::Choice,
                 {"constant", "trace", "markov"}, enumerated(FIELD(s.network.channel.kind))),
      with_domain({"network.channel_trace",
                   "bandwidth trace file(s), cycled over phones: seconds,bytes_per_second CSV or "
                   "seconds<TAB>Mbit/s",
                   K::Names,
                   {[](Scenario& s, const KeyValue& v) {
                      s.network.channel.traces.clear();
                      for (const auto& t : v.items)
                        s.network.channel.traces.push_back(resolve_path(s, t));
                    },
                    [](const Scenario& s) {
                      KeyValue v;
                      v.items = s.network.channel.traces;
                      return v;
                    }}},
                  "regular files"),
      choice_key("network.trace_unit",
                 "the throughput unit of channel and WAN traces that have no header line "
                 "(from-file: the file must say, docs/formats.md)",
                 K::Choice, {"from-file", "bytes_per_second", "mbit_per_second"},
                 enumerated(FIELD(s.network.trace_unit))),
      {"network.trace_offset_s", "where phone 0 starts in its trace", K::NonNegative,
       number(FIELD(s.network.channel.trace_offset_s))},
      {"network.trace_stagger_s", "each next phone starts this many seconds later", K::NonNegative,
       number(FIELD(s.network.channel.trace_stagger_s))},
      {"network.trace_loop", "true: a trace wraps around at its end; false: it holds its last rate",
       K::Flag, flag(FIELD(s.network.channel.trace_loop))},
      {"network.min_rate_mbps", "floor for a trace's zero throughput (outage)", K::Positive,
       number(FIELD(s.network.channel.min_rate_mbps))},
      unset_by_default({"network.markov_good_s",
                        "markov: mean time in the good state (the phone's rate)", K::Positive,
                        number(FIELD(s.network.channel.markov_good_s))}),
      unset_by_default({"network.markov_bad_s", "markov: mean time in the bad state", K::Positive,
                        number(FIELD(s.network.channel.markov_bad_s))}),
      unset_by_default({"network.markov_bad_mbps", "markov: the rate in the bad state", K::Positive,
                        number(FIELD(s.network.channel.markov_bad_mbps))}),
      // Bytes are whole: the simulation sends whole bytes, and the closed form must agree.
      integer_key("network.chunk_bytes",
                  "on a varying channel or WAN trace, transfers go in chunks of this size", 1,
                  kLargestCount, integer(FIELD(s.network.channel.chunk_bytes))),
  };
}

// [network], the wired links, the TCP window and the message sizes.
// What a Wi-Fi rate means and the 802.11 PHY it is a rate of (docs/wifi5-6.md).
std::vector<KeySpec> wifi_keys() {
  return {
      choice_key("network.link",
                 "the phones' access link: wifi (802.11 cells) or lte (LTE cells, one eNodeB "
                 "at each [mobility] access point; docs/lte.md)",
                 K::Choice, {"wifi", "lte"}, enumerated(FIELD(s.network.link))),
      integer_key("network.lte_resource_blocks",
                  "an LTE carrier's resource blocks: 6, 15, 25, 50, 75 or 100 (1.4 to 20 MHz)", 6,
                  100, integer(FIELD(s.network.lte_resource_blocks))),
      {"network.lte_grant_ms",
       "LTE: before an upload moves, the phone's buffer report and the eNodeB's grant (11.5: "
       "ns-3 3.37's LENA, measured)",
       K::NonNegative, number(FIELD(s.network.lte_grant_ms))},
      choice_key("network.wifi_standard",
                 "none: Wi-Fi rates are goodput (measured traces); 802.11g, n, ac or ax: they "
                 "are PHY rates of that standard, moved at the goodput the 802.11 model gives",
                 K::Choice, {"none", "802.11g", "802.11n", "802.11ac", "802.11ax"},
                 enumerated(FIELD(s.network.wifi_standard))),
      {"network.wifi_aggregation",
       "stations send TCP segments in A-MPDUs with block acknowledgement (802.11n's option; "
       "802.11ac and ax always do)",
       K::Flag, flag(FIELD(s.network.wifi_aggregation))},
      integer_key("network.wifi_channel_mhz",
                  "channel width: 20, 40 (802.11n, ac, ax), 80 or 160 (ac, ax); 0: the "
                  "standard's as ns-3 3.37 sets it (20 for g and n, 80 for ac and ax)",
                  0, 160, integer(FIELD(s.network.wifi_channel_mhz))),
      integer_key("network.wifi_streams", "spatial streams: 1 (g), up to 4 (n) or 8 (ac, ax)", 1, 8,
                  integer(FIELD(s.network.wifi_streams))),
      integer_key("network.wifi_guard_ns",
                  "guard interval: 400 or 800 (n, ac), 800, 1600 or 3200 (ax); 0: the "
                  "standard's as ns-3 3.37 sets it (800, or 3200 for ax)",
                  0, 3200, integer(FIELD(s.network.wifi_guard_ns))),
      // The least is one full TCP segment's A-MPDU subframe (4 + 26 + 12 + 52 + 1448 bytes).
      integer_key("network.wifi_ampdu_bytes",
                  "the longest A-MPDU a station sends: up to 65,535 (n), 1,048,575 (ac) or "
                  "6,500,631 (ax); the default is ns-3 3.37's BE_MaxAmpduSize",
                  1542, 6500631, integer(FIELD(s.network.wifi_ampdu_bytes))),
      integer_key("network.wifi_block_ack_frames",
                  "the block ack window in MPDUs: up to 64 (n, ac) or 256 (ax); the default is "
                  "ns-3 3.37's MpduBufferSize",
                  1, 256, integer(FIELD(s.network.wifi_block_ack_frames))),
      choice_key("network.wifi_ofdma",
                 "802.11ax uplink OFDMA: off (ns-3 3.37's default), or ideal: uploads waiting "
                 "for the air go together in the access point's trigger rounds, each station "
                 "on its own resource unit",
                 K::Choice, {"off", "ideal"}, enumerated(FIELD(s.network.wifi_ofdma))),
  };
}

std::vector<KeySpec> link_keys() {
  return {
      {"network.wan_mbps", "access point to cloud bandwidth, shared by all cells", K::Positive,
       number(FIELD(s.network.wan_mbps))},
      {"network.wan_latency_ms", "access point to cloud one-way latency", K::NonNegative,
       number(FIELD(s.network.wan_latency_ms))},
      with_domain({"network.wan_trace", "a bandwidth trace the WAN's bandwidth follows", K::Text,
                   path(FIELD(s.network.wan_trace))},
                  "regular files"),
      {"network.edge_link_mbps", "access point to edge server bandwidth", K::Positive,
       number(FIELD(s.network.edge_link_mbps))},
      {"network.edge_latency_ms", "access point to edge server one-way latency", K::NonNegative,
       number(FIELD(s.network.edge_latency_ms))},
      integer_key("network.tcp_window_bytes",
                  "TCP window: a flow runs at most window / (2 x one-way latency)", 1,
                  kLargestCount, integer(FIELD(s.network.tcp_window_bytes))),
      integer_key("network.upload_bytes", "bytes sent per offloaded input", 0, kLargestCount,
                  integer(FIELD(s.network.upload_bytes))),
      integer_key("network.download_bytes", "bytes of the reply", 0, kLargestCount,
                  integer(FIELD(s.network.download_bytes))),
  };
}

// [radio] and [load]: the phone's radio power, and how requests arrive.
std::vector<KeySpec> radio_and_load_keys() {
  return {
      {"radio.tx_w", "phone radio power while its upload's bits are on the air", K::NonNegative,
       number(FIELD(s.radio.tx_w))},
      {"radio.rx_w", "phone radio power while its reply's bits are on the air", K::NonNegative,
       number(FIELD(s.radio.rx_w))},
      {"radio.idle_w",
       "phone radio power while on but off the air: deferring, waiting on the WAN and the server",
       K::NonNegative, number(FIELD(s.radio.idle_w))},

      with_domain(at_least({"load.cells", "Wi-Fi cells, each behind its own access point; a sweep",
                            K::IntegerSweep, integers(FIELD(s.load.cells))},
                           1),
                  "integers >= 1, cells x phones <= 1e5; a sweep"),
      with_domain(at_least({"load.phones", "phones per cell; a sweep of integers", K::IntegerSweep,
                            integers(FIELD(s.load.phones))},
                           1),
                  "integers >= 1, cells x phones <= 1e5; a sweep"),
      choice_key("load.arrival", "closed (a phone waits for each answer, then thinks) or poisson",
                 K::Choice, {"closed", "poisson"}, enumerated(FIELD(s.load.arrival))),
      {"load.arrival_rate_hz", "poisson: requests per second per phone; a sweep", K::PositiveSweep,
       numbers(FIELD(s.load.arrival_rate_hz))},
      {"load.think_ms", "closed: pause between one phone's requests", K::NonNegative,
       number(FIELD(s.load.think_ms))},
      {"load.deadline_ms", "a request answered later than this is a miss (0: none)", K::NonNegative,
       number(FIELD(s.load.deadline_ms))},
  };
}

// [servers]: GPU workers, queues and batching.
std::vector<KeySpec> server_keys() {
  return {
      // Each worker is an actor: a GPU server of more than 10,000 is not a GPU server.
      integer_key("servers.gpu_workers", "workers of the cloud GPU server", 1, 10000,
                  integer(FIELD(s.servers.gpu_workers))),
      integer_key("servers.edge_workers", "workers of each edge server", 1, 10000,
                  integer(FIELD(s.servers.edge_workers))),
      integer_key("servers.cells_per_edge",
                  "cells sharing one edge server (1: one at each access point)", 1, kLargestCount,
                  integer(FIELD(s.servers.cells_per_edge))),
      integer_key("servers.batch_max", "dynamic batching: largest batch (1: no batching)", 1,
                  kLargestCount, integer(FIELD(s.servers.batch_max))),
      {"servers.batch_wait_ms", "dynamic batching: longest wait for a batch to fill",
       K::NonNegative, number(FIELD(s.servers.batch_wait_ms))},
      {"servers.batch_slope", "batch latency L(b) = L(1) x (1 + slope x (b - 1))", K::NonNegative,
       number(FIELD(s.servers.batch_slope))},
      {"servers.queue_per_model", "true: one FIFO queue per model instead of one per server",
       K::Flag, flag(FIELD(s.servers.queue_per_model))},
      {"servers.ensemble_parallel",
       "true: an ensemble's models run in parallel on one GPU and take as long as the slowest",
       K::Flag, flag(FIELD(s.servers.ensemble_parallel))},
  };
}

// [mobility]: where access points and phones are, how phones move, and when they roam.
std::vector<KeySpec> mobility_keys() {
  const std::string points = "x:y, ... in metres, or a CSV file of x,y rows";
  return {
      with_domain({"mobility.access_points",
                   "the access points, one cell each; setting it turns on rates from distance",
                   K::Text, text(FIELD(s.mobility.access_points))},
                  points),
      with_domain({"mobility.phone_positions",
                   "where each phone starts (phone i at entry i), or uniform over area_m", K::Text,
                   text(FIELD(s.mobility.phone_positions))},
                  points + ", or uniform"),
      with_domain({"mobility.area_m", "the area phones stand and walk in, from 0:0", K::Text,
                   text(FIELD(s.mobility.area_m))},
                  "W x H in metres"),
      choice_key("mobility.model", "static, waypoint (random waypoint) or trace (recorded walks)",
                 K::Choice, {"static", "waypoint", "trace"}, enumerated(FIELD(s.mobility.model))),
      {"mobility.speed_mps", "waypoint: each leg's walking speed, uniform in the range", K::Range,
       numbers(FIELD(s.mobility.speed_mps))},
      {"mobility.pause_s", "waypoint: the pause at each waypoint, uniform in the range", K::Range,
       numbers(FIELD(s.mobility.pause_s))},
      with_domain({"mobility.walks", "trace: recorded walks, linearly interpolated", K::Text,
                   path(FIELD(s.mobility.walks))},
                  "a CSV file of phone,t,x,y rows, t increasing per phone"),
      {"mobility.handover_rssi_dbm", "a phone looks for another access point below this", K::Real,
       number(FIELD(s.mobility.handover_rssi_dbm))},
      {"mobility.handover_margin_db", "it moves only to one at least this much stronger",
       K::NonNegative, number(FIELD(s.mobility.handover_margin_db))},
      {"mobility.handover_gap_ms", "its link carries nothing for this long when it moves",
       K::NonNegative, number(FIELD(s.mobility.handover_gap_ms))},
  };
}

// [propagation]: log-distance path loss and the PHY rate a received power supports.
std::vector<KeySpec> propagation_keys() {
  return {
      {"propagation.path_loss_exponent", "log-distance path loss exponent", K::Positive,
       number(FIELD(s.propagation.path_loss_exponent))},
      {"propagation.reference_loss_db", "path loss at the reference distance", K::Real,
       number(FIELD(s.propagation.reference_loss_db))},
      {"propagation.reference_distance_m", "the reference distance; closer loses as much",
       K::Positive, number(FIELD(s.propagation.reference_distance_m))},
      {"propagation.tx_power_dbm", "transmit power of phones and access points", K::Real,
       number(FIELD(s.propagation.tx_power_dbm))},
      {"propagation.noise_figure_db", "receiver noise figure (noise: kT x 20 MHz x this)",
       K::NonNegative, number(FIELD(s.propagation.noise_figure_db))},
      {"propagation.min_rssi_dbm", "nothing weaker is received: the phone has no link", K::Real,
       number(FIELD(s.propagation.min_rssi_dbm))},
      with_domain({"propagation.rate_table",
                   "each PHY rate's least SNR instead of ns-3's ideal thresholds", K::Text,
                   path(FIELD(s.propagation.rate_table))},
                  "a CSV file of standard,phy_mbps,min_snr_db rows"),
  };
}

// [reconstruct]: the targets a trace is reconstructed to.
std::vector<KeySpec> reconstruct_keys() {
  return {
      integer_key("reconstruct.inputs", "inputs in a reconstructed trace", 1, kLargestCount,
                  integer(FIELD(s.reconstruct.inputs))),
      {"reconstruct.target_mobile_accuracy", "table1: phone model accuracy (0: the profile's)",
       K::Fraction, number(FIELD(s.reconstruct.target_mobile_accuracy))},
      {"reconstruct.target_cloud_accuracy", "table1: cloud model accuracy (0: the profile's)",
       K::Fraction, number(FIELD(s.reconstruct.target_cloud_accuracy))},
      {"reconstruct.target_local_fraction", "table1: fraction kept local", K::Fraction,
       number(FIELD(s.reconstruct.target_local_fraction))},
      {"reconstruct.target_hybrid_accuracy", "table1: hybrid accuracy", K::Fraction,
       number(FIELD(s.reconstruct.target_hybrid_accuracy))},
      with_domain({"reconstruct.target_called",
                   "table2: fraction of inputs hybrid-single calls each cloud model, in "
                   "cloud_models order",
                   K::Fractions, numbers(FIELD(s.reconstruct.target_called))},
                  "values in [0, 1], one per cloud model"),
      {"reconstruct.target_single_accuracy", "table2: hybrid-single accuracy", K::Fraction,
       number(FIELD(s.reconstruct.target_single_accuracy))},
      {"reconstruct.target_ensemble_accuracy", "table2: hybrid-ensemble accuracy", K::Fraction,
       number(FIELD(s.reconstruct.target_ensemble_accuracy))},
      {"reconstruct.target_ensemble_gflops", "table2: hybrid-ensemble GFLOPs per input",
       K::NonNegative, number(FIELD(s.reconstruct.target_ensemble_gflops))},
      {"reconstruct.target_ensemble_latency_ms", "table2: hybrid-ensemble latency", K::NonNegative,
       number(FIELD(s.reconstruct.target_ensemble_latency_ms))},
      name_key("reconstruct.ensemble_extra", "table2: the model an ensemble adds",
               text(FIELD(s.reconstruct.ensemble_extra))),
      with_domain({"reconstruct.ensemble_sources",
                   "table2: the two models whose inputs get the extra", K::Names,
                   items(FIELD(s.reconstruct.ensemble_sources))},
                  kNameDomain),
  };
}

std::vector<KeySpec> make_specs() {
  std::vector<KeySpec> specs;
  for (auto section :
       {top_level_keys, device_keys, policy_keys, wifi_keys, channel_keys, link_keys,
        radio_and_load_keys, server_keys, mobility_keys, propagation_keys, reconstruct_keys})
    for (KeySpec& k : section())
      specs.push_back(std::move(k));
  return specs;
}

#undef FIELD

std::string kind_domain(const KeySpec& k) {
  switch (k.kind) {
  case K::Text:
  case K::Names:
    return "text";
  case K::Choice:
  case K::Choices:
    return join(k.choices);
  case K::Policies:
    return "at least one known policy";
  case K::Fraction:
    return "[0, 1]";
  case K::UnitInterval:
    return "(0, 1]";
  case K::Positive:
    return "(0, 1e9]";
  case K::NonNegative:
    return "[0, 1e9]";
  case K::Real:
    return "[-1e9, 1e9]";
  case K::Integer:
    return "integer in [" + std::to_string(k.minimum) + ", " +
           (k.maximum == kLargestCount ? std::string("1e9") : std::to_string(k.maximum)) + "]";
  case K::Flag:
    return "true, false";
  case K::PositiveSweep:
    return "(0, 1e9]; a sweep";
  case K::IntegerSweep:
    return "integers >= " + std::to_string(k.minimum) + "; a sweep";
  case K::Rates:
    return "values in (0, 1e9]";
  case K::Fractions:
    return "values in [0, 1]";
  case K::Range:
    return "low, high in [0, 1e9] (one value: fixed)";
  }
  return "";
}

} // namespace

const std::vector<KeySpec>& scenario_key_specs() {
  static const std::vector<KeySpec> specs = make_specs();
  return specs;
}

std::vector<std::string> scenario_keys() {
  std::vector<std::string> keys;
  for (const auto& k : scenario_key_specs())
    keys.push_back(k.key);
  return keys;
}

const std::string& scenario_key_domain(const std::string& key) {
  static const std::map<std::string, std::string> domains = [] {
    std::map<std::string, std::string> d;
    for (const auto& k : scenario_key_specs())
      d[k.key] = k.domain.empty() ? kind_domain(k) : k.domain;
    return d;
  }();
  return domains.at(key);
}

namespace {

std::string got(const std::string& raw) {
  return ", got " + raw;
}

// Fraction, UnitInterval, Positive and NonNegative: one number in the kind's range.
double read_real(const KeySpec& k, const std::string& raw, const std::string& at) {
  const double x = parse_number(raw, at);
  if (k.kind == K::Fraction && (x < 0 || x > 1))
    throw InputError(at + ": must be in [0, 1]" + got(raw));
  if (k.kind == K::UnitInterval && !(x > 0 && x <= 1)) throw InputError(at + ": must be in (0, 1]");
  if (k.kind == K::Positive && x <= 0) throw InputError(at + ": must be positive" + got(raw));
  if (k.kind == K::NonNegative && x < 0) throw InputError(at + ": must not be negative" + got(raw));
  if (x > kLargestValue) throw InputError(at + ": must be at most 1e9" + got(raw));
  if (x < -kLargestValue) throw InputError(at + ": must be at least -1e9" + got(raw));
  return x;
}

long read_integer(const KeySpec& k, const std::string& raw, const std::string& at) {
  const double x = parse_number(raw, at);
  if (x != std::floor(x) || x < static_cast<double>(k.minimum) || x > 1e9)
    throw InputError(at + ": must be an integer in [" + std::to_string(k.minimum) + ", 1e9]" +
                     got(raw));
  if (x > static_cast<double>(k.maximum))
    throw InputError(at + ": must be at most " + std::to_string(k.maximum) + got(raw));
  return static_cast<long>(x);
}

// Choice and Choices: each item's place among the key's choices.
std::size_t read_choice(const KeySpec& k, const std::string& item, const std::string& at) {
  const auto it = std::find(k.choices.begin(), k.choices.end(), item);
  if (it == k.choices.end())
    throw InputError(at + ": '" + item + "' is not one of " + join(k.choices));
  return static_cast<std::size_t>(it - k.choices.begin());
}

void read_choices(const KeySpec& k, const std::string& raw, const std::string& at, KeyValue& v) {
  v.items = list(raw);
  if (v.items.empty()) throw InputError(at + ": names none of " + join(k.choices));
  for (const auto& item : v.items)
    v.chosen.push_back(read_choice(k, item, at));
}

void read_policies(const std::string& raw, const std::string& at, KeyValue& v) {
  v.items = list(raw);
  if (v.items.empty()) throw InputError(at + ": names no policy");
  for (std::size_t i = 0; i < v.items.size(); ++i) {
    const std::string& p = v.items[i];
    if (std::find(v.items.begin(), v.items.begin() + static_cast<long>(i), p) !=
        v.items.begin() + static_cast<long>(i))
      throw InputError(at + ": policy '" + p + "' is listed twice");
    if (!is_policy(p))
      throw InputError(at + ": unknown policy '" + p + "'; known: " + known_policies());
  }
}

bool read_flag(const std::string& raw, const std::string& at) {
  if (raw == "true" || raw == "1") return true;
  if (raw == "false" || raw == "0") return false;
  throw InputError(at + ": must be true or false, got '" + raw + "'");
}

std::vector<double> read_positive_sweep(const std::string& raw, const std::string& at) {
  std::vector<double> values = parse_sweep(raw, at);
  for (double x : values) {
    if (x <= 0) throw InputError(at + ": values must be positive");
    if (x > kLargestValue) throw InputError(at + ": values must be at most 1e9");
  }
  return values;
}

std::vector<long> read_integer_sweep(const KeySpec& k, const std::string& raw,
                                     const std::string& at) {
  std::vector<long> values;
  for (double x : parse_sweep(raw, at)) {
    // A lin or log range lands on integers only up to rounding: 1:1000:lin:1000.
    if (std::abs(x - std::round(x)) < 1e-9 * std::max(1.0, std::abs(x))) x = std::round(x);
    if (x != std::floor(x) || x < static_cast<double>(k.minimum) || x > 1e9)
      throw InputError(at + ": values must be integers >= " + std::to_string(k.minimum));
    values.push_back(static_cast<long>(x));
  }
  return values;
}

void read_rates(const std::string& raw, const std::string& at, KeyValue& v) {
  v.random = raw.rfind("random:", 0) == 0;
  for (const auto& r : list(v.random ? raw.substr(7) : raw)) {
    const double x = parse_number(r, at);
    if (x <= 0 || x > kLargestValue) throw InputError(at + ": rates must be in (0, 1e9]");
    v.numbers.push_back(x);
  }
  if (v.numbers.empty()) throw InputError(at + ": no rates given");
}

std::vector<double> read_fractions(const std::string& raw, const std::string& at) {
  std::vector<double> values = parse_sweep(raw, at);
  for (double x : values)
    if (x < 0 || x > 1) throw InputError(at + ": fractions must be in [0, 1]");
  return values;
}

// Range: one value, or two with the low first.
std::vector<double> read_range(const std::string& raw, const std::string& at) {
  std::vector<double> values;
  for (const auto& item : list(raw)) {
    const double x = parse_number(item, at);
    if (x < 0 || x > kLargestValue)
      throw InputError(at + ": values must be in [0, 1e9]" + got(raw));
    values.push_back(x);
  }
  if (values.empty() || values.size() > 2)
    throw InputError(at + ": must be one value or low, high" + got(raw));
  if (values.size() == 1) values.push_back(values.front());
  if (values[0] > values[1]) throw InputError(at + ": the low end comes first" + got(raw));
  return values;
}

} // namespace

KeyValue read_key(const KeySpec& k, const std::string& raw, const std::string& at) {
  KeyValue v;
  switch (k.kind) {
  case K::Text:
    v.text = raw;
    break;
  case K::Names:
    v.items = list(raw);
    break;
  case K::Choice:
    v.choice = read_choice(k, raw, at);
    v.text = raw;
    break;
  case K::Choices:
    read_choices(k, raw, at, v);
    break;
  case K::Policies:
    read_policies(raw, at, v);
    break;
  case K::Fraction:
  case K::UnitInterval:
  case K::Positive:
  case K::NonNegative:
  case K::Real:
    v.number = read_real(k, raw, at);
    break;
  case K::Integer:
    v.integer = read_integer(k, raw, at);
    break;
  case K::Flag:
    v.flag = read_flag(raw, at);
    break;
  case K::PositiveSweep:
    v.numbers = read_positive_sweep(raw, at);
    break;
  case K::IntegerSweep:
    v.integers = read_integer_sweep(k, raw, at);
    break;
  case K::Rates:
    read_rates(raw, at, v);
    break;
  case K::Fractions:
    v.numbers = read_fractions(raw, at);
    break;
  case K::Range:
    v.numbers = read_range(raw, at);
    break;
  }
  return v;
}

namespace {

// A list as a scenario writes it: "a,b,c".
std::string comma_list(const std::vector<std::string>& texts) {
  std::string out;
  for (const auto& t : texts)
    out += (out.empty() ? "" : ",") + t;
  return out;
}

std::string joined_numbers(const std::vector<double>& xs) {
  std::vector<std::string> texts;
  for (double x : xs)
    texts.push_back(fmt::format("{}", x));
  return comma_list(texts);
}

} // namespace

std::string write_key(const KeySpec& k, const KeyValue& v) {
  switch (k.kind) {
  case K::Text:
    return v.text;
  case K::Names:
  case K::Policies:
    return comma_list(v.items);
  case K::Choice:
    return k.choices.at(v.choice);
  case K::Choices: {
    std::vector<std::string> names;
    for (std::size_t c : v.chosen)
      names.push_back(k.choices.at(c));
    return comma_list(names);
  }
  case K::Fraction:
  case K::UnitInterval:
  case K::Positive:
  case K::NonNegative:
  case K::Real:
    return fmt::format("{}", v.number);
  case K::Integer:
    return std::to_string(v.integer);
  case K::Flag:
    return v.flag ? "true" : "false";
  case K::PositiveSweep:
  case K::Fractions:
  case K::Range:
    return joined_numbers(v.numbers);
  case K::IntegerSweep: {
    std::vector<std::string> texts;
    for (long x : v.integers)
      texts.push_back(std::to_string(x));
    return comma_list(texts);
  }
  case K::Rates:
    return v.numbers.empty() ? "" : (v.random ? "random:" : "") + joined_numbers(v.numbers);
  }
  return "";
}

std::string default_text(const KeySpec& spec) {
  if (spec.unset_by_default) return "";
  return write_key(spec, spec.show(Scenario{}));
}

} // namespace muxsim
