#include "core/config/read_scenario.hpp"

#include "core/config/scenario_keys.hpp"

#include "core/base/input_error.hpp"
#include "core/base/limits.hpp"
#include "core/config/idle_keys.hpp"
#include "core/config/key_sweep.hpp"
#include "core/config/spelling.hpp"
#include "core/config/sweep.hpp"
#include "core/formats/csv.hpp"
#include "core/model/lte_uplink.hpp"
#include "core/model/wifi_timing.hpp"

#include <boost/program_options.hpp>

#include <algorithm>

#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <sstream>
#include <stdexcept>

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

// A section no key belongs to is a typo even when nothing is set under it. The known sections
// are few, so they are listed after the nearest one.
void check_section(const std::string& path, int line, const std::string& section) {
  std::vector<std::string> known;
  for (const auto& key : scenario_keys()) {
    const auto dot = key.find('.');
    if (dot == std::string::npos) continue;
    const std::string name = key.substr(0, dot);
    if (std::find(known.begin(), known.end(), name) == known.end()) known.push_back(name);
  }
  if (std::find(known.begin(), known.end(), section) != known.end()) return;
  std::vector<std::string> suggestions;
  for (const auto& name : closest_names(section, known))
    suggestions.push_back("[" + name + "]");
  const std::string hint = did_you_mean(suggestions);
  throw InputError(
      where(path, line, "[" + section + "]") + ": unknown section; " +
      (hint.empty() ? "known: " + join(known) : hint + " (known: " + join(known) + ")"));
}

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
      check_section(path, n, section);
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

// "unknown key" and the nearest known keys, one of them perhaps the same name under another
// section; the whole list would not fit on one line, so --keys is named for it.
std::string unknown_key_message(const std::string& key) {
  const std::string hint = did_you_mean(closest_keys(key, scenario_keys()));
  return ": unknown key" + (hint.empty() ? "" : "; " + hint) + " (`muxsim run --keys` lists all)";
}

} // namespace

const char* mode_name(Mode mode) {
  return mode == Mode::Simulated ? "simulated" : "closed-form";
}

std::optional<Mode> mode_from_name(const std::string& name) {
  for (Mode mode : {Mode::ClosedForm, Mode::Simulated})
    if (name == mode_name(mode)) return mode;
  return std::nullopt;
}

