#pragma once
// The policy interface. Policies decide, per input, what runs where. They see only what the
// multiplexer would see at run time (its scores) — except `oracle`, an upper bound that reads
// correctness.
#include "core/base/policy_params.hpp"
#include "core/model/deployment.hpp"

#include <limits>
#include <memory>
#include <string>
#include <vector>

namespace muxsim {

// What a phone knows when it decides: which phone it is, the rate its Wi-Fi interface
// reports (the signal level a phone reads), the access point it is on, and the time. Adaptive
// policies see it; with it comes the request's number in its run, which names it to an external
// policy.
struct PhoneView {
  long phone = 0;
  double wifi_mbps = 0; // 0: no link now (out of range, or a handover's gap)
  double now_s = 0;
  long request = 0;
  long cell = 0; // the access point serving it (core/model/attachment.hpp); -1: none now
  // With [mobility]: where it stands, and how far its access point is (NaN without).
  double distance_m = std::numeric_limits<double>::quiet_NaN();
  double x_m = std::numeric_limits<double>::quiet_NaN();
  double y_m = std::numeric_limits<double>::quiet_NaN();
};

class Policy {
public:
  virtual ~Policy() = default;
  // The one method a policy must have: where this input runs, given what its phone sees.
  // Both modes ask it for every request (the closed form may replay a stateless policy's).
  virtual Plan decide(const TraceInput& input, const PhoneView& view) = 0;

  // May the closed form cost each input once and replay that cost when the requests wrap
  // around the trace? Only when the decision is a function of the input alone. A policy must
  // say so (StaticPolicy does): one that learns is then never replayed by mistake.
  virtual bool stateless() const { return false; }
  // Adaptive policies (docs/seed-policies.md) learn from what their requests cost: called
  // once a request of `view.phone` has completed, with what that phone observed.
  virtual void observe(const PhoneView&, const Plan&, const CostBreakdown&) {}
  // What the policy learned, as CSV files by name (e.g. a learning curve); empty for most.
  virtual std::vector<std::pair<std::string, std::string>> learning_files() const { return {}; }
  // Called once the run is costed, with its results row as results.csv writes it (the
  // header line and the row's line). A policy in another process is sent it and waits to
  // exit (docs/external-policy.md); the policy layer cannot format results, so it gets text.
  virtual void end(const std::string& /*results_header*/, const std::string& /*results_line*/) {}
};

// A policy whose decision is `choose`, a function of the input's trace row alone: it ignores
// what the phone sees, and the closed form may replay it.
class StaticPolicy : public Policy {
public:
  virtual Plan choose(const TraceInput& input) const = 0;
  Plan decide(const TraceInput& input, const PhoneView&) final { return choose(input); }
  bool stateless() const final { return true; }
};

} // namespace muxsim
