#pragma once
// Every built-in policy by name (docs/policies.md): the [policy] policies key names them.
#include "core/policy/policy.hpp"

#include <memory>
#include <string>
#include <vector>

namespace muxsim {

const std::vector<std::string>& policy_names();
// policy = external runs in another process ([policy] external_command), which the run layer
// starts (run/external_policy.hpp); make_policy refuses it.
inline const char* const kExternalPolicy = "external";
// "external" or "external:NAME": several external policies run in one scenario, each named
// in results; `{name}` in external_command stands for NAME (docs/external-policy.md).
bool is_external_policy(const std::string& name);
// The command that runs an external policy: external_command with `{name}` replaced.
std::string external_command_for(const std::string& policy, const std::string& command);
// A note carried into the results ("upper bound" for oracle), empty otherwise.
std::string policy_note(const std::string& name);
// Throws InputError listing the known names, or saying what the deployment lacks.
std::unique_ptr<Policy> make_policy(const std::string& name, const Deployment& d,
                                    const PolicyParams& params);

} // namespace muxsim
