#pragma once
// How well each scorer predicts each model's correctness on a decision trace
// (docs/imagenet.md): the learned multiplexer's out-of-fold scores, the
// reference scorer (the phone model's own max-softmax confidence), and any further scorers
// such as the early multiplexers on the phone model's prefix.
#include "core/formats/trace.hpp"

#include <functional>
#include <string>
#include <vector>

namespace muxsim {

struct ReportScorer {
  std::string name;
  double gmacs = 0; // what producing the score costs, per input
  // Its score that `model` classifies the input right.
  std::function<double(std::size_t input, std::size_t model)> score;
};

// The trace's own two scorers: `learned` (score_<model>, costing mux_gmacs) and
// `confidence` (conf_<baseline> for every target model, costing the phone model's
// baseline_gmacs, since it is known only once the phone model has run).
std::vector<ReportScorer> trace_scorers(const DecisionTrace& trace, int baseline, double mux_gmacs,
                                        double baseline_gmacs);

// CSV `model,scorer,gmacs,auc,auc_lo,auc_hi,threshold,tpr,tnr,model_accuracy,inputs`: one
// row per model of the trace and scorer; auc_lo/auc_hi are bootstrap 95% intervals
// (1,000 resamples of the inputs, seeded by `seed`).
std::string mux_report_csv(const DecisionTrace& trace, const std::vector<ReportScorer>& scorers,
                           double threshold, std::uint64_t seed = 1);

} // namespace muxsim
