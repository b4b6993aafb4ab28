#pragma once
// policy = external (docs/external-policy.md): the policy layer's side of a policy that runs
// in a process of the user's. Here: which command runs it and what a scenario must give it;
// the process and its protocol are the run layer's (run/external_policy.hpp), reached
// through PolicyProcesses.
#include "core/base/scenario.hpp"
#include "core/policy/context.hpp"

#include <string>

namespace muxsim {

// The registry's row, a family: "external" and "external:NAME" each run in one scenario,
// named in results; `{name}` in external_command stands for NAME.
inline const char* const kExternalPolicy = "external";

// Starts the process through `c.processes`; without one (outside a run) refuses.
std::unique_ptr<Policy> make_external(const PolicyContext& c);
// What prepare() checks instead of making one (which would start the process): the command
// is given, and several external policies of the scenario each have their own.
void check_external(const Scenario& s, const std::string& name);
// The command that runs an external policy: external_command with `{name}` replaced.
std::string external_command_for(const std::string& policy, const std::string& command);

} // namespace muxsim
