#include "core/policy/cost_weights.hpp"

#include <algorithm>
#include <cmath>

namespace muxsim {

std::vector<double> cost_weights(const std::vector<double>& scores,
                                 const std::vector<double>& gflops, double floor) {
  const double largest = *std::max_element(gflops.begin(), gflops.end());
  std::vector<double> logits(scores.size());
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const double s = scores[i] >= floor ? scores[i] : 0.0;
    logits[i] = s / std::max(gflops[i] / largest, 1e-9);
  }
  const double top = *std::max_element(logits.begin(), logits.end());
  double sum = 0;
  for (auto& l : logits)
    sum += (l = std::exp(l - top));
  for (auto& l : logits)
    l /= sum;
  return logits;
}

std::vector<double> candidate_scores(const Deployment& d, const TraceInput& in) {
  std::vector<double> s;
  for (const auto& c : d.cloud)
    s.push_back(in.score[c.trace_index]);
  return s;
}

std::vector<double> candidate_gflops(const Deployment& d) {
  std::vector<double> g;
  for (const auto& c : d.cloud)
    g.push_back(c.profile.gflops);
  return g;
}

int argmax(const std::vector<double>& v) {
  return static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
}

} // namespace muxsim
