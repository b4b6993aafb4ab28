#pragma once
// policy = external (docs/external-policy.md): a policy in another process, started once per
// run by [policy] external_command and spoken to by the protocol of policy_protocol.hpp.
// Decisions are synchronous: the run, closed form or simulated, waits for each answer, so
// simulated time does not move while the policy thinks.
#include "core/assemble/prepared.hpp"
#include "core/policy/network_aware.hpp"
#include "run/policy_process.hpp"

#include <functional>
#include <map>
#include <memory>

namespace muxsim::run {

class ExternalPolicy : public Policy {
public:
  // Starts the command and sends hello; throws PolicyFailure if it does not answer ready.
  // `command`: the one that runs this policy (external_command_for).
  ExternalPolicy(const Prepared& p, const std::string& command, const RunPoint& point, Mode mode,
                 long run, std::function<int()> stop_signal);

  Plan choose(const TraceInput& input) const override;
  Plan decide(const TraceInput& input, const PhoneView& view) override;
  void observe(const PhoneView& view, const Plan& plan, const CostBreakdown& cost) override;
  // Sends the run's results row, closes the policy's stdin and lets it exit.
  void end(const std::string& header, const std::string& line);

private:
  const Prepared& p_;
  long phones_per_cell_;
  PolicyProcess process_;
  std::map<long, LinkEstimator> estimators_; // per phone, as network-aware keeps them
};

} // namespace muxsim::run
