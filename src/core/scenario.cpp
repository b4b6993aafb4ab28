#include "core/scenario.hpp"

#include "core/csv.hpp"
#include "core/input_error.hpp"
#include "core/limits.hpp"
#include "core/sweep.hpp"

#include <boost/program_options.hpp>

#include <algorithm>

#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>

namespace po = boost::program_options;

namespace muxsim {

namespace {

// Boost.Program_options does not report lines, so find where each "section.key" is set.
// Reads a scenario's text for Boost's INI parser, checking what that parser would reject
// without a line number: a UTF-8 byte-order mark is dropped, `;` comment lines are blanked
// (Boost knows only `#`), and a malformed section header, a line without `=` or a key set
// twice is refused naming its line. Records the line of every key.
struct ScannedScenario {
  std::map<std::string, int> key_lines;
  std::string text;
};

ScannedScenario scan_scenario(const std::string& path) {
  ScannedScenario out;
  std::ifstream in(path, std::ios::binary);
  std::string raw, section;
  for (int n = 1; std::getline(in, raw); ++n) {
    if (n == 1 && raw.rfind("\xEF\xBB\xBF", 0) == 0) raw.erase(0, 3);
    const std::string line = trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') {
      out.text += "\n";
      continue;
    }
    out.text += line + "\n";
    if (line[0] == '[') {
      if (line.back() != ']' || line.size() < 3)
        throw InputError(where(path, n, line) + ": a section header must be [name]");
      section = trim(line.substr(1, line.size() - 2));
      continue;
    }
    const auto eq = line.find('=');
    if (eq == std::string::npos) throw InputError(where(path, n, line) + ": expected key = value");
    const std::string key = trim(line.substr(0, eq));
    const std::string full = section.empty() ? key : section + "." + key;
    const auto [at, first] = out.key_lines.emplace(full, n);
    if (!first)
      throw InputError(where(path, n, full) + ": set twice (first on line " +
                       std::to_string(at->second) + ")");
  }
  return out;
}

std::vector<std::string> list(const std::string& text) {
  std::vector<std::string> items;
  for (const auto& item : split(text, ','))
    if (!trim(item).empty()) items.push_back(trim(item));
  return items;
}

// "unknown key" plus, when the same name exists in another section, where it belongs.
std::string unknown_key_message(const std::string& key) {
  const std::string bare = key.substr(key.rfind('.') == std::string::npos ? 0 : key.rfind('.') + 1);
  std::string hint;
  for (const auto& known : scenario_keys()) {
    const auto dot = known.find('.');
    if (dot != std::string::npos && known.substr(dot + 1) == bare)
      hint = " (did you mean '" + bare + "' under [" + known.substr(0, dot) + "]?)";
  }
  return ": unknown key" + hint + "; known keys: " + join(scenario_keys());
}

bool contains(const std::vector<std::string>& items, const std::string& item) {
  for (const auto& i : items)
    if (i == item) return true;
  return false;
}

} // namespace

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
  const std::vector<double> no_rate = {0.0};
  const auto& rates = load.arrival == "poisson" ? load.arrival_rate_hz : no_rate;
  for (double bw : network.bandwidth_mbps)
    for (long cells : load.cells)
      for (long n : load.phones)
        for (double rate : rates)
          for (long seed : seeds)
            points.push_back({bw, n, seed, cells, rate});
  return points;
}

double Scenario::run_count() const {
  const double rates = load.arrival == "poisson" ? load.arrival_rate_hz.size() : 1;
  return static_cast<double>(network.bandwidth_mbps.size()) * load.cells.size() *
         load.phones.size() * rates * seeds.size() * policies.size() * modes.size();
}

void check_run_budget(const Scenario& s, long max_runs) {
  if (s.run_count() <= static_cast<double>(max_runs)) return;
  // Named: the longest sweep, where shortening it helps most.
  const std::pair<const char*, std::size_t> sweeps[] = {
      {"seeds", s.seeds.size()},
      {"network.bandwidth_mbps", s.network.bandwidth_mbps.size()},
      {"load.cells", s.load.cells.size()},
      {"load.phones", s.load.phones.size()},
      {"load.arrival_rate_hz", s.load.arrival_rate_hz.size()}};
  const auto longest = std::max_element(
      sweeps, std::end(sweeps), [](const auto& a, const auto& b) { return a.second < b.second; });
  throw InputError(fmt::format("{}: the sweeps plan {:.4g} runs (points x policies x modes), "
                               "more than the budget of {}; --max-runs raises it",
                               s.at(longest->first), s.run_count(), max_runs));
}

