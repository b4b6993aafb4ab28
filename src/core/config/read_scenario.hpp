#pragma once
// Reading a scenario INI (docs/formats.md) with Boost.Program_options into the scenario's
// structs (core/base/scenario.hpp). Boost names a key "section.key"; every key is declared
// once, in core/config/scenario_keys.cpp, and an unknown key is an error that lists them.
#include "core/base/scenario.hpp"

#include <optional>
#include <string>
#include <vector>

namespace muxsim {

// Throws InputError naming the scenario, its run count and --max-runs when it plans more.
void check_run_budget(const Scenario& s, long max_runs);

// `settings` ("section.key=value", muxsim run --set) replace or add keys after the file's;
// their messages name the command line.
// Keys that do nothing (core/config/idle_keys.hpp) are refused, or left for the caller to
// judge across a sweep's sub-scenarios (Defer).
enum class IdleKeys { Refuse, Defer };
Scenario read_scenario(const std::string& path, const std::vector<std::string>& settings = {},
                       IdleKeys idle = IdleKeys::Refuse);
// Every known key as "section.key" (or "key" for the top level), in the order of
// scenario_key_specs() (core/scenario_keys.hpp).
std::vector<std::string> scenario_keys();
// What values a key takes ("[0, 1]", "integer in [1, 1e9]", ...), as read_scenario checks.
const std::string& scenario_key_domain(const std::string& key);

// Names as the modes, wifi_standard and channel keys spell them, for results.
const char* mode_name(Mode mode);
// The mode a name spells (mode_name's inverse), or nullopt: text is parsed once, at the edge.
std::optional<Mode> mode_from_name(const std::string& name);
const std::string& wifi_standard_name(WifiStandard standard);
const std::string& channel_name(ChannelKind kind);

} // namespace muxsim
