#pragma once
// Every built-in policy by name (docs/policies.md): the [policy] policies key names them.
#include "core/policy/policy.hpp"

#include <memory>
#include <string>
#include <vector>

namespace muxsim {

const std::vector<std::string>& policy_names();
// A note carried into the results ("upper bound" for oracle), empty otherwise.
std::string policy_note(const std::string& name);
// Throws InputError listing the known names, or saying what the deployment lacks.
std::unique_ptr<Policy> make_policy(const std::string& name, const Deployment& d,
                                    const PolicyParams& params);

} // namespace muxsim
