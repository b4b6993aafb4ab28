#include "core/evaluate.hpp"

#include "core/channel.hpp"

namespace muxsim {

std::vector<CostBreakdown> evaluate_closed_form(const Prepared& p, const Policy& policy,
                                                const RunPoint& point) {
  // Request k belongs to phone k mod (cells x phones), as in the simulation; each phone is
  // charged its own channel's mean rate.
  const Channel channel(p.scenario, point, p.channel_traces);
  std::vector<ClosedFormLinks> links;
  for (long phone = 0; phone < channel.phones(); ++phone)
    links.push_back(p.links(channel.mean_mbps(phone)));
  std::vector<CostBreakdown> costs;
  const long n = p.request_count();
  costs.reserve(static_cast<std::size_t>(n));
  for (long k = 0; k < n; ++k) {
    const TraceInput& in = p.trace.inputs[p.input_of(k)];
    const Plan plan = policy.choose(in);
    const auto& link = links[static_cast<std::size_t>(k % channel.phones())];
    costs.push_back(account(p.deployment, plan, in, closed_form_timing(p.deployment, plan, link)));
  }
  return costs;
}

} // namespace muxsim
