#include "core/policy/registry.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"
#include "core/policy/builtin.hpp"

#include <algorithm>

namespace muxsim {

namespace {

struct PolicyEntry {
  std::string name;
  PolicyFactory make;
  std::string note; // carried into results.csv
};

// In the order docs/policies.md and `--keys` list them.
const std::vector<PolicyEntry>& registry() {
  static const std::vector<PolicyEntry> entries = {
      {"mobile-only", make_mobile_only, ""},
      {"cloud-only", make_cloud_only, ""},
      {"edge-only", make_edge_only, ""},
      {"hybrid", make_hybrid, ""},
      {"hybrid-confidence", make_hybrid_confidence, ""},
      {"hybrid-single", make_hybrid_single, ""},
      {"hybrid-ensemble", make_hybrid_ensemble, ""},
      {"hybrid-edge", make_hybrid_edge, ""},
      {"hybrid-early", make_hybrid_early, ""},
      {"random-offload", make_random_offload, ""},
      {"dimec-dc", make_dimec_dc, ""},
      {"autoscale", make_autoscale_policy, ""},
      {"network-aware", make_network_aware_policy, ""},
      {"oracle", make_oracle, "upper bound: reads correctness"},
      // A process of the user's, started per run by the run layer (run/external_policy.hpp).
      {kExternalPolicy, nullptr, ""},
  };
  return entries;
}

const PolicyEntry* find(const std::string& name) {
  const auto& r = registry();
  const auto it = std::find_if(r.begin(), r.end(), [&](const auto& e) { return e.name == name; });
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

bool is_external_policy(const std::string& name) {
  if (name == kExternalPolicy) return true;
  const std::string prefix = std::string(kExternalPolicy) + ":";
  if (name.rfind(prefix, 0) != 0 || name.size() == prefix.size()) return false;
  return std::all_of(name.begin() + static_cast<long>(prefix.size()), name.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-' || c == '.';
  });
}

std::string external_command_for(const std::string& policy, const std::string& command) {
  const auto colon = policy.find(':');
  const std::string name = colon == std::string::npos ? "" : policy.substr(colon + 1);
  std::string out = command;
  for (auto at = out.find("{name}"); at != std::string::npos; at = out.find("{name}", at))
    out.replace(at, 6, name), at += name.size();
  return out;
}

std::string policy_note(const std::string& name) {
  const PolicyEntry* e = find(name);
  return e ? e->note : "";
}

std::unique_ptr<Policy> make_policy(const std::string& name, const Deployment& d,
                                    const PolicyParams& params) {
  const PolicyEntry* e = find(name);
  if (!e) throw InputError("unknown policy '" + name + "'; known: " + join(policy_names()));
  if (!e->make) throw InputError("policy '" + name + "' is a process the sweep runner starts");
  return e->make(d, params);
}

} // namespace muxsim
