#pragma once
// What a policy needs of the deployment, checked when the policy is made.
#include "core/model/deployment.hpp"

#include <string>

namespace muxsim {

// Throws InputError when the deployment has no phone model (scenario key mobile_model).
void require_mobile(const Deployment& d, const std::string& policy);
// Throws InputError when the deployment has no edge tier (edge_device and edge_model).
void require_edge(const Deployment& d, const std::string& policy);

} // namespace muxsim
