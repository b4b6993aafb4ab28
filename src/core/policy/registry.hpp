#pragma once
// Every policy by name (docs/policies.md): the [policy] policies key names them. Each is a
// row of registry.cpp with its factory, external too: runs, checks and tests make every
// policy through it, and ask it, not the name, what a policy is.
#include "core/base/scenario.hpp"
#include "core/policy/context.hpp"
#include "core/policy/policy.hpp"

#include <memory>
#include <string>
#include <vector>

namespace muxsim {

// The registry's rows, in order; a family's row (external) stands for its members too.
const std::vector<std::string>& policy_names();
// Whether the [policy] policies key may name it: a row, or a family's member NAME:SUFFIX.
bool is_policy(const std::string& name);
// The row a name belongs to: itself, or its family's (external for external:NAME); empty
// when unknown.
std::string policy_family(const std::string& name);
// Every name, then each family's member form: what a message lists as known.
std::string known_policies();
// A note carried into the results ("upper bound" for oracle), empty otherwise.
std::string policy_note(const std::string& name);
// True for a policy handed every [policy] parameter (external), so none is idle beside it.
bool policy_reads_every_parameter(const std::string& name);
// Throws InputError listing the known names, or saying what the deployment lacks.
std::unique_ptr<Policy> make_policy(const PolicyContext& context);
// The same outside a run: a policy that needs a process cannot be made.
std::unique_ptr<Policy> make_policy(const std::string& name, const Deployment& d,
                                    const PolicyParams& params);
// Throws InputError, located in the scenario, when `name` cannot run on this deployment;
// starts nothing.
void check_policy(const Scenario& s, const std::string& name, const Deployment& d);

} // namespace muxsim
