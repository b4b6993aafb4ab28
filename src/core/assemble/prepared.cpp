#include "core/assemble/prepared.hpp"
#include "core/assemble/mobility.hpp"
#include "core/config/read_scenario.hpp"

#include "core/model/wifi_timing.hpp"

#include "core/base/input_error.hpp"
#include "core/config/spelling.hpp"
#include "core/formats/csv.hpp"
#include "core/model/reconstruct.hpp"
#include "core/policy/registry.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace muxsim {

namespace {

bool written(const Scenario& s, const std::string& key) {
  return s.key_lines.count(key) > 0 || s.set_on_command_line.count(key) > 0;
}

// The key whose text gave a setting its value: the key itself, or, left unset, the key it
// defaults to. A message about cloud_models must name cloud_model when that is all the user
// wrote, and its line.
std::string source_key(const Scenario& s, const std::string& key) {
  if (key == "devices.cloud_models" && !written(s, key)) return "devices.cloud_model";
  if (key == "devices.mux_device" && !written(s, key)) return "devices.phone_device";
  return key;
}

// "'name'", marked when the user never wrote it (a key's default, such as mux_model's).
std::string quoted_value(const Scenario& s, const std::string& key, const std::string& value) {
  return "'" + value + "'" + (written(s, key) ? "" : " (the default)");
}

std::string with_hint(const std::string& given, const std::vector<std::string>& known) {
  const std::string hint = did_you_mean(closest_names(given, known));
  return hint.empty() ? "" : "; " + hint;
}

std::vector<std::string> profile_devices(const ProfileSet& profiles) {
  std::vector<std::string> devices;
  for (const auto& row : profiles.rows())
    if (std::find(devices.begin(), devices.end(), row.device) == devices.end())
      devices.push_back(row.device);
  return devices;
}

std::vector<std::string> profile_models(const ProfileSet& profiles, const std::string& device) {
  std::vector<std::string> models;
  for (const auto& row : profiles.rows())
    if (row.device == device) models.push_back(row.model);
  return models;
}

// A profile looked up for a model key on a device key. A miss blames the device when no
// profile row has it, else the model, naming the key the user wrote, its line, what the
// profiles know instead and the nearest name.
const ModelProfile& profile_for(const ProfileSet& profiles, const Scenario& s,
                                const std::string& model_key, const std::string& device_key,
                                const std::string& device, const std::string& model) {
  if (profiles.has(device, model)) return profiles.get(device, model);
  const std::vector<std::string> devices = profile_devices(profiles);
  if (std::find(devices.begin(), devices.end(), device) == devices.end()) {
    const std::string key = source_key(s, device_key);
    throw InputError(s.at(key) + ": unknown device " + quoted_value(s, key, device) +
                     "; the profiles have devices: " +
                     (devices.empty() ? "(none)" : join(devices)) + with_hint(device, devices));
  }
  const std::string key = source_key(s, model_key);
  const std::vector<std::string> models = profile_models(profiles, device);
  throw InputError(s.at(key) + ": unknown model " + quoted_value(s, key, model) + " on device '" +
                   device + "'; known: " + join(models) + with_hint(model, models));
}

// A model's column in the trace; a miss names the key the user wrote and the nearest model.
int trace_model(const DecisionTrace& trace, const Scenario& s, const std::string& model_key,
                const std::string& model) {
  const int i = trace.model_index(model);
  if (i >= 0) return i;
  const std::string key = source_key(s, model_key);
  throw InputError(s.at(key) + ": unknown model '" + model +
                   "'; the trace has: " + join(trace.models) + with_hint(model, trace.models));
}

// Table II: the published called fractions and accuracies, and the ensemble extras that
// reproduce the published ensemble's FLOPs and latency over Eq. 14's hybrid-single figures.
DecisionTrace reconstruct_table2(const Scenario& s, const ProfileSet& profiles) {
  MultiplexedMarginals m;
  m.models = s.cloud_models;
  m.called = s.reconstruct.target_called;
  m.single_accuracy = s.reconstruct.target_single_accuracy;
  m.inputs = s.reconstruct.inputs;
  if (m.called.size() != m.models.size() || m.single_accuracy <= 0)
    throw InputError(s.at("reconstruct.target_called") +
                     ": reconstruct:table2 needs one called fraction per cloud model and "
                     "target_single_accuracy");
  std::vector<double> gflops, latency;
  double single_gflops = 0, single_latency = 0;
  for (std::size_t i = 0; i < m.models.size(); ++i) {
    const auto& p = profile_for(profiles, s, "devices.cloud_models", "devices.cloud_device",
                                s.cloud_device, m.models[i]);
    m.accuracy.push_back(p.accuracy);
    gflops.push_back(p.gflops);
    latency.push_back(p.latency_ms);
    single_gflops += m.called[i] * p.gflops; // Eq. 14
    single_latency += m.called[i] * p.latency_ms;
  }
  if (s.reconstruct.ensemble_extra.empty()) return reconstruct_multiplexed(m, kReconstructSeed);
  const auto& mux = profile_for(profiles, s, "devices.mux_model", "devices.mux_device",
                                s.mux_device, s.mux_model);
  auto index_of = [&](const std::string& model) {
    for (std::size_t i = 0; i < m.models.size(); ++i)
      if (m.models[i] == model) return static_cast<int>(i);
    throw InputError(s.at("reconstruct.ensemble_extra") + ": '" + model +
                     "' is not one of cloud_models");
  };
  if (s.reconstruct.ensemble_sources.size() != 2)
    throw InputError(s.at("reconstruct.ensemble_sources") + ": give exactly two models");
  EnsembleTargets t;
  t.delta_gflops = s.reconstruct.target_ensemble_gflops - (single_gflops + mux.gflops);
  t.delta_latency_ms = s.reconstruct.target_ensemble_latency_ms - (single_latency + mux.latency_ms);
  t.extra = index_of(s.reconstruct.ensemble_extra);
  t.source_a = index_of(s.reconstruct.ensemble_sources[0]);
  t.source_b = index_of(s.reconstruct.ensemble_sources[1]);
  m.extra_model = t.extra;
  m.extra_inputs = solve_ensemble_extras(t, gflops, latency, m.inputs);
  m.flips =
      std::lround((s.reconstruct.target_ensemble_accuracy - s.reconstruct.target_single_accuracy) *
                  static_cast<double>(m.inputs));
  return reconstruct_multiplexed(m, kReconstructSeed);
}

// The paper's tables a trace can be reconstructed to (docs/paper.md).
enum class Reconstruction { Table1, Table2 };

// The trace key's reconstruction, read once from its text.
Reconstruction reconstruction_named(const Scenario& s, const std::string& source) {
  if (source == "reconstruct:table1") return Reconstruction::Table1;
  if (source == "reconstruct:table2") return Reconstruction::Table2;
  throw InputError(s.at("trace") + ": unknown reconstruction '" + source +
                   "'; known: reconstruct:table1, reconstruct:table2");
}

DecisionTrace reconstruct_trace(const Scenario& s, Reconstruction table,
                                const ProfileSet& profiles) {
  if (table == Reconstruction::Table1) {
    if (s.mobile_model.empty())
      throw InputError(s.at("trace") + ": reconstruct:table1 needs mobile_model");
    BinaryMarginals m;
    m.mobile = s.mobile_model;
    m.cloud = s.cloud_model;
    m.inputs = s.reconstruct.inputs;
    m.mobile_accuracy = s.reconstruct.target_mobile_accuracy > 0
                            ? s.reconstruct.target_mobile_accuracy
                            : profile_for(profiles, s, "devices.mobile_model",
                                          "devices.phone_device", s.phone_device, s.mobile_model)
                                  .accuracy;
    m.cloud_accuracy = s.reconstruct.target_cloud_accuracy > 0
                           ? s.reconstruct.target_cloud_accuracy
                           : profile_for(profiles, s, "devices.cloud_model", "devices.cloud_device",
                                         s.cloud_device, s.cloud_model)
                                 .accuracy;
    m.local_fraction = s.reconstruct.target_local_fraction;
    m.hybrid_accuracy = s.reconstruct.target_hybrid_accuracy;
    return reconstruct_binary(m, kReconstructSeed);
  }
  return reconstruct_table2(s, profiles);
}

DecisionTrace load_trace(const Scenario& s, const std::string& source, const ProfileSet& profiles) {
  if (source.rfind("reconstruct:", 0) == 0) {
    const Reconstruction table = reconstruction_named(s, source);
    try {
      return reconstruct_trace(s, table, profiles);
    } catch (const InputError& e) {
      // The solvers name the targets that conflict, not where the scenario set them.
      const std::string message = e.what();
      if (message.rfind("reconstruct:", 0) != 0) throw;
      throw InputError(s.at("trace") + ": the [reconstruct] targets: " + message);
    }
  }
  const std::string path = resolve_path(s, source);
  if (!std::filesystem::exists(path))
    throw InputError(s.at("trace") + ": no trace at " + path +
                     " (a built trace? see the scenario's comments)");
  return read_trace(path);
}

// hybrid-early's two costs: before the decision, the prefix and the head; after it, when the
// input stays local, the phone model less its prefix, which must not cost more than it.
void set_early_costs(Deployment& d, const ProfileSet& profiles, const Scenario& s) {
  const std::string given = s.early_prefix.empty() ? "devices.early_head" : "devices.early_prefix";
  const std::string missing = s.early_prefix.empty() ? "early_prefix"
                              : s.early_head.empty() ? "early_head"
                                                     : "mobile_model";
  if (s.early_prefix.empty() || s.early_head.empty() || s.mobile_model.empty())
    throw InputError(s.at(given) +
                     ": an early multiplexer needs early_prefix, early_head and "
                     "mobile_model under [devices]; " +
                     missing + " is missing");
  const auto& prefix = profile_for(profiles, s, "devices.early_prefix", "devices.phone_device",
                                   s.phone_device, s.early_prefix);
  const auto& head = profile_for(profiles, s, "devices.early_head", "devices.phone_device",
                                 s.phone_device, s.early_head);
  const auto& whole = d.mobile_profile;
  if (prefix.gflops > whole.gflops || prefix.latency_ms > whole.latency_ms ||
      prefix.energy_mj > whole.energy_mj)
    throw InputError(s.at("devices.early_prefix") + ": '" + s.early_prefix +
                     "' costs more than the phone model '" + s.mobile_model + "' it is part of");
  d.early_decision = prefix;
  d.early_decision.gflops += head.gflops;
  d.early_decision.latency_ms += head.latency_ms;
  d.early_decision.energy_mj += head.energy_mj;
  d.early_rest = whole;
  d.early_rest.gflops -= prefix.gflops;
  d.early_rest.latency_ms -= prefix.latency_ms;
  d.early_rest.energy_mj -= prefix.energy_mj;
  d.has_early = true;
}

// The models each tier runs, with their trace columns and profiles (Eq. 9-14's inputs).
void assemble_deployment(Prepared& p) {
  const Scenario& s = p.scenario;
  Deployment& d = p.deployment;
  d.trace = &p.trace;
  if (!s.mobile_model.empty()) {
    d.mobile = trace_model(p.trace, s, "devices.mobile_model", s.mobile_model);
    d.mobile_profile = profile_for(p.profiles, s, "devices.mobile_model", "devices.phone_device",
                                   s.phone_device, s.mobile_model);
  }
  if (p.trace.models.size() > 64)
    throw InputError(s.at("trace") + ": a trace may hold at most 64 models");
  if (s.cloud_models.size() > SlotList::kCapacity)
    throw InputError(s.at("devices.cloud_models") + ": at most 16 cloud models");
  for (const auto& m : s.cloud_models)
    d.cloud.push_back({trace_model(p.trace, s, "devices.cloud_models", m),
                       profile_for(p.profiles, s, "devices.cloud_models", "devices.cloud_device",
                                   s.cloud_device, m)});
  for (std::size_t i = 0; i < s.cloud_models.size(); ++i)
    if (s.cloud_models[i] == s.cloud_model) d.cloud_default = static_cast<int>(i);
  if (d.cloud_default < 0)
    throw InputError(s.at("devices.cloud_model") + ": '" + s.cloud_model +
                     "' must be one of cloud_models");
  if (!s.edge_device.empty() || !s.edge_model.empty()) {
    if (s.edge_device.empty() || s.edge_model.empty())
      throw InputError(s.at(s.edge_device.empty() ? "devices.edge_model" : "devices.edge_device") +
                       ": an edge tier needs both edge_device and edge_model under [devices]");
    d.edge = trace_model(p.trace, s, "devices.edge_model", s.edge_model);
    d.edge_profile = profile_for(p.profiles, s, "devices.edge_model", "devices.edge_device",
                                 s.edge_device, s.edge_model);
  }
  d.mux = profile_for(p.profiles, s, "devices.mux_model", "devices.mux_device", s.mux_device,
                      s.mux_model);
  d.mux_on_phone = s.mux_device == s.phone_device;
  if (!s.early_prefix.empty() || !s.early_head.empty()) set_early_costs(d, p.profiles, s);
  if (!d.mux_on_phone && s.mux_device != s.cloud_device)
    throw InputError(s.at("devices.mux_device") +
                     ": the multiplexer runs on the phone_device or the cloud_device");
  d.ensemble_parallel = s.servers.ensemble_parallel;
  d.radio = s.radio;
  d.upload_bytes = s.network.upload_bytes;
  d.download_bytes = s.network.download_bytes;
}

// Every policy named can run on this deployment: refused before any run starts.
void check_policies(const Scenario& s, const Deployment& d) {
  for (const auto& name : s.policies)
    check_policy(s, name, d);
}

// The channel's and the WAN's traces, and the Wi-Fi rates results report.
void read_network_traces(Prepared& p) {
  const Scenario& s = p.scenario;
  for (const auto& path : s.network.channel.traces)
    p.channel_traces.push_back(read_bandwidth_trace(path, s.network.trace_unit));
  if (!s.network.wan_trace.empty())
    p.wan_trace = read_bandwidth_trace(s.network.wan_trace, s.network.trace_unit);
  p.bandwidth_mbps = s.network.bandwidth_mbps;
  // With a trace channel and no bandwidth given, results report the traces' mean rate.
  if (!p.channel_traces.empty() && s.network.channel.kind == ChannelKind::Trace &&
      !s.key_lines.count("network.bandwidth_mbps")) {
    double sum = 0;
    for (const auto& t : p.channel_traces)
      sum += t.mean_mbps();
    p.bandwidth_mbps = {sum / static_cast<double>(p.channel_traces.size())};
  }
  if (!s.network.channel.phone_rates_mbps.empty()) {
    double sum = 0;
    for (double r : s.network.channel.phone_rates_mbps)
      sum += r;
    p.bandwidth_mbps = {sum / static_cast<double>(s.network.channel.phone_rates_mbps.size())};
  }
}

} // namespace

