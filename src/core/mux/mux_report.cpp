#include "core/mux/mux_report.hpp"

#include "core/mux/roc.hpp"

#include <fmt/format.h>

namespace muxsim {

std::vector<ReportScorer> trace_scorers(const DecisionTrace& trace, int baseline, double mux_gmacs,
                                        double baseline_gmacs) {
  const auto* t = &trace;
  return {
      {"learned", mux_gmacs, [t](std::size_t i, std::size_t m) { return t->inputs[i].score[m]; }},
      {"confidence", baseline_gmacs,
       [t, baseline](std::size_t i, std::size_t) { return t->inputs[i].conf[baseline]; }}};
}

std::string mux_report_csv(const DecisionTrace& trace, const std::vector<ReportScorer>& scorers,
                           double threshold, std::uint64_t seed) {
  constexpr int kResamples = 1000;
  std::string out =
      "model,scorer,gmacs,auc,auc_lo,auc_hi,threshold,tpr,tnr,model_accuracy,inputs\n";
  for (std::size_t m = 0; m < trace.models.size(); ++m) {
    std::vector<bool> right;
    for (const auto& in : trace.inputs)
      right.push_back(in.correct[m]);
    for (const auto& scorer : scorers) {
      std::vector<double> scores;
      for (std::size_t i = 0; i < trace.inputs.size(); ++i)
        scores.push_back(scorer.score(i, m));
      const auto point = rates_at(scores, right, threshold);
      const auto interval = bootstrap_auc(scores, right, kResamples, seed);
      out += fmt::format("{},{},{:.6f},{:.4f},{:.4f},{:.4f},{},{:.4f},{:.4f},{:.4f},{}\n",
                         trace.models[m], scorer.name, scorer.gmacs, roc_auc(scores, right),
                         interval.lo, interval.hi, threshold, point.tpr, point.tnr,
                         trace.accuracy(static_cast<int>(m)), trace.inputs.size());
    }
  }
  return out;
}

} // namespace muxsim
