#include "core/policy/registry.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"
#include "core/policy/builtin.hpp"
#include "core/policy/external.hpp"

#include <algorithm>
#include <cctype>

namespace muxsim {

namespace {

// A built-in policy is made from the deployment and parameters alone.
template <std::unique_ptr<Policy> (*Make)(const Deployment&, const PolicyParams&)>
std::unique_ptr<Policy> builtin(const PolicyContext& c) {
  return Make(c.deployment, c.params);
}

using PolicyCheck = void (*)(const Scenario&, const std::string& name);

struct PolicyEntry {
  std::string name;
  PolicyFactory make;
  std::string note = ""; // carried into results.csv
  // Its row also stands for NAME:SUFFIX, each a policy of its own in results.
  bool family = false;
  // For a policy that starts something when made: checks the scenario's use of it instead.
  // Null: the policy is made once and dropped.
  PolicyCheck check = nullptr;
  // Handed every [policy] parameter, so none is idle while it runs.
  bool reads_every_parameter = false;
};

// In the order docs/policies.md and `muxsim run --policies` list them.
const std::vector<PolicyEntry>& registry() {
  static const std::vector<PolicyEntry> entries = {
      {"mobile-only", builtin<make_mobile_only>},
      {"cloud-only", builtin<make_cloud_only>},
      {"edge-only", builtin<make_edge_only>},
      {"hybrid", builtin<make_hybrid>},
      {"hybrid-confidence", builtin<make_hybrid_confidence>},
      {"hybrid-single", builtin<make_hybrid_single>},
      {"hybrid-ensemble", builtin<make_hybrid_ensemble>},
      {"hybrid-edge", builtin<make_hybrid_edge>},
      {"hybrid-early", builtin<make_hybrid_early>},
      {"random-offload", builtin<make_random_offload>},
      {"dimec-dc", builtin<make_dimec_dc>},
      {"autoscale", builtin<make_autoscale_policy>},
      {"network-aware", builtin<make_network_aware_policy>},
      {"oracle", builtin<make_oracle>, "upper bound: reads correctness"},
      // A process of the user's, which the run layer starts (run/external_policy.hpp).
      {kExternalPolicy, make_external, "", true, check_external, true},
  };
  return entries;
}

// A family member's suffix names it in results and in a command, so it is kept plain.
bool member_of(const PolicyEntry& e, const std::string& name) {
  if (!e.family || name.size() <= e.name.size() + 1 || name.rfind(e.name + ":", 0) != 0)
    return false;
  return std::all_of(name.begin() + static_cast<long>(e.name.size() + 1), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

const PolicyEntry* find(const std::string& name) {
  const auto& r = registry();
  const auto it = std::find_if(r.begin(), r.end(),
                               [&](const auto& e) { return e.name == name || member_of(e, name); });
  return it == r.end() ? nullptr : &*it;
}

} // namespace

const std::vector<std::string>& policy_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& e : registry())
      n.push_back(e.name);
    return n;
  }();
  return names;
}

bool is_policy(const std::string& name) {
  return find(name) != nullptr;
}

std::string policy_family(const std::string& name) {
  const PolicyEntry* e = find(name);
  return e ? e->name : "";
}

std::string known_policies() {
  std::vector<std::string> known = policy_names();
  for (const auto& e : registry())
    if (e.family) known.push_back(e.name + ":NAME");
  return join(known);
}

std::string policy_note(const std::string& name) {
  const PolicyEntry* e = find(name);
  return e ? e->note : "";
}

bool policy_reads_every_parameter(const std::string& name) {
  const PolicyEntry* e = find(name);
  return e && e->reads_every_parameter;
}

std::unique_ptr<Policy> make_policy(const PolicyContext& context) {
  const PolicyEntry* e = find(context.name);
  if (!e) throw InputError("unknown policy '" + context.name + "'; known: " + join(policy_names()));
  return e->make(context);
}

std::unique_ptr<Policy> make_policy(const std::string& name, const Deployment& d,
                                    const PolicyParams& params) {
  return make_policy(PolicyContext{name, d, params});
}

void check_policy(const Scenario& s, const std::string& name, const Deployment& d) {
  const PolicyEntry* e = find(name);
  if (e && e->check) return e->check(s, name); // it locates its own messages
  try {
    make_policy(name, d, s.params); // fail early on a bad pair
  } catch (const InputError& error) {
    throw InputError(s.at("policy.policies") + ": " + error.what());
  }
}

} // namespace muxsim
