// The key table (core/scenario_keys.cpp) is the one declaration of every scenario key: each
// has a doc and a domain, its default parses, and read_scenario refuses a value outside the
// domain naming the file, the line and the key.
#include "core/base/scenario.hpp"
#include "core/config/read_scenario.hpp"
#include "core/config/scenario_keys.hpp"
#include "test_util.hpp"

#include <doctest/doctest.h>
#include <map>

using namespace muxsim;
using namespace muxsim::test;

namespace {

// A value outside the domain of each kind that has one; Text and Names take any text (their
// files and names are checked when the scenario is prepared).
std::string outside(KeyKind kind) {
  switch (kind) {
  case KeyKind::Fraction:
  case KeyKind::Fractions:
    return "1.5";
  case KeyKind::UnitInterval:
    return "0";
  case KeyKind::Positive:
  case KeyKind::NonNegative:
  case KeyKind::PositiveSweep:
  case KeyKind::Rates:
  case KeyKind::Range:
    return "-1";
  case KeyKind::Real:
    return "-2e9";
  case KeyKind::Integer:
  case KeyKind::IntegerSweep:
    return "0.5";
  case KeyKind::Flag:
    return "maybe";
  case KeyKind::Choice:
  case KeyKind::Choices:
  case KeyKind::Policies:
    return "nonsense";
  default:
    return "";
  }
}

// A minimal valid scenario with `key` set to `value`, written section by section; returns
// its path and the line the key stands on.
std::pair<std::string, int> scenario_with(const std::string& key, const std::string& value) {
  std::map<std::string, std::string> keys = {{"trace", "t.csv"},
                                             {"profiles", "p.csv"},
                                             {"devices.phone_device", "a"},
                                             {"devices.cloud_device", "b"},
                                             {"devices.cloud_model", "m"},
                                             {"policy.policies", "mobile-only"}};
  keys[key] = value;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>> sections;
  for (const auto& [k, v] : keys) {
    const auto dot = k.find('.');
    if (dot == std::string::npos)
      sections[""].push_back({k, v});
    else
      sections[k.substr(0, dot)].push_back({k.substr(dot + 1), v});
  }
  std::string text;
  int line = 0, key_line = 0;
  for (const auto& [section, entries] : sections) {
    if (!section.empty()) {
      text += "[" + section + "]\n";
      ++line;
    }
    for (const auto& [k, v] : entries) {
      text += k + " = " + v + "\n";
      ++line;
      if ((section.empty() ? k : section + "." + k) == key) key_line = line;
    }
  }
  return {write_temp("keys.ini", text), key_line};
}

} // namespace

TEST_CASE("key table: every key has a doc and a domain, and its default parses") {
  for (const KeySpec& spec : scenario_key_specs()) {
    INFO(spec.key);
    CHECK(!spec.doc.empty());
    CHECK(!scenario_key_domain(spec.key).empty());
    // A default is its field's initializer: it must be a value the key accepts, and read
    // back it must be the same value.
    const std::string fallback = default_text(spec);
    if (fallback.empty()) continue;
    CHECK(error_of([&] { read_key(spec, fallback, "x"); }).empty());
    CHECK(write_key(spec, read_key(spec, fallback, "x")) == fallback);
  }
}

TEST_CASE("key table: each key's fill and show meet at one field, whose default stands alone") {
  const Scenario defaults;
  for (const KeySpec& spec : scenario_key_specs()) {
    INFO(spec.key);
    // Filling a default scenario with its own shown value changes nothing that shows.
    Scenario s;
    spec.fill(s, spec.show(defaults));
    CHECK(write_key(spec, spec.show(s)) == write_key(spec, spec.show(defaults)));
    // A key whose zero means "not given" has no default hidden in its field.
    if (spec.unset_by_default) CHECK(spec.show(defaults).number == 0);
  }
}

TEST_CASE("key table: a value outside each key's domain is refused at its file, line and key") {
  int checked = 0;
  for (const KeySpec& spec : scenario_key_specs()) {
    const std::string bad = outside(spec.kind);
    if (bad.empty()) continue;
    INFO(spec.key);
    const auto [path, line] = scenario_with(spec.key, bad);
    const std::string prefix = path + ":" + std::to_string(line) + ": field '" + spec.key + "'";
    CHECK(error_of([&] { read_scenario(path); }).rfind(prefix, 0) == 0);
    ++checked;
  }
  CHECK(checked > 50);
}

TEST_CASE("key table: defaults fill the scenario; unset keys without one keep the field's") {
  const auto [path, line] = scenario_with("load.think_ms", "5");
  const Scenario s = read_scenario(path);
  CHECK(s.load.think_ms == 5);
  CHECK(s.network.tcp_window_bytes == 4194304);
  CHECK(s.network.bandwidth_mbps == std::vector<double>{100});
  CHECK(s.params.ensemble_threshold == doctest::Approx(0.288));
  CHECK(s.mux_device == "a"); // from phone_device
  CHECK(s.cloud_models == std::vector<std::string>{"m"});
  CHECK(s.name == "keys");
  CHECK(s.reconstruct.inputs == 10000);
  CHECK(s.network.channel.markov_good_s == 0);
  // Every key the file leaves out reads as its field's initializer, but for those the
  // scenario derives from others (check_relations).
  const std::set<std::string> derived = {"name", "devices.mux_device", "devices.cloud_models"};
  const Scenario defaults;
  for (const KeySpec& spec : scenario_key_specs()) {
    if (s.key_lines.count(spec.key) || derived.count(spec.key)) continue;
    INFO(spec.key);
    CHECK(write_key(spec, spec.show(s)) == write_key(spec, spec.show(defaults)));
  }
}