long Prepared::request_count() const {
  return scenario.requests > 0 ? scenario.requests : static_cast<long>(trace.inputs.size());
}

ClosedFormLinks Prepared::links(double wifi_mbps) const {
  // A phone alone in its cell: an 802.11 PHY rate moves its lone-station goodput, or a
  // transfer short enough for one A-MPDU goes as one exchange.
  const std::optional<wifi::Phy> phy = wifi_phy(scenario.network);
  if (!phy) return links_at_goodput(wifi_mbps, wifi_mbps);
  const NetworkConfig& n = scenario.network;
  return links_at_goodput(
      wifi::transfer_goodput_mbps(*phy, wifi_mbps, std::round(n.upload_bytes)),
      wifi::transfer_goodput_mbps(*phy, wifi_mbps, std::round(n.download_bytes)));
}

ClosedFormLinks Prepared::links_at_goodput(double upload_mbps, double download_mbps) const {
  const NetworkConfig& n = scenario.network;
  ClosedFormLinks links;
  links.cloud = {upload_mbps, download_mbps, n.wan_mbps, n.wan_latency_ms, n.tcp_window_bytes};
  links.edge = {upload_mbps, download_mbps, n.edge_link_mbps, n.edge_latency_ms,
                n.tcp_window_bytes};
  if (scenario.servers.batch_max > 1) links.batch_wait_ms = scenario.servers.batch_wait_ms;
  if (n.link == AccessLink::Lte) links.cloud.access_ms = links.edge.access_ms = n.lte_grant_ms;
  return links;
}

std::unique_ptr<Prepared> prepare(const std::string& scenario_path,
                                  const std::string& trace_override,
                                  const std::vector<std::string>& settings, IdleKeys idle) {
  auto p = std::make_unique<Prepared>();
  p->scenario = read_scenario(scenario_path, settings, idle);
  const Scenario& s = p->scenario;
  p->trace_source =
      trace_override.empty() ? s.trace : std::filesystem::absolute(trace_override).string();
  for (const auto& file : s.profiles)
    p->profiles.load(resolve_path(s, file));
  p->trace = load_trace(s, p->trace_source, p->profiles);
  assemble_deployment(*p);
  check_policies(s, p->deployment);
  read_network_traces(*p);
  read_mobility(*p);
  return p;
}

} // namespace muxsim
