#include "run/evaluate.hpp"

#include "core/model/attachment.hpp"
#include "core/model/wifi_timing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace muxsim {

namespace {

// An 802.11 phone's goodput for a transfer of `bytes` as its requests meet it on average:
// bytes over the time-mean of 1 / goodput over the rates it holds
// (core/model/attachment.hpp, rate_shares), each the transfer's (wifi::transfer_goodput_mbps).
double mean_goodput_mbps(const Prepared& p, const std::map<double, double>& rate_shares,
                         double bytes) {
  const wifi::Phy phy = *wifi_phy(p.scenario.network);
  bytes = std::round(bytes);
  if (rate_shares.size() == 1)
    return wifi::transfer_goodput_mbps(phy, rate_shares.begin()->first, bytes);
  double seconds_per_bit = 0;
  for (const auto& [rate, share] : rate_shares)
    seconds_per_bit += share / wifi::transfer_goodput_mbps(phy, rate, bytes);
  return 1 / seconds_per_bit;
}

// Calls `use` with each request's cost, in request order. Request k belongs to phone
// k mod (cells x phones), as in the simulation; each phone is charged its own mean rate
// (its channel's, or its walk's), in the cell it starts in.
template <class Use>
void cost_each_request(const Prepared& p, Policy& policy, const RunPoint& point, Use use) {
  const std::unique_ptr<Attachments> attachments = p.attachments(point);
  std::vector<double> mean_mbps;
  std::vector<ClosedFormLinks> links;
  std::vector<Attachment> first;
  for (long phone = 0; phone < attachments->phones(); ++phone) {
    // A walk's hour is walked once: its rate shares give both the mean rate and goodput. An
    // 802.11 phone is charged the time-mean of 1 / goodput over the rates it holds (a Markov
    // channel's two states), not the goodput of a mean rate the standard does not have.
    const std::map<double, double> shares = attachments->rate_shares(phone);
    double mean = 0;
    for (const auto& [rate, share] : shares)
      mean += rate * share;
    mean_mbps.push_back(p.mobility ? mean : attachments->mean_mbps(phone));
    if (!(mean_mbps.back() > 0)) // the run fails with this reason in its row
      throw std::runtime_error(fmt::format(
          "phone {} is in no access point's range for the first hour of its walk: the closed "
          "form has no rate to charge it (its simulated requests wait for a link)",
          phone));
    const NetworkConfig& n = p.scenario.network;
    links.push_back(wifi_phy(n) ? p.links_at_goodput(mean_goodput_mbps(p, shares, n.upload_bytes),
                                                     mean_goodput_mbps(p, shares, n.download_bytes))
                                : p.links(mean_mbps.back()));
    first.push_back(attachments->first(phone));
  }
  // An adaptive policy's phone sees its mean rate; the closed form has no clock, so each
  // phone's requests are spaced by nothing.
  auto cost = [&](long request, long phone) {
    const TraceInput& in = p.trace.inputs[p.input_of(request)];
    const auto i = static_cast<std::size_t>(phone);
    PhoneView view{phone, mean_mbps[i], 0.0, request, first[i].cell, first[i].distance_m};
    if (const auto at = attachments->position(phone)) {
      view.x_m = at->x_m;
      view.y_m = at->y_m;
    }
    const Plan plan = policy.decide(in, view);
    auto c = account(p.deployment, plan, in, closed_form_timing(p.deployment, plan, links[i]));
    c.cell = view.cell;
    c.distance_m = view.distance_m;
    policy.observe(view, plan, c);
    return c;
  };
  const long n = p.request_count();
  const bool one_link =
      !p.mobility && std::all_of(mean_mbps.begin(), mean_mbps.end(),
                                 [&](double m) { return m == mean_mbps.front(); });
  if (one_link && policy.stateless() && n > static_cast<long>(p.trace.inputs.size())) {
    // Every phone sees the same path, so a request's cost depends on its input alone: cost
    // each input once and replay it as the requests wrap around the trace.
    std::vector<CostBreakdown> per_input;
    for (std::size_t i = 0; i < p.trace.inputs.size(); ++i)
      per_input.push_back(cost(static_cast<long>(i), 0));
    for (long k = 0; k < n; ++k)
      use(per_input[p.input_of(k)]);
    return;
  }
  for (long k = 0; k < n; ++k)
    use(cost(k, k % attachments->phones()));
}

} // namespace

std::vector<CostBreakdown> evaluate_closed_form(const Prepared& p, Policy& policy,
                                                const RunPoint& point) {
  std::vector<CostBreakdown> costs;
  costs.reserve(static_cast<std::size_t>(p.request_count()));
  cost_each_request(p, policy, point, [&](const CostBreakdown& c) { costs.push_back(c); });
  return costs;
}

Summary summarize_closed_form(const Prepared& p, Policy& policy, const RunPoint& point,
                              Percentiles percentiles) {
  SummaryBuilder builder(p.trace.models.size(), p.scenario.load.deadline_ms, percentiles);
  cost_each_request(p, policy, point, [&](const CostBreakdown& c) { builder.add(c); });
  return builder.finish();
}

} // namespace muxsim
