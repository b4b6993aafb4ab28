#include "core/mux/roc.hpp"

#include "core/model/rng.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace muxsim {

double roc_auc(const std::vector<double>& scores, const std::vector<bool>& positive) {
  const std::size_t n = scores.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return scores[a] < scores[b]; });
  // Rank-sum of the positives, tied scores sharing their average rank.
  double rank_sum = 0;
  std::size_t positives = 0;
  for (std::size_t i = 0; i < n;) {
    std::size_t j = i;
    while (j < n && scores[order[j]] == scores[order[i]])
      ++j;
    const double mean_rank = (i + 1 + j) / 2.0;
    for (std::size_t t = i; t < j; ++t)
      if (positive[order[t]]) rank_sum += mean_rank, ++positives;
    i = j;
  }
  const std::size_t negatives = n - positives;
  if (positives == 0 || negatives == 0) return NAN;
  const double p = static_cast<double>(positives);
  return (rank_sum - p * (p + 1) / 2) / (p * static_cast<double>(negatives));
}

Interval bootstrap_auc(const std::vector<double>& scores, const std::vector<bool>& positive,
                       int resamples, std::uint64_t seed) {
  const std::size_t n = scores.size();
  Rng rng(seed, n, kBootstrap);
  std::vector<double> aucs, s(n);
  std::vector<bool> p(n);
  for (int r = 0; r < resamples; ++r) {
    for (std::size_t i = 0; i < n; ++i) {
      const auto pick = static_cast<std::size_t>(rng.uniform() * static_cast<double>(n));
      s[i] = scores[pick], p[i] = positive[pick];
    }
    const double auc = roc_auc(s, p);
    if (!std::isnan(auc)) aucs.push_back(auc);
  }
  if (aucs.empty()) return {NAN, NAN};
  std::sort(aucs.begin(), aucs.end());
  const auto at = [&](double q) {
    return aucs[static_cast<std::size_t>(q * static_cast<double>(aucs.size() - 1) + 0.5)];
  };
  return {at(0.025), at(0.975)};
}

OperatingPoint rates_at(const std::vector<double>& scores, const std::vector<bool>& positive,
                        double threshold) {
  double tp = 0, pos = 0, tn = 0, neg = 0;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const bool kept = scores[i] >= threshold;
    if (positive[i])
      pos += 1, tp += kept;
    else
      neg += 1, tn += !kept;
  }
  return {threshold, pos > 0 ? tp / pos : NAN, neg > 0 ? tn / neg : NAN};
}

} // namespace muxsim
