#pragma once
// What a policy's factory is given (registry.hpp). The policy layer sits below the layers
// that run scenarios, so what only they know reaches a factory through interfaces declared
// here and implemented above (docs/layers.md).
#include "core/base/policy_params.hpp"
#include "core/model/deployment.hpp"
#include "core/policy/policy.hpp"

#include <memory>
#include <string>

namespace muxsim {

// Starts a policy that runs in a process of the user's, by a command. The run layer owns
// processes and implements it (run/external_policy.hpp); the policy layer decides which
// command (core/policy/external.hpp).
class PolicyProcesses {
public:
  virtual ~PolicyProcesses() = default;
  virtual std::unique_ptr<Policy> start(const std::string& command) const = 0;
};

struct PolicyContext {
  // As the scenario names it: a family's member keeps its suffix (external:NAME).
  std::string name;
  const Deployment& deployment;
  PolicyParams params; // the run's, with its seed
  // Null outside a run (a check, a test): a policy that needs a process cannot be made.
  const PolicyProcesses* processes = nullptr;
};

using PolicyFactory = std::unique_ptr<Policy> (*)(const PolicyContext&);

} // namespace muxsim
