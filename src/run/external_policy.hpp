#pragma once
// policy = external (docs/external-policy.md): a policy in another process, started once per
// run by [policy] external_command and spoken to by the protocol of policy_protocol.hpp.
// Decisions are synchronous: the run, closed form or simulated, waits for each answer, so
// simulated time does not move while the policy thinks.
#include "core/assemble/prepared.hpp"
#include "core/policy/context.hpp"
#include "core/policy/network_aware.hpp"
#include "run/policy_process.hpp"
#include "run/policy_protocol.hpp"

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

  Plan decide(const TraceInput& input, const PhoneView& view) override;
  void observe(const PhoneView& view, const Plan& plan, const CostBreakdown& cost) override;
  // Sends the run's results row, closes the policy's stdin and lets it exit.
  void end(const std::string& header, const std::string& line) override;

private:
  const Prepared& p_;
  int protocol_ = kProtocolVersion; // as the policy answered hello
  PolicyProcess process_;
  std::map<long, LinkEstimator> estimators_; // per phone, as network-aware keeps them
};

// What one run hands the registry's external factory (core/policy/external.hpp), which
// picks the command: the run's scenario, point, mode and number go into hello, and the
// sweep's stop signal is read while the policy thinks.
class ExternalProcesses : public PolicyProcesses {
public:
  ExternalProcesses(const Prepared& p, const RunPoint& point, Mode mode, long run,
                    std::function<int()> stop_signal)
      : p_(p), point_(point), mode_(mode), run_(run), stop_signal_(std::move(stop_signal)) {}
  std::unique_ptr<Policy> start(const std::string& command) const override {
    return std::make_unique<ExternalPolicy>(p_, command, point_, mode_, run_, stop_signal_);
  }

private:
  const Prepared& p_;
  RunPoint point_;
  Mode mode_;
  long run_;
  std::function<int()> stop_signal_;
};

} // namespace muxsim::run
