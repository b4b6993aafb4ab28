#pragma once
// How well a score separates inputs a model gets right (positives) from those it gets
// wrong: ROC AUC, and TPR/TNR at an operating threshold. The paper's TNR (Table I, 0.966)
// is the share of the phone model's mistakes the multiplexer sends to the cloud.
#include <cstdint>
#include <vector>

namespace muxsim {

// Mann-Whitney form: P(score of a random positive > score of a random negative), ties
// counting one half. NaN when either class is empty.
double roc_auc(const std::vector<double>& scores, const std::vector<bool>& positive);

// A percentile bootstrap 95% interval of roc_auc: `resamples` draws of the inputs with
// replacement (splitmix64, seeded), the 2.5th and 97.5th percentiles of their AUCs. Draws
// with one class empty are skipped. {NaN, NaN} when no draw has both classes.
struct Interval {
  double lo = 0, hi = 0;
};
Interval bootstrap_auc(const std::vector<double>& scores, const std::vector<bool>& positive,
                       int resamples, std::uint64_t seed);

struct OperatingPoint {
  double threshold = 0;
  double tpr = 0; // right inputs with score >= threshold
  double tnr = 0; // wrong inputs with score < threshold
};

OperatingPoint rates_at(const std::vector<double>& scores, const std::vector<bool>& positive,
                        double threshold);

} // namespace muxsim
