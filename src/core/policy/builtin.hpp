#pragma once
// One factory per built-in policy, each in its own file; registry.cpp lists them by name and
// hands each the deployment and parameters of its PolicyContext. A factory checks what its
// policy needs of the deployment and throws InputError naming the missing key.
#include "core/policy/policy.hpp"

#include <memory>

namespace muxsim {

std::unique_ptr<Policy> make_mobile_only(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_cloud_only(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_edge_only(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_hybrid(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_hybrid_confidence(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_hybrid_single(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_hybrid_ensemble(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_hybrid_edge(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_hybrid_early(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_random_offload(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_dimec_dc(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_autoscale_policy(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_network_aware_policy(const Deployment& d, const PolicyParams& params);
std::unique_ptr<Policy> make_oracle(const Deployment& d, const PolicyParams& params);

} // namespace muxsim