Scenario read_scenario(const std::string& path) {
  if (!std::filesystem::is_regular_file(path)) throw InputError(path + ": cannot open file");
  po::options_description desc;
  for (const auto& [k, doc] : scenario_key_docs())
    desc.add_options()(k.c_str(), po::value<std::string>(), doc.c_str());
  po::variables_map vm;
  Scenario s;
  s.path = path;
  const ScannedScenario scanned = scan_scenario(path);
  s.key_lines = scanned.key_lines;
  try {
    std::istringstream in(scanned.text);
    const auto parsed = po::parse_config_file(in, desc, true);
    for (const auto& opt : parsed.options)
      if (opt.unregistered)
        throw InputError(s.at(opt.string_key) + unknown_key_message(opt.string_key));
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
  auto bounded = [&](const std::string& key, double v) {
    if (v > kLargestValue)
      throw InputError(s.at(key) + ": must be at most 1e9, got " + text(key, ""));
    return v;
  };
  auto non_negative = [&](const std::string& key, double fallback) {
    const double v = number(key, fallback);
    if (v < 0) throw InputError(s.at(key) + ": must not be negative, got " + text(key, ""));
    return bounded(key, v);
  };
  auto positive = [&](const std::string& key, double fallback) {
    const double v = number(key, fallback);
    if (v <= 0) throw InputError(s.at(key) + ": must be positive, got " + text(key, ""));
    return bounded(key, v);
  };
  auto fraction = [&](const std::string& key, double fallback) {
    const double v = number(key, fallback);
    if (v < 0 || v > 1) throw InputError(s.at(key) + ": must be in [0, 1], got " + text(key, ""));
    return v;
  };
  auto whole = [&](const std::string& key, double fallback, long minimum) {
    const double v = number(key, fallback);
    if (v != std::floor(v) || v < static_cast<double>(minimum) || v > 1e9)
      throw InputError(s.at(key) + ": must be an integer >= " + std::to_string(minimum) + ", got " +
                       text(key, ""));
    return static_cast<long>(v);
  };
  auto sweep = [&](const std::string& key, const std::string& fallback) {
    return parse_sweep(text(key, fallback), s.at(key));
  };
  auto positive_sweep = [&](const std::string& key, const std::string& fallback) {
    const auto values = sweep(key, fallback);
    for (double v : values) {
      if (v <= 0) throw InputError(s.at(key) + ": values must be positive");
      if (v > kLargestValue) throw InputError(s.at(key) + ": values must be at most 1e9");
    }
    return values;
  };
  auto integers = [&](const std::string& key, const std::string& fallback, long minimum) {
    std::vector<long> out;
    for (double v : sweep(key, fallback)) {
      // A lin or log range lands on integers only up to rounding: 1:1000:lin:1000.
      if (std::abs(v - std::round(v)) < 1e-9 * std::max(1.0, std::abs(v))) v = std::round(v);
      if (v != std::floor(v) || v < static_cast<double>(minimum) || v > 1e9)
        throw InputError(s.at(key) + ": values must be integers >= " + std::to_string(minimum));
      out.push_back(static_cast<long>(v));
    }
    return out;
  };
  auto flag = [&](const std::string& key, bool fallback) {
    const std::string v = text(key, fallback ? "true" : "false");
    if (v == "true" || v == "1") return true;
    if (v == "false" || v == "0") return false;
    throw InputError(s.at(key) + ": must be true or false, got '" + v + "'");
  };
  auto one_of = [&](const std::string& key, const std::string& fallback,
                    const std::vector<std::string>& allowed) {
    const std::string v = text(key, fallback);
    if (!contains(allowed, v))
      throw InputError(s.at(key) + ": '" + v + "' is not one of " + join(allowed));
    return v;
  };
  auto required = [&](const std::string& key) {
    const std::string v = text(key, "");
    if (v.empty()) throw InputError(path + ": field '" + key + "': required key is missing");
    return v;
  };

  s.name = text("name", std::filesystem::path(path).stem().string());
  s.trace = required("trace");
  s.profiles = list(required("profiles"));
  s.modes = list(text("modes", "closed-form,simulated"));
  for (const auto& m : s.modes)
    if (m != "closed-form" && m != "simulated")
      throw InputError(s.at("modes") + ": '" + m + "' is not closed-form or simulated");
  s.seeds = integers("seeds", "1", 0);
  s.requests = whole("requests", 0, 0);

  s.phone_device = required("devices.phone_device");
  s.cloud_device = required("devices.cloud_device");
  s.edge_device = text("devices.edge_device", "");
  s.mux_device = text("devices.mux_device", s.phone_device);
  s.mobile_model = text("devices.mobile_model", "");
  s.cloud_model = required("devices.cloud_model");
  s.cloud_models = list(text("devices.cloud_models", s.cloud_model));
  s.edge_model = text("devices.edge_model", "");
  s.mux_model = text("devices.mux_model", "multiplexer");
  s.early_prefix = text("devices.early_prefix", "");
  s.early_head = text("devices.early_head", "");

  s.policies = list(required("policy.policies"));
  if (s.policies.empty()) throw InputError(s.at("policy.policies") + ": names no policy");
  for (const auto& p : s.policies)
    if (!contains(policy_names(), p))
      throw InputError(s.at("policy.policies") + ": unknown policy '" + p +
                       "'; known: " + join(policy_names()));
  s.params.hybrid_threshold = fraction("policy.hybrid_threshold", 0.5);
  s.params.ensemble_threshold = fraction("policy.ensemble_threshold", 0.288);
  s.params.confidence_threshold = fraction("policy.confidence_threshold", 0.5);
  s.params.early_threshold = fraction("policy.early_threshold", 0.5);
  s.params.accuracy_target = number("policy.accuracy_target", 0.75);
  if (!(s.params.accuracy_target > 0 && s.params.accuracy_target <= 1))
    throw InputError(s.at("policy.accuracy_target") + ": must be in (0, 1]");
  s.params.score_target = number("policy.score_target", 0.5);
  if (!(s.params.score_target > 0 && s.params.score_target <= 1))
    throw InputError(s.at("policy.score_target") + ": must be in (0, 1]");
  s.params.qos_ms = positive("policy.qos_ms", 100);
  s.params.alpha = fraction("policy.alpha", 0.1);
  s.params.gamma = fraction("policy.gamma", 0.1);
  s.params.epsilon = fraction("policy.epsilon", 0.1);
  s.params.objective = one_of("policy.objective", "latency", {"latency", "energy"});

  NetworkConfig& net = s.network;
  ChannelConfig& ch = net.channel;
  const bool per_phone = vm.count("network.phone_rates_mbps") > 0;
  if (per_phone && vm.count("network.bandwidth_mbps"))
    throw InputError(s.at("network.phone_rates_mbps") +
                     ": set either bandwidth_mbps or phone_rates_mbps, not both");
  net.bandwidth_mbps = positive_sweep("network.bandwidth_mbps", "100");
  if (per_phone) {
    std::string rates = text("network.phone_rates_mbps", "");
    ch.random_rates = rates.rfind("random:", 0) == 0;
    if (ch.random_rates) rates = rates.substr(7);
    for (const auto& r : list(rates)) {
      const double v = parse_number(r, s.at("network.phone_rates_mbps"));
      if (v <= 0 || v > kLargestValue)
        throw InputError(s.at("network.phone_rates_mbps") + ": rates must be in (0, 1e9]");
      ch.phone_rates_mbps.push_back(v);
    }
    if (ch.phone_rates_mbps.empty())
      throw InputError(s.at("network.phone_rates_mbps") + ": no rates given");
  }
  ch.kind = one_of("network.channel", "constant", {"constant", "trace", "markov"});
  for (const auto& t : list(text("network.channel_trace", "")))
    ch.traces.push_back(resolve_path(s, t));
  if (ch.kind == "trace" && ch.traces.empty())
    throw InputError(path + ": field 'network.channel_trace': channel = trace needs a trace file");
  ch.trace_offset_s = non_negative("network.trace_offset_s", 0);
  ch.trace_stagger_s = non_negative("network.trace_stagger_s", 0);
  ch.trace_loop = flag("network.trace_loop", true);
  ch.min_rate_mbps = positive("network.min_rate_mbps", 0.1);
  if (ch.kind == "markov") {
    for (const char* key :
         {"network.markov_good_s", "network.markov_bad_s", "network.markov_bad_mbps"})
      if (!vm.count(key))
        throw InputError(s.at("network.channel") + ": channel = markov needs " + key);
    ch.markov_good_s = positive("network.markov_good_s", 0);
    ch.markov_bad_s = positive("network.markov_bad_s", 0);
    ch.markov_bad_mbps = positive("network.markov_bad_mbps", 0);
  }
  ch.chunk_bytes = static_cast<double>(whole("network.chunk_bytes", 65536, 1));
  net.wan_mbps = positive("network.wan_mbps", 10000);
  net.wan_latency_ms = non_negative("network.wan_latency_ms", 0);
  const std::string wan_trace = text("network.wan_trace", "");
  if (!wan_trace.empty()) net.wan_trace = resolve_path(s, wan_trace);
  net.edge_link_mbps = positive("network.edge_link_mbps", 10000);
  net.edge_latency_ms = non_negative("network.edge_latency_ms", 0);
  // Bytes are whole: the simulation sends whole bytes, and the closed form must agree.
  net.tcp_window_bytes = static_cast<double>(whole("network.tcp_window_bytes", 4194304, 1));
  net.upload_bytes = static_cast<double>(whole("network.upload_bytes", 0, 0));
  net.download_bytes = static_cast<double>(whole("network.download_bytes", 0, 0));

  s.radio = {non_negative("radio.tx_w", 0), non_negative("radio.rx_w", 0),
             non_negative("radio.idle_w", 0)};

  LoadConfig& load = s.load;
  load.cells = integers("load.cells", "1", 1);
  load.phones = integers("load.phones", "1", 1);
  // A simulated phone is an actor with its own stack: about 8 KB, or 40 KB beyond about
  // 30,000 actors, where SimGrid stacks lose their guard pages (bench/memory.sh, docs/limits.md).
  constexpr double kMaxPhones = 1e5;
  const double most_cells = *std::max_element(load.cells.begin(), load.cells.end());
  const double most_phones = *std::max_element(load.phones.begin(), load.phones.end());
  if (most_cells * most_phones > kMaxPhones)
    throw InputError(s.at(vm.count("load.phones") ? "load.phones" : "load.cells") +
                     ": cells x phones reaches " + fmt::format("{:.4g}", most_cells * most_phones) +
                     " phones in one run; at most 1e5 are simulated");
  load.arrival = one_of("load.arrival", "closed", {"closed", "poisson"});
  if (load.arrival == "poisson") {
    if (!vm.count("load.arrival_rate_hz"))
      throw InputError(path + ": field 'load.arrival_rate_hz': arrival = poisson needs a rate");
    load.arrival_rate_hz = positive_sweep("load.arrival_rate_hz", "");
  } else if (vm.count("load.arrival_rate_hz")) {
    throw InputError(s.at("load.arrival_rate_hz") + ": a rate needs arrival = poisson");
  }
  load.think_ms = non_negative("load.think_ms", 0);
  load.deadline_ms = non_negative("load.deadline_ms", 0);

  ServerConfig& srv = s.servers;
  // Each worker is an actor: a GPU server of more than 10,000 is not a GPU server.
  auto workers = [&](const std::string& key) {
    const long n = whole(key, 1, 1);
    if (n > 10000) throw InputError(s.at(key) + ": must be at most 10000, got " + text(key, ""));
    return n;
  };
  srv.gpu_workers = workers("servers.gpu_workers");
  srv.edge_workers = workers("servers.edge_workers");
  srv.cells_per_edge = whole("servers.cells_per_edge", 1, 1);
  srv.batch_max = whole("servers.batch_max", 1, 1);
  srv.batch_wait_ms = non_negative("servers.batch_wait_ms", 0);
  srv.batch_slope = non_negative("servers.batch_slope", 0);
  srv.queue_per_model = flag("servers.queue_per_model", false);
  srv.ensemble_parallel = flag("servers.ensemble_parallel", false);

  s.reconstruct_inputs = whole("reconstruct.inputs", 10000, 1);
  s.target_mobile_accuracy = fraction("reconstruct.target_mobile_accuracy", 0);
  s.target_cloud_accuracy = fraction("reconstruct.target_cloud_accuracy", 0);
  s.target_local_fraction = fraction("reconstruct.target_local_fraction", 0);
  s.target_hybrid_accuracy = fraction("reconstruct.target_hybrid_accuracy", 0);
  if (vm.count("reconstruct.target_called"))
    for (double f : sweep("reconstruct.target_called", "")) {
      if (f < 0 || f > 1)
        throw InputError(s.at("reconstruct.target_called") + ": fractions must be in [0, 1]");
      s.target_called.push_back(f);
    }
  s.target_single_accuracy = fraction("reconstruct.target_single_accuracy", 0);
  s.target_ensemble_accuracy = fraction("reconstruct.target_ensemble_accuracy", 0);
  s.target_ensemble_gflops = non_negative("reconstruct.target_ensemble_gflops", 0);
  s.target_ensemble_latency_ms = non_negative("reconstruct.target_ensemble_latency_ms", 0);
  s.ensemble_extra = text("reconstruct.ensemble_extra", "");
  s.ensemble_sources = list(text("reconstruct.ensemble_sources", ""));
  if (!s.ensemble_sources.empty() && s.ensemble_sources.size() != 2)
    throw InputError(s.at("reconstruct.ensemble_sources") + ": give exactly two models");
  return s;
}

} // namespace muxsim
