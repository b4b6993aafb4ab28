#pragma once
// The policy interface. Policies decide, per input, what runs where. They see only what the
// multiplexer would see at run time (its scores) — except `oracle`, an upper bound that reads
// correctness.
#include "core/base/policy_params.hpp"
#include "core/model/deployment.hpp"

#include <memory>
#include <string>
#include <vector>

namespace muxsim {

// What a phone knows when it decides: which phone it is, the rate its Wi-Fi interface
// reports (the signal level a phone reads), and the time. Adaptive policies see it; with it
// comes the request's number in its run, which names it to an external policy.
struct PhoneView {
  long phone = 0;
  double wifi_mbps = 0;
  double now_s = 0;
  long request = 0;
};

class Policy {
public:
  virtual ~Policy() = default;
  // A static policy's decision: a function of the input's trace row alone.
  virtual Plan choose(const TraceInput& input) const = 0;

  // May the closed form cost each input once and replay that cost when the requests wrap
  // around the trace? Only when the decision is a function of the input alone. A policy must
  // say so (StaticPolicy does): one that learns is then never replayed by mistake.
  virtual bool stateless() const { return false; }
  // Adaptive policies (docs/seed-policies.md) decide from what the phone sees and learn
  // from what its requests cost; the defaults decide by `choose` and learn nothing.
  virtual Plan decide(const TraceInput& input, const PhoneView&) { return choose(input); }
  // Called once a request of `view.phone` has completed, with what that phone observed.
  virtual void observe(const PhoneView&, const Plan&, const CostBreakdown&) {}
  // What the policy learned, as CSV files by name (e.g. a learning curve); empty for most.
  virtual std::vector<std::pair<std::string, std::string>> learning_files() const { return {}; }
};

// A policy whose decision is `choose`, a function of the input's trace row alone.
class StaticPolicy : public Policy {
public:
  bool stateless() const final { return true; }
};

} // namespace muxsim
