#include "core/mux_report.hpp"

#include "core/roc.hpp"

#include <fmt/format.h>

namespace muxsim {

std::string mux_report_csv(const DecisionTrace& trace, int baseline, double threshold) {
  std::string out = "model,scorer,auc,threshold,tpr,tnr,model_accuracy,inputs\n";
  for (std::size_t m = 0; m < trace.models.size(); ++m) {
    std::vector<bool> right;
    std::vector<double> learned, confidence;
    for (const auto& in : trace.inputs) {
      right.push_back(in.correct[m]);
      learned.push_back(in.score[m]);
      confidence.push_back(in.conf[baseline]);
    }
    for (const auto& [scorer, scores] :
         {std::pair{"learned", &learned}, {"confidence", &confidence}}) {
      const auto point = rates_at(*scores, right, threshold);
      out += fmt::format("{},{},{:.4f},{},{:.4f},{:.4f},{:.4f},{}\n", trace.models[m], scorer,
                         roc_auc(*scores, right), threshold, point.tpr, point.tnr,
                         trace.accuracy(static_cast<int>(m)), trace.inputs.size());
    }
  }
  return out;
}

} // namespace muxsim
