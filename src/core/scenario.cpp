#include "core/scenario.hpp"

#include "core/csv.hpp"
#include "core/input_error.hpp"
#include "core/sweep.hpp"

#include <boost/program_options.hpp>

#include <cmath>
#include <filesystem>
#include <fstream>

namespace po = boost::program_options;

namespace muxsim {

namespace {

const std::vector<std::pair<std::string, std::string>>& key_docs() {
  static const std::vector<std::pair<std::string, std::string>> keys = {
      {"name", "scenario name written to every results row"},
      {"trace", "decision trace CSV, or reconstruct:table1 / reconstruct:table2"},
      {"profiles", "comma-separated profile CSVs"},
      {"phone_device", "profile device of the phone"},
      {"cloud_device", "profile device of the cloud GPU"},
      {"mux_device", "profile device that runs the multiplexer (default: phone_device)"},
      {"mobile_model", "the phone's model (empty: no local model)"},
      {"cloud_model", "the cloud model of cloud-only and hybrid"},
      {"cloud_models", "cloud models multiplexed by hybrid-single/ensemble (default: cloud_model)"},
      {"mux_model", "profile row of the multiplexer (default: multiplexer)"},
      {"policies", "comma-separated policies"},
      {"modes", "closed-form, simulated or both (default both)"},
      {"bandwidth_mbps", "Wi-Fi rate; a sweep"},
      {"phones", "phones in the cell; a sweep of integers"},
      {"seeds", "seeds; a sweep of integers"},
      {"wan_mbps", "access point to cloud bandwidth"},
      {"wan_latency_ms", "access point to cloud one-way latency"},
      {"upload_bytes", "bytes sent per offloaded input"},
      {"download_bytes", "bytes of the reply"},
      {"radio_tx_w", "phone radio power while sending"},
      {"radio_rx_w", "phone radio power while receiving"},
      {"radio_idle_w", "phone power while waiting on the cloud"},
      {"gpu_workers", "cloud GPU workers serving the FIFO queue"},
      {"think_ms", "pause between one phone's requests"},
      {"requests", "requests per run (0: each trace input once)"},
      {"hybrid_threshold", "binary multiplexer threshold"},
      {"ensemble_threshold", "Algorithm 2 threshold for hybrid-ensemble"},
      {"confidence_threshold", "hybrid-confidence: keep local when the phone model's max "
                               "softmax reaches this"},
      {"reconstruct_inputs", "inputs in a reconstructed trace"},
      {"target_mobile_accuracy", "reconstruct:table1, phone model accuracy (default: profile)"},
      {"target_cloud_accuracy", "reconstruct:table1, cloud model accuracy (default: profile)"},
      {"target_local_fraction", "reconstruct:table1, fraction kept local"},
      {"target_hybrid_accuracy", "reconstruct:table1, hybrid accuracy"},
      {"reconstruct_mux_error", "reconstruct:table2, assumed multiplexer error rate"},
  };
  return keys;
}

// Boost.Program_options does not report lines, so find where each key is set.
std::map<std::string, int> scan_key_lines(const std::string& path) {
  std::map<std::string, int> lines;
  std::ifstream in(path);
  std::string raw;
  for (int n = 1; std::getline(in, raw); ++n) {
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';' || line[0] == '[') continue;
    const auto eq = line.find('=');
    if (eq != std::string::npos) lines.emplace(trim(line.substr(0, eq)), n);
  }
  return lines;
}

std::vector<std::string> list(const std::string& text) {
  std::vector<std::string> items;
  for (const auto& item : split(text, ','))
    if (!trim(item).empty()) items.push_back(trim(item));
  return items;
}

} // namespace

std::vector<std::string> scenario_keys() {
  std::vector<std::string> keys;
  for (const auto& [k, doc] : key_docs())
    keys.push_back(k);
  return keys;
}

std::string Scenario::at(const std::string& key) const {
  const auto it = key_lines.find(key);
  return where(path, it == key_lines.end() ? 0 : it->second, key);
}

std::string resolve_path(const Scenario& s, const std::string& relative) {
  const std::filesystem::path p(relative);
  if (p.is_absolute()) return relative;
  return (std::filesystem::path(s.path).parent_path() / p).lexically_normal().string();
}

std::vector<RunPoint> Scenario::run_points() const {
  std::vector<RunPoint> points;
  for (double bw : bandwidth_mbps)
    for (long n : phones)
      for (long seed : seeds)
        points.push_back({bw, n, seed});
  return points;
}

