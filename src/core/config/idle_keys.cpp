#include "core/config/idle_keys.hpp"

#include "core/base/input_error.hpp"
#include "core/policy/registry.hpp"

#include <algorithm>
#include <vector>

namespace muxsim {

namespace {

// Keys that count only when `counts` holds; `why` says when they do.
struct IdleRule {
  std::vector<const char*> keys;
  bool counts;
  const char* why;
};

bool runs(const Scenario& s, const std::vector<const char*>& policies) {
  return std::any_of(s.policies.begin(), s.policies.end(), [&](const std::string& p) {
    // One handed every [policy] parameter (external, docs/external-policy.md) reads them all.
    return policy_reads_every_parameter(p) ||
           std::find(policies.begin(), policies.end(), p) != policies.end();
  });
}

// [mobility]'s keys, and those it makes idle.
std::vector<IdleRule> mobility_rules(const Scenario& s) {
  const bool placed = !s.mobility.access_points.empty();
  const MobilityModel walking = s.mobility.model;
  return {
      {{"network.bandwidth_mbps", "network.phone_rates_mbps", "network.channel", "load.cells"},
       !placed,
       "with [mobility] each phone's rate comes from its distance to an access point, and the "
       "cells are the access points"},
      {{"mobility.phone_positions", "mobility.area_m", "mobility.model", "mobility.speed_mps",
        "mobility.pause_s", "mobility.walks", "mobility.handover_rssi_dbm",
        "mobility.handover_margin_db", "mobility.handover_gap_ms", "propagation.path_loss_exponent",
        "propagation.reference_loss_db", "propagation.reference_distance_m",
        "propagation.tx_power_dbm", "propagation.noise_figure_db", "propagation.min_rssi_dbm",
        "propagation.rate_table"},
       placed,
       "phones are placed only when [mobility] lists access_points"},
      {{"mobility.speed_mps", "mobility.pause_s"},
       walking == MobilityModel::Waypoint,
       "only random waypoint walks read it (model = waypoint)"},
      {{"mobility.walks"}, walking == MobilityModel::Trace, "only model = trace reads it"},
      {{"mobility.phone_positions"},
       walking != MobilityModel::Trace,
       "with model = trace each phone starts where its walk does"},
      {{"mobility.handover_rssi_dbm", "mobility.handover_margin_db", "mobility.handover_gap_ms"},
       walking != MobilityModel::Static,
       "a static phone never roams (model = static)"},
  };
}

// The 802.11 PHY's keys: each needs PHY rates, and the A-MPDU ones a PHY that aggregates.
std::vector<IdleRule> wifi_rules(const Scenario& s) {
  const bool wifi = s.network.link == AccessLink::Wifi;
  return {
      {{"network.wifi_standard", "network.wifi_aggregation", "network.wifi_channel_mhz",
        "network.wifi_streams", "network.wifi_guard_ns", "network.wifi_ampdu_bytes",
        "network.wifi_block_ack_frames", "network.wifi_ofdma", "propagation.path_loss_exponent",
        "propagation.reference_loss_db", "propagation.reference_distance_m",
        "propagation.tx_power_dbm", "propagation.noise_figure_db", "propagation.min_rssi_dbm",
        "propagation.rate_table"},
       wifi,
       "an LTE cell has no 802.11 PHY, and its radio is LENA's (link = lte; docs/lte.md)"},
      {{"network.lte_resource_blocks", "network.lte_grant_ms"},
       !wifi,
       "only an LTE cell reads it (link = lte)"},
      {{"network.wifi_aggregation"},
       s.network.wifi_standard >= WifiStandard::N80211,
       "A-MPDU aggregation is 802.11n's, ac's and ax's (wifi_standard = 802.11n, ac or ax)"},
      {{"network.wifi_channel_mhz", "network.wifi_streams", "network.wifi_guard_ns"},
       s.network.wifi_standard != WifiStandard::None,
       "a PHY setting needs PHY rates (wifi_standard = 802.11g, n, ac or ax)"},
      {{"network.wifi_ampdu_bytes", "network.wifi_block_ack_frames"},
       s.network.wifi_standard >= WifiStandard::N80211 && s.network.wifi_aggregation,
       "only stations that aggregate read it (wifi_standard = 802.11n with wifi_aggregation, "
       "ac or ax)"},
      {{"network.wifi_ofdma"},
       s.network.wifi_standard == WifiStandard::AX80211,
       "OFDMA is 802.11ax's (wifi_standard = 802.11ax)"},
  };
}

std::vector<IdleRule> idle_rules(const Scenario& s) {
  const ChannelKind channel = s.network.channel.kind;
  const bool traced = channel == ChannelKind::Trace;
  const bool varies = channel != ChannelKind::Constant || !s.network.wan_trace.empty();
  const bool reconstructed = s.trace.rfind("reconstruct:", 0) == 0;
  // Phones that walk change rate inside transfers, which then go in chunks too.
  const bool walks = !s.mobility.access_points.empty() && s.mobility.model != MobilityModel::Static;
  return {
      {{"load.arrival_rate_hz"},
       s.load.arrival == Arrival::Poisson,
       "a rate needs arrival = poisson"},
      {{"network.channel_trace", "network.trace_offset_s", "network.trace_stagger_s",
        "network.min_rate_mbps"},
       traced,
       "only a trace channel reads it (channel = trace)"},
      {{"network.trace_loop"},
       traced || !s.network.wan_trace.empty(),
       "only a trace channel (channel = trace) or a wan_trace reads it"},
      {{"network.bandwidth_mbps", "network.phone_rates_mbps"},
       !traced,
       "with channel = trace each phone's rate comes from channel_trace"},
      {{"network.trace_unit"},
       traced || !s.network.wan_trace.empty(),
       "it is the unit of channel_trace and wan_trace, and neither is set"},
      {{"network.markov_good_s", "network.markov_bad_s", "network.markov_bad_mbps"},
       channel == ChannelKind::Markov,
       "only a Markov channel reads it (channel = markov)"},
      {{"network.chunk_bytes"},
       varies || walks,
       "transfers go in chunks only on a varying channel (trace or markov), with wan_trace, "
       "or for phones that walk"},
      {{"load.think_ms"},
       s.load.arrival == Arrival::Closed,
       "Poisson arrivals do not wait for answers, so there is nothing to think after"},
      {{"servers.edge_workers", "servers.cells_per_edge", "network.edge_link_mbps",
        "network.edge_latency_ms", "devices.edge_model"},
       !s.edge_device.empty(),
       "there is no edge tier without [devices] edge_device"},
      {{"servers.batch_wait_ms", "servers.batch_slope"},
       s.servers.batch_max > 1,
       "batching is off (servers.batch_max = 1)"},
      {{"reconstruct.inputs", "reconstruct.target_mobile_accuracy",
        "reconstruct.target_cloud_accuracy", "reconstruct.target_local_fraction",
        "reconstruct.target_hybrid_accuracy", "reconstruct.target_called",
        "reconstruct.target_single_accuracy", "reconstruct.target_ensemble_accuracy",
        "reconstruct.target_ensemble_gflops", "reconstruct.target_ensemble_latency_ms",
        "reconstruct.ensemble_extra", "reconstruct.ensemble_sources"},
       reconstructed,
       "only trace = reconstruct:table1 or reconstruct:table2 reads [reconstruct]"},
      {{"policy.external_command", "policy.external_timeout_s"},
       runs(s, {}),
       "no external policy runs (policies = external)"},
      {{"policy.hybrid_threshold"},
       runs(s, {"hybrid", "hybrid-edge", "hybrid-single", "random-offload"}),
       "only hybrid, hybrid-edge, hybrid-single and random-offload read it, and none runs"},
      {{"policy.confidence_threshold"},
       runs(s, {"hybrid-confidence"}),
       "only hybrid-confidence reads it, and it does not run"},
      {{"policy.ensemble_threshold"},
       runs(s, {"hybrid-ensemble"}),
       "only hybrid-ensemble reads it, and it does not run"},
      {{"policy.early_threshold"},
       runs(s, {"hybrid-early"}),
       "only hybrid-early reads it, and it does not run"},
      {{"policy.accuracy_target", "policy.qos_ms", "policy.alpha", "policy.gamma",
        "policy.epsilon"},
       runs(s, {"autoscale"}),
       "only autoscale reads it, and it does not run"},
      {{"policy.score_target", "policy.objective"},
       runs(s, {"network-aware"}),
       "only network-aware reads it, and it does not run"},
  };
}

} // namespace

std::vector<IdleKey> idle_keys(const Scenario& s) {
  std::vector<IdleKey> idle;
  std::vector<IdleRule> rules = mobility_rules(s);
  for (auto* more : {&wifi_rules, &idle_rules})
    for (IdleRule& rule : more(s))
      rules.push_back(std::move(rule));
  for (const IdleRule& rule : rules) {
    if (rule.counts) continue;
    for (const char* key : rule.keys)
      if (s.key_lines.count(key) || s.set_on_command_line.count(key))
        idle.push_back({key, rule.why});
  }
  return idle;
}

namespace {

[[noreturn]] void refuse(const Scenario& s, const IdleKey& k) {
  throw InputError(s.at(k.key) + ": does nothing here: " + k.why +
                   "; drop it or set what it needs");
}

} // namespace

void refuse_idle_keys(const Scenario& s) {
  const std::vector<IdleKey> idle = idle_keys(s);
  if (!idle.empty()) refuse(s, idle.front());
}

void refuse_keys_idle_everywhere(const std::vector<const Scenario*>& sweep) {
  if (sweep.empty()) return;
  for (const IdleKey& k : idle_keys(*sweep.front())) {
    const bool everywhere = std::all_of(sweep.begin() + 1, sweep.end(), [&](const Scenario* s) {
      const auto idle = idle_keys(*s);
      return std::any_of(idle.begin(), idle.end(),
                         [&](const IdleKey& i) { return i.key == k.key; });
    });
    if (everywhere) refuse(*sweep.front(), k);
  }
}

} // namespace muxsim
