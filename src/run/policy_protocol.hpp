#pragma once
// The external-policy protocol, version 2 (docs/external-policy.md): one JSON object per
// line. muxsim sends hello (the run's setup), decide (one per request; the policy answers
// with a placement), observe (one per completed request) and end (the run's results row).
// Writing is by hand, on the request path; answers are parsed with nlohmann::json.
#include "core/assemble/prepared.hpp"
#include "core/policy/network_aware.hpp"

#include <string>

namespace muxsim::run {

// Version 2 adds where the phone is (position, distance to its access point) to decide.
// hello offers it; a policy that answers ready with version 1 is sent version 1's messages.
constexpr int kProtocolVersion = 2;
constexpr int kOldestProtocolVersion = 1;

// What the run is: scenario, seed, mode, the run point, tiers and their profiles, radio.
std::string hello_message(const Prepared& p, const RunPoint& point, Mode mode, long run);

// One request to place: what the phone knows when it decides.
struct DecideView {
  const TraceInput* input = nullptr;
  PhoneView phone;
  const LinkEstimator* estimates = nullptr; // the phone's own, from its completed requests
  int protocol = kProtocolVersion;          // the one the policy speaks
};
std::string decide_message(const Prepared& p, const DecideView& view);

// A completed request: its stage times, energy, models called and correctness.
std::string observe_message(const Prepared& p, const PhoneView& phone, const Plan& plan,
                            const CostBreakdown& cost);

// The run's row of results.csv, as `header` and `line` (one CSV record each) give it:
// numeric fields as numbers, the rest as text.
std::string end_message(const std::string& header, const std::string& line);

// The policy's answer to decide for `request`, as a plan the deployment can run. Throws
// PolicyFailure saying what is wrong with it.
Plan parse_answer(const std::string& line, const Prepared& p, long request);

} // namespace muxsim::run
