#include "core/evaluate.hpp"

namespace muxsim {

std::vector<CostBreakdown> evaluate_closed_form(const Prepared& p, const Policy& policy,
                                                const RunPoint& point) {
  const LinkSpec link = p.link(point);
  std::vector<CostBreakdown> costs;
  const long n = p.request_count();
  costs.reserve(static_cast<std::size_t>(n));
  for (long k = 0; k < n; ++k) {
    const TraceInput& in = p.trace.inputs[p.input_of(k)];
    const Plan plan = policy.choose(in);
    costs.push_back(account(p.deployment, plan, in, closed_form_timing(p.deployment, plan, link)));
  }
  return costs;
}

} // namespace muxsim
