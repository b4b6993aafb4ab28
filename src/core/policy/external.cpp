#include "core/policy/external.hpp"

#include "core/base/input_error.hpp"
#include "core/policy/registry.hpp"

#include <algorithm>

namespace muxsim {

std::unique_ptr<Policy> make_external(const PolicyContext& c) {
  if (!c.processes)
    throw InputError("policy '" + c.name + "' is a process the sweep runner starts");
  return c.processes->start(external_command_for(c.name, c.params.external_command));
}

// The scenario-wide rules come first, whichever external policy is checked, so a scenario
// hears the same message whatever the order of its externals.
void check_external(const Scenario& s, const std::string& name) {
  const long externals = std::count_if(s.policies.begin(), s.policies.end(), [](const auto& p) {
    return policy_family(p) == kExternalPolicy;
  });
  const bool named = s.params.external_command.find("{name}") != std::string::npos;
  if (named && std::count(s.policies.begin(), s.policies.end(), kExternalPolicy))
    throw InputError(s.at("policy.policies") +
                     ": policy 'external' has no name for the {name} in external_command; "
                     "call it external:NAME");
  if (externals > 1 && !named)
    throw InputError(s.at("policy.external_command") +
                     ": several external policies would run the same command; put {name} in "
                     "it where each policy's name goes (external:NAME)");
  if (s.params.external_command.empty())
    throw InputError(s.at("policy.policies") + ": policy '" + name +
                     "' needs [policy] external_command, the command that runs it");
}

std::string external_command_for(const std::string& policy, const std::string& command) {
  const auto colon = policy.find(':');
  const std::string name = colon == std::string::npos ? "" : policy.substr(colon + 1);
  std::string out = command;
  for (auto at = out.find("{name}"); at != std::string::npos; at = out.find("{name}", at))
    out.replace(at, 6, name), at += name.size();
  return out;
}

} // namespace muxsim