void check_run_budget(const Scenario& s, long max_runs) {
  if (s.run_count() <= static_cast<double>(max_runs)) return;
  // Named: the longest sweep, where shortening it helps most.
  std::vector<std::pair<std::string, std::size_t>> sweeps = {
      {"seeds", s.seeds.size()},
      {"network.bandwidth_mbps", s.network.bandwidth_mbps.size()},
      {"load.cells", s.load.cells.size()},
      {"load.phones", s.load.phones.size()},
      {"load.arrival_rate_hz", s.load.arrival_rate_hz.size()}};
  for (const KeySweep& sweep : s.key_sweeps)
    sweeps.emplace_back(sweep.key, sweep.values.size());
  const auto longest =
      std::max_element(sweeps.begin(), sweeps.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  throw InputError(fmt::format("{}: the sweeps plan {:.4g} runs (points x policies x modes), "
                               "more than the budget of {}; --max-runs raises it",
                               s.at(longest->first), s.run_count(), max_runs));
}

namespace {

// The name the key table gives choice `index` of a Choice key: enums follow its order.
const std::string& choice_name(const std::string& key, std::size_t index) {
  for (const KeySpec& spec : scenario_key_specs())
    if (spec.key == key) return spec.choices.at(index);
  throw std::logic_error("no key " + key);
}

} // namespace

const std::string& wifi_standard_name(WifiStandard standard) {
  return choice_name("network.wifi_standard", static_cast<std::size_t>(standard));
}

const std::string& channel_name(ChannelKind kind) {
  return choice_name("network.channel", static_cast<std::size_t>(kind));
}

namespace {

// With an 802.11 standard every rate a phone's Wi-Fi takes is one of the standard's PHY rates;
// a measured trace is goodput, so it goes with wifi_standard = none.
void check_wifi_rates(const Scenario& s, const std::map<std::string, std::string>& given) {
  const std::optional<wifi::Phy> phy = wifi_phy(s.network);
  if (!phy) return;
  if (const auto problem = wifi::check_phy(*phy))
    throw InputError(s.at(problem->key) + ": " + problem->why);
  // With [mobility] the rates come from distance (core/model/propagation.hpp).
  if (!s.mobility.access_points.empty()) return;
  const ChannelConfig& ch = s.network.channel;
  if (ch.kind == ChannelKind::Trace)
    throw InputError(s.at("network.wifi_standard") +
                     ": a channel trace is measured goodput; use wifi_standard = none");
  auto check = [&](const char* key, const std::vector<double>& rates) {
    for (double r : rates)
      if (!wifi::has_rate(*phy, r))
        throw InputError(s.at(key) + ": " + fmt::format("{}", r) + " Mbit/s is not an " +
                         wifi::describe_rates(*phy) + "; nearest: " + wifi::nearest_rates(*phy, r));
  };
  if (!ch.phone_rates_mbps.empty())
    check("network.phone_rates_mbps", ch.phone_rates_mbps);
  else
    check("network.bandwidth_mbps", s.network.bandwidth_mbps);
  if (ch.kind == ChannelKind::Markov && given.count("network.markov_bad_mbps"))
    check("network.markov_bad_mbps", {ch.markov_bad_mbps});
}

// An LTE cell is an eNodeB that [mobility] places, on a carrier LTE has (docs/lte.md).
void check_lte(const Scenario& s) {
  if (s.network.link != AccessLink::Lte) return;
  if (!lte::is_bandwidth(s.network.lte_resource_blocks))
    throw InputError(s.at("network.lte_resource_blocks") + ": " +
                     std::to_string(s.network.lte_resource_blocks) +
                     " is not an LTE bandwidth (6, 15, 25, 50, 75 or 100 resource blocks)");
  if (s.mobility.access_points.empty())
    throw InputError(s.at("network.link") +
                     ": LTE cells are eNodeBs that [mobility] places: set access_points and "
                     "phone_positions");
  if (s.mobility.model != MobilityModel::Static)
    throw InputError(s.at("mobility.model") +
                     ": phones that walk between LTE cells are not built yet (docs/lte.md); "
                     "use model = static");
}

// The rules between keys that the key table cannot state: defaults taken from other keys,
// and keys that need or exclude each other.
void check_relations(Scenario& s, const std::map<std::string, std::string>& given) {
  auto has = [&](const std::string& key) { return given.count(key) > 0; };
  if (s.name.empty()) s.name = std::filesystem::path(s.path).stem().string();
  if (s.mux_device.empty()) s.mux_device = s.phone_device;
  if (s.cloud_models.empty()) s.cloud_models = {s.cloud_model};
  if (has("network.phone_rates_mbps") && has("network.bandwidth_mbps"))
    throw InputError(s.at("network.phone_rates_mbps") +
                     ": set either bandwidth_mbps or phone_rates_mbps, not both");
  const ChannelConfig& ch = s.network.channel;
  if (ch.kind == ChannelKind::Trace && ch.traces.empty())
    throw InputError(s.path +
                     ": field 'network.channel_trace': channel = trace needs a trace file");
  if (ch.kind == ChannelKind::Markov)
    for (const char* key :
         {"network.markov_good_s", "network.markov_bad_s", "network.markov_bad_mbps"})
      if (!has(key)) throw InputError(s.at("network.channel") + ": channel = markov needs " + key);
  // Phones cost about 2 KB each in SimGrid's platform (bench/scale.sh); a phone with an actor
  // of its own (a closed-loop phone, or any phone on a channel that varies, whose walker is an
  // actor) 36 KB more: past about 30,000 actors SimGrid stacks lose their guard pages and
  // are zeroed (bench/memory.sh, docs/limits.md).
  constexpr double kMaxPhones = 1e6, kMaxPhoneActors = 1e5;
  const LoadConfig& load = s.load;
  const double most_cells = *std::max_element(load.cells.begin(), load.cells.end());
  const double most_phones = *std::max_element(load.phones.begin(), load.phones.end());
  const std::string where = s.at(has("load.phones") ? "load.phones" : "load.cells");
  if (most_cells * most_phones > kMaxPhones)
    throw InputError(where + ": cells x phones reaches " +
                     fmt::format("{:.4g}", most_cells * most_phones) +
                     " phones in one run; at most 1e6 are simulated");
  const bool simulated =
      std::find(s.modes.begin(), s.modes.end(), Mode::Simulated) != s.modes.end();
  const bool phone_actors = load.arrival == Arrival::Closed || ch.kind != ChannelKind::Constant;
  if (simulated && phone_actors && most_cells * most_phones > kMaxPhoneActors)
    throw InputError(where + ": cells x phones reaches " +
                     fmt::format("{:.4g}", most_cells * most_phones) +
                     " phones in one simulated run, each an actor (a closed loop or a varying "
                     "channel: 36 KB each); at most 1e5, or 1e6 with Poisson arrivals on a "
                     "constant channel");
  if (load.arrival == Arrival::Poisson && !has("load.arrival_rate_hz"))
    throw InputError(s.path + ": field 'load.arrival_rate_hz': arrival = poisson needs a rate");
  check_wifi_rates(s, given);
  check_lte(s);
  const auto& sources = s.reconstruct.ensemble_sources;
  if (!sources.empty() && sources.size() != 2)
    throw InputError(s.at("reconstruct.ensemble_sources") + ": give exactly two models");
}

// Applies muxsim run --set's "section.key=value" settings over the file's keys.
void apply_settings(Scenario& s, const std::vector<std::string>& settings,
                    std::map<std::string, std::string>& given) {
  for (const auto& setting : settings) {
    const auto eq = setting.find('=');
    if (eq == std::string::npos)
      throw InputError("command line: --set '" + setting + "': expected section.key=value");
    const std::string key = trim(setting.substr(0, eq));
    const auto& known = scenario_keys();
    if (std::find(known.begin(), known.end(), key) == known.end())
      throw InputError("command line: --set '" + key + "'" + unknown_key_message(key));
    given[key] = trim(setting.substr(eq + 1));
    s.set_on_command_line.insert(key);
  }
}

} // namespace

Scenario read_scenario(const std::string& path, const std::vector<std::string>& settings,
                       IdleKeys idle) {
  if (!std::filesystem::is_regular_file(path)) throw InputError(path + ": cannot open file");
  po::options_description desc;
  for (const KeySpec& spec : scenario_key_specs())
    desc.add_options()(spec.key.c_str(), po::value<std::string>(), spec.doc.c_str());
  Scenario s;
  s.path = path;
  const ScannedScenario scanned = scan_scenario(path);
  s.key_lines = scanned.key_lines;
  std::map<std::string, std::string> given; // key -> its text, as set in the file
  try {
    std::istringstream in(scanned.text);
    for (const auto& opt : po::parse_config_file(in, desc, true).options) {
      if (opt.unregistered)
        throw InputError(s.at(opt.string_key) + unknown_key_message(opt.string_key));
      given[opt.string_key] = opt.value.empty() ? "" : trim(opt.value.front());
    }
  } catch (const po::error& e) {
    throw InputError(path + ": " + e.what());
  }
  apply_settings(s, settings, given);
  for (const KeySpec& spec : scenario_key_specs()) {
    const auto it = given.find(spec.key);
    if ((it == given.end() || it->second.empty()) && spec.required)
      throw InputError(path + ": field '" + spec.key + "': required key is missing");
    // A key not set keeps its field's initializer, its default (core/base/scenario.hpp).
    if (it == given.end()) continue;
    const std::string& raw = it->second;
    std::vector<std::string> values;
    if (read_key_sweep(spec, raw, s.at(spec.key), values)) {
      s.key_sweeps.push_back({spec.key, values});
      spec.fill(s, read_key(spec, values.front(), s.at(spec.key)));
      continue;
    }
    spec.fill(s, read_key(spec, raw, s.at(spec.key)));
  }
  check_relations(s, given);
  // A sweep's keys may count at some of its values only: its sub-scenarios are judged
  // together (refuse_keys_idle_everywhere).
  if (idle == IdleKeys::Refuse && s.key_sweeps.empty()) refuse_idle_keys(s);
  return s;
}

} // namespace muxsim
