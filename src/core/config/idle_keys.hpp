#pragma once
// One rule for every key: a key the scenario sets that has no effect under its other keys is
// refused, naming the key, its line and what would make it count (docs/formats.md). A key
// that silently does nothing is how a scenario reports a number it never ran.
#include "core/base/scenario.hpp"

#include <string>
#include <vector>

namespace muxsim {

struct IdleKey {
  std::string key; // "section.key"
  std::string why; // when it would count
};

// The keys the scenario sets (in its file or by --set) that do nothing under its others.
std::vector<IdleKey> idle_keys(const Scenario& s);
// Throws InputError for the first, naming its line and what it needs.
void refuse_idle_keys(const Scenario& s);
// A sweep's sub-scenarios (core/config/key_sweep.hpp): a key may count at some of its values
// only (batch_wait_ms across batch_max = 1,8), so it is refused only when it does nothing at
// every one.
void refuse_keys_idle_everywhere(const std::vector<const Scenario*>& sweep);

} // namespace muxsim
