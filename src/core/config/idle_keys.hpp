#pragma once
// One rule for every key: a key the scenario sets that has no effect under its other keys is
// refused, naming the key, its line and what would make it count (docs/formats.md). A key
// that silently does nothing is how a scenario reports a number it never ran.
#include "core/config/scenario.hpp"

#include <map>
#include <string>

namespace muxsim {

// `given`: the keys the file or --set gave, each with its text.
void refuse_idle_keys(const Scenario& s, const std::map<std::string, std::string>& given);

} // namespace muxsim
