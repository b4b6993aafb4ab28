// The closed form summarizes requests as it costs them (and replays per-input costs when
// every phone sees the same path); that must equal summarizing the stored per-request
// costs, every column, exactly.
#include "core/output/results.hpp"
#include "core/policy/registry.hpp"
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

namespace {

void check_equal(const Prepared& p, const std::string& policy_name) {
  const auto policy = make_policy(policy_name, p.deployment, p.scenario.params);
  const RunPoint point = p.run_points()[0];
  const Summary stored = summarize(evaluate_closed_form(p, *policy, point), p.trace.models.size(),
                                   p.scenario.load.deadline_ms);
  const Summary streamed = summarize_closed_form(p, *policy, point);
  INFO(policy_name);
  CHECK(summary_to_text(streamed) == summary_to_text(stored)); // exact, as hex floats
  CHECK(streamed.requests == p.request_count());
}

} // namespace

TEST_CASE("streamed closed-form summaries equal stored ones, wrapping around the trace") {
  const auto p = test::tiny_scenario("stream", "requests = 1001",
                                     "[policy]\npolicies = hybrid\n[network]\nwan_latency_ms = 3\n"
                                     "upload_bytes = 5000\n[load]\nphones = 3\ndeadline_ms = 12\n");
  for (const char* policy : {"mobile-only", "cloud-only", "hybrid", "oracle"})
    check_equal(*p, policy);
}

TEST_CASE("streamed closed-form summaries equal stored ones with per-phone rates") {
  const auto p = test::tiny_scenario("stream-rates", "requests = 999",
                                     "[policy]\npolicies = hybrid\n[network]\n"
                                     "phone_rates_mbps = 54,6,1\nupload_bytes = 5000\n"
                                     "[load]\nphones = 3\n");
  for (const char* policy : {"cloud-only", "hybrid"})
    check_equal(*p, policy);
}