Scenario read_scenario(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw InputError(path + ": cannot open file");
  po::options_description desc;
  for (const auto& [k, doc] : key_docs())
    desc.add_options()(k.c_str(), po::value<std::string>(), doc.c_str());
  po::variables_map vm;
  Scenario s;
  s.path = path;
  s.key_lines = scan_key_lines(path);
  try {
    std::ifstream in(path);
    const auto parsed = po::parse_config_file(in, desc, true);
    for (const auto& opt : parsed.options) {
      if (!opt.unregistered) continue;
      throw InputError(s.at(opt.string_key) +
                       ": unknown key; known keys: " + join(scenario_keys()));
    }
    po::store(parsed, vm);
  } catch (const po::error& e) {
    throw InputError(path + ": " + e.what());
  }
  auto text = [&](const std::string& key, const std::string& fallback) {
    return vm.count(key) ? trim(vm[key].as<std::string>()) : fallback;
  };
  auto number = [&](const std::string& key, double fallback) {
    return vm.count(key) ? parse_number(vm[key].as<std::string>(), s.at(key)) : fallback;
  };
  auto non_negative = [&](const std::string& key, double fallback) {
    const double v = number(key, fallback);
    if (v < 0) throw InputError(s.at(key) + ": must not be negative, got " + text(key, ""));
    return v;
  };
  auto sweep = [&](const std::string& key, const std::string& fallback) {
    return parse_sweep(text(key, fallback), s.at(key));
  };
  auto integers = [&](const std::string& key, const std::string& fallback, long minimum) {
    std::vector<long> out;
    for (double v : sweep(key, fallback)) {
      if (v != std::floor(v) || v < static_cast<double>(minimum))
        throw InputError(s.at(key) + ": values must be integers >= " + std::to_string(minimum));
      out.push_back(static_cast<long>(v));
    }
    return out;
  };
  auto required = [&](const std::string& key) {
    const std::string v = text(key, "");
    if (v.empty()) throw InputError(path + ": field '" + key + "': required key is missing");
    return v;
  };

  s.name = text("name", std::filesystem::path(path).stem().string());
  s.trace = required("trace");
  s.profiles = list(required("profiles"));
  s.phone_device = required("phone_device");
  s.cloud_device = required("cloud_device");
  s.mux_device = text("mux_device", s.phone_device);
  s.mobile_model = text("mobile_model", "");
  s.cloud_model = required("cloud_model");
  s.cloud_models = list(text("cloud_models", s.cloud_model));
  s.mux_model = text("mux_model", "multiplexer");
  s.policies = list(required("policies"));
  s.modes = list(text("modes", "closed-form,simulated"));
  for (const auto& m : s.modes)
    if (m != "closed-form" && m != "simulated")
      throw InputError(s.at("modes") + ": '" + m + "' is not closed-form or simulated");
  s.bandwidth_mbps = sweep("bandwidth_mbps", "100");
  for (double bw : s.bandwidth_mbps)
    if (bw <= 0) throw InputError(s.at("bandwidth_mbps") + ": bandwidth must be positive");
  s.phones = integers("phones", "1", 1);
  s.seeds = integers("seeds", "1", 0);
  s.wan_mbps = number("wan_mbps", 10000);
  if (s.wan_mbps <= 0) throw InputError(s.at("wan_mbps") + ": bandwidth must be positive");
  s.wan_latency_ms = non_negative("wan_latency_ms", 0);
  s.upload_bytes = non_negative("upload_bytes", 0);
  s.download_bytes = non_negative("download_bytes", 0);
  s.radio = {non_negative("radio_tx_w", 0), non_negative("radio_rx_w", 0),
             non_negative("radio_idle_w", 0)};
  s.gpu_workers = static_cast<long>(non_negative("gpu_workers", 1));
  if (s.gpu_workers < 1) throw InputError(s.at("gpu_workers") + ": at least one worker");
  s.think_ms = non_negative("think_ms", 0);
  s.requests = static_cast<long>(non_negative("requests", 0));
  s.params.hybrid_threshold = number("hybrid_threshold", 0.5);
  s.params.ensemble_threshold = number("ensemble_threshold", 0.288);
  s.params.confidence_threshold = number("confidence_threshold", 0.5);
  s.reconstruct_inputs = static_cast<long>(non_negative("reconstruct_inputs", 10000));
  s.target_mobile_accuracy = non_negative("target_mobile_accuracy", 0);
  s.target_cloud_accuracy = non_negative("target_cloud_accuracy", 0);
  s.target_local_fraction = non_negative("target_local_fraction", 0);
  s.target_hybrid_accuracy = non_negative("target_hybrid_accuracy", 0);
  s.reconstruct_mux_error = non_negative("reconstruct_mux_error", 0);
  for (const auto& p : s.policies) {
    bool known = false;
    for (const auto& n : policy_names())
      known |= (n == p);
    if (!known) {
      throw InputError(s.at("policies") + ": unknown policy '" + p +
                       "'; known: " + join(policy_names()));
    }
  }
  return s;
}

} // namespace muxsim
