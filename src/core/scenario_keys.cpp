// The scenario keys, one line of documentation each, grouped by INI section. `muxsim run`
// lists them when a scenario names an unknown key.
#include "core/scenario.hpp"

#include <map>

namespace muxsim {

const std::vector<std::pair<std::string, std::string>>& scenario_key_docs() {
  static const std::vector<std::pair<std::string, std::string>> keys = {
      {"name", "scenario name written to every results row"},
      {"trace", "decision trace CSV, or reconstruct:table1 / reconstruct:table2"},
      {"profiles", "comma-separated profile CSVs"},
      {"modes", "closed-form, simulated or both (default both)"},
      {"seeds", "seeds; a sweep of integers"},
      {"requests", "requests per run (0: each trace input once)"},

      {"devices.phone_device", "profile device of the phone"},
      {"devices.cloud_device", "profile device of the cloud GPU"},
      {"devices.edge_device", "profile device of the edge server (empty: no edge tier)"},
      {"devices.mux_device", "profile device that runs the multiplexer (default: phone_device)"},
      {"devices.mobile_model", "the phone's model (empty: no local model)"},
      {"devices.cloud_model", "the cloud model of cloud-only and hybrid"},
      {"devices.cloud_models",
       "cloud models multiplexed by hybrid-single/ensemble (default: cloud_model)"},
      {"devices.edge_model", "the edge server's model (edge-only, hybrid-edge)"},
      {"devices.mux_model", "profile row of the multiplexer (default: multiplexer)"},
      {"devices.early_prefix",
       "hybrid-early: profile row of the phone model's first k blocks, on phone_device"},
      {"devices.early_head", "hybrid-early: profile row of the head reading block k"},

      {"policy.policies", "comma-separated policies"},
      {"policy.hybrid_threshold", "binary multiplexer threshold"},
      {"policy.ensemble_threshold", "Algorithm 2 threshold for hybrid-ensemble"},
      {"policy.confidence_threshold",
       "hybrid-confidence: keep local when the phone model's max softmax reaches this"},
      {"policy.accuracy_target",
       "autoscale: a target whose profile accuracy is below this, in (0, 1], is penalised "
       "(default 0.75)"},
      {"policy.score_target",
       "network-aware: the least multiplexer score of a placement, in (0, 1] (default 0.5)"},
      {"policy.qos_ms", "autoscale's latency target; a slower request is penalised (default 100)"},
      {"policy.alpha", "autoscale's learning rate, in [0, 1] (default 0.1)"},
      {"policy.gamma", "autoscale's discount, in [0, 1] (default 0.1)"},
      {"policy.epsilon", "autoscale's exploration rate, in [0, 1] (default 0.1)"},
      {"policy.objective", "network-aware minimises latency or energy (default latency)"},
      {"policy.early_threshold",
       "hybrid-early: finish locally when the early multiplexer's score reaches this"},

      {"network.bandwidth_mbps", "every phone's Wi-Fi rate; a sweep"},
      {"network.phone_rates_mbps",
       "per-phone Wi-Fi rates instead: a list, phone i at entry i mod its length, or "
       "random:LIST drawn with the seed"},
      {"network.channel", "constant, trace or markov"},
      {"network.channel_trace",
       "bandwidth trace file(s), cycled over phones: seconds,bytes_per_second CSV or "
       "seconds<TAB>Mbit/s"},
      {"network.trace_offset_s", "where phone 0 starts in its trace"},
      {"network.trace_stagger_s", "each next phone starts this many seconds later"},
      {"network.trace_loop",
       "true: a trace wraps around at its end; false: it holds its last rate"},
      {"network.min_rate_mbps", "floor for a trace's zero throughput (outage), default 0.1"},
      {"network.markov_good_s", "markov: mean time in the good state (the phone's rate)"},
      {"network.markov_bad_s", "markov: mean time in the bad state"},
      {"network.markov_bad_mbps", "markov: the rate in the bad state"},
      {"network.chunk_bytes",
       "on a varying channel or WAN trace, transfers go in chunks of this size (default 65536)"},
      {"network.wan_mbps", "access point to cloud bandwidth, shared by all cells"},
      {"network.wan_latency_ms", "access point to cloud one-way latency"},
      {"network.wan_trace", "a bandwidth trace the WAN's bandwidth follows"},
      {"network.edge_link_mbps", "access point to edge server bandwidth"},
      {"network.edge_latency_ms", "access point to edge server one-way latency"},
      {"network.tcp_window_bytes",
       "TCP window: a flow runs at most window / (2 x one-way latency), default 4194304"},
      {"network.upload_bytes", "bytes sent per offloaded input"},
      {"network.download_bytes", "bytes of the reply"},

      {"radio.tx_w", "phone radio power while sending"},
      {"radio.rx_w", "phone radio power while receiving"},
      {"radio.idle_w", "phone power while waiting on a server"},

      {"load.cells", "Wi-Fi cells, each behind its own access point; a sweep"},
      {"load.phones", "phones per cell; a sweep of integers"},
      {"load.arrival", "closed (a phone waits for each answer, then thinks) or poisson"},
      {"load.arrival_rate_hz", "poisson: requests per second per phone; a sweep"},
      {"load.think_ms", "closed: pause between one phone's requests"},
      {"load.deadline_ms", "a request answered later than this is a miss (0: none)"},

      {"servers.gpu_workers", "workers of the cloud GPU server"},
      {"servers.edge_workers", "workers of each edge server"},
      {"servers.cells_per_edge", "cells sharing one edge server (1: one at each access point)"},
      {"servers.batch_max", "dynamic batching: largest batch (1: no batching)"},
      {"servers.batch_wait_ms", "dynamic batching: longest wait for a batch to fill"},
      {"servers.batch_slope", "batch latency L(b) = L(1) x (1 + slope x (b - 1))"},
      {"servers.queue_per_model", "true: one FIFO queue per model instead of one per server"},
      {"servers.ensemble_parallel",
       "true: an ensemble's models run in parallel on one GPU and take as long as the slowest"},

      {"reconstruct.inputs", "inputs in a reconstructed trace"},
      {"reconstruct.target_mobile_accuracy", "table1: phone model accuracy (default: profile)"},
      {"reconstruct.target_cloud_accuracy", "table1: cloud model accuracy (default: profile)"},
      {"reconstruct.target_local_fraction", "table1: fraction kept local"},
      {"reconstruct.target_hybrid_accuracy", "table1: hybrid accuracy"},
      {"reconstruct.target_called",
       "table2: fraction of inputs hybrid-single calls each cloud model, in cloud_models order"},
      {"reconstruct.target_single_accuracy", "table2: hybrid-single accuracy"},
      {"reconstruct.target_ensemble_accuracy", "table2: hybrid-ensemble accuracy"},
      {"reconstruct.target_ensemble_gflops", "table2: hybrid-ensemble GFLOPs per input"},
      {"reconstruct.target_ensemble_latency_ms", "table2: hybrid-ensemble latency"},
      {"reconstruct.ensemble_extra", "table2: the model an ensemble adds"},
      {"reconstruct.ensemble_sources", "table2: the two models whose inputs get the extra"},
  };
  return keys;
}

const std::string& scenario_key_domain(const std::string& key) {
  // Checked in read_scenario; "<= 1e9" is kLargestValue in the key's unit.
  static const std::map<std::string, std::string> domains = [] {
    std::map<std::string, std::string> d;
    auto set = [&d](std::initializer_list<const char*> keys, const char* domain) {
      for (const char* k : keys)
        d[k] = domain;
    };
    set({"name"}, "text");
    set({"trace"}, "a regular file, or reconstruct:table1 / reconstruct:table2");
    set({"profiles", "network.channel_trace", "network.wan_trace"}, "regular files");
    set({"modes"}, "closed-form, simulated");
    set({"seeds"}, "integers >= 0; a sweep");
    set({"requests"}, "integer in [0, 1e9], and at most --max-requests");
    set({"policy.policies"}, "at least one known policy");
    set({"policy.hybrid_threshold", "policy.ensemble_threshold", "policy.confidence_threshold",
         "policy.early_threshold", "policy.alpha", "policy.gamma", "policy.epsilon"},
        "[0, 1]");
    set({"policy.accuracy_target", "policy.score_target"}, "(0, 1]");
    set({"policy.qos_ms", "network.wan_mbps", "network.edge_link_mbps", "network.min_rate_mbps",
         "network.markov_good_s", "network.markov_bad_s", "network.markov_bad_mbps"},
        "(0, 1e9]");
    set({"policy.objective"}, "latency, energy");
    set({"network.bandwidth_mbps", "load.arrival_rate_hz"}, "(0, 1e9]; a sweep");
    set({"network.phone_rates_mbps"}, "values in (0, 1e9]");
    set({"network.channel"}, "constant, trace, markov");
    set({"network.trace_offset_s", "network.trace_stagger_s", "network.wan_latency_ms",
         "network.edge_latency_ms", "radio.tx_w", "radio.rx_w", "radio.idle_w", "load.think_ms",
         "load.deadline_ms", "servers.batch_wait_ms", "servers.batch_slope",
         "reconstruct.target_ensemble_gflops", "reconstruct.target_ensemble_latency_ms"},
        "[0, 1e9]");
    set({"network.trace_loop", "servers.queue_per_model", "servers.ensemble_parallel"},
        "true, false");
    set({"network.chunk_bytes", "network.tcp_window_bytes", "servers.cells_per_edge",
         "servers.batch_max", "reconstruct.inputs"},
        "integer in [1, 1e9]");
    set({"servers.gpu_workers", "servers.edge_workers"}, "integer in [1, 10000]");
    set({"network.upload_bytes", "network.download_bytes"}, "integer in [0, 1e9]");
    set({"load.cells", "load.phones"}, "integers >= 1, cells x phones <= 1e5; a sweep");
    set({"load.arrival"}, "closed, poisson");
    set({"reconstruct.target_mobile_accuracy", "reconstruct.target_cloud_accuracy",
         "reconstruct.target_local_fraction", "reconstruct.target_hybrid_accuracy",
         "reconstruct.target_single_accuracy", "reconstruct.target_ensemble_accuracy"},
        "[0, 1]");
    set({"reconstruct.target_called"}, "values in [0, 1], one per cloud model");
    return d;
  }();
  static const std::string model = "a profiled model (or device) name";
  const auto it = domains.find(key);
  return it != domains.end() ? it->second : model;
}

std::vector<std::string> scenario_keys() {
  std::vector<std::string> keys;
  for (const auto& [k, doc] : scenario_key_docs())
    keys.push_back(k);
  return keys;
}

} // namespace muxsim
