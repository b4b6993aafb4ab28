#include "core/mux/algorithm2.hpp"

#include "core/model/deployment.hpp"
#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace muxsim {

std::string algorithm2_csv(const DecisionTrace& trace, const std::vector<double>& gflops,
                           double mux_gflops, const std::vector<double>& thresholds,
                           double single_floor) {
  Deployment d;
  d.trace = &trace;
  for (std::size_t m = 0; m < trace.models.size(); ++m) {
    ModelProfile p;
    p.model = trace.models[m];
    p.gflops = gflops[m];
    d.cloud.push_back({static_cast<int>(m), p});
  }
  d.mux.gflops = mux_gflops;
  d.mux_on_phone = false; // Table II: everything runs in the cloud
  const auto largest =
      static_cast<int>(std::max_element(gflops.begin(), gflops.end()) - gflops.begin());
  const double base_accuracy = trace.accuracy(largest);
  const double base_gflops = gflops[largest];

  std::string out = "policy,threshold,accuracy,gflops,accuracy_gain,compute_saving\n";
  auto row = [&](const std::string& name, const std::string& threshold, double accuracy,
                 double mean_gflops) {
    out += fmt::format("{},{},{:.4f},{:.6g},{:.4f},{:.3f}\n", name, threshold, accuracy,
                       mean_gflops, accuracy - base_accuracy, base_gflops / mean_gflops);
  };
  for (std::size_t m = 0; m < trace.models.size(); ++m)
    row(trace.models[m] + "-only", "", trace.accuracy(static_cast<int>(m)), gflops[m]);
  // Table II's policies are static: what a phone sees does not move their decisions.
  auto evaluate = [&](Policy& policy) {
    double right = 0, cost = 0;
    for (const auto& in : trace.inputs) {
      const auto c = account(d, policy.decide(in, PhoneView{}), in, Timing{});
      right += c.correct;
      cost += c.cloud_gflops + c.phone_gflops;
    }
    const double n = static_cast<double>(trace.inputs.size());
    return std::pair{right / n, cost / n};
  };
  PolicyParams params;
  params.hybrid_threshold = single_floor;
  const auto [single_acc, single_gflops] = evaluate(*make_policy("hybrid-single", d, params));
  row("hybrid-single", "", single_acc, single_gflops);
  for (const double t : thresholds) {
    params.ensemble_threshold = t;
    const auto [acc, cost] = evaluate(*make_policy("hybrid-ensemble", d, params));
    row("hybrid-ensemble", fmt::format("{:.3f}", t), acc, cost);
  }
  const auto [oracle_acc, oracle_gflops] = evaluate(*make_policy("oracle", d, params));
  row("oracle", "", oracle_acc, oracle_gflops);
  return out;
}

} // namespace muxsim
