#pragma once
// How well each scorer predicts each model's correctness on a decision trace
// (README "Multiplexer report"): the learned multiplexer's out-of-fold scores, and the
// reference scorer, the phone model's own max-softmax confidence.
#include "core/trace.hpp"

#include <string>

namespace muxsim {

// CSV `model,scorer,auc,threshold,tpr,tnr,model_accuracy,inputs`: for every model of the
// trace, one row for scorer `learned` (score_<model>) and one for `confidence`
// (conf_<baseline>, the same score for every target model).
std::string mux_report_csv(const DecisionTrace& trace, int baseline, double threshold);

} // namespace muxsim
