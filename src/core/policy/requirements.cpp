#include "core/policy/requirements.hpp"

#include "core/base/input_error.hpp"

namespace muxsim {

void require_mobile(const Deployment& d, const std::string& policy) {
  if (d.mobile < 0)
    throw InputError("policy '" + policy + "' needs a phone model (scenario key mobile_model)");
}

void require_edge(const Deployment& d, const std::string& policy) {
  if (d.edge < 0)
    throw InputError("policy '" + policy +
                     "' needs an edge tier (keys edge_device and edge_model under [devices])");
}

} // namespace muxsim
