// Algorithm 2, threshold: every cloud model whose score reaches the threshold, averaged;
// the best-scored one when none does.
#include "core/policy/builtin.hpp"

#include "core/policy/cost_weights.hpp"

namespace muxsim {

namespace {

class HybridEnsemble : public StaticPolicy {
public:
  HybridEnsemble(const Deployment& d, double threshold) : d_(d), threshold_(threshold) {}
  Plan choose(const TraceInput& in) const override {
    const auto s = candidate_scores(d_, in);
    SlotList slots;
    for (std::size_t i = 0; i < s.size(); ++i)
      if (s[i] >= threshold_) slots.push_back(static_cast<int>(i));
    if (slots.empty()) slots.push_back(argmax(s));
    return Plan::in_cloud(slots).after_mux();
  }

private:
  const Deployment& d_;
  double threshold_;
};

} // namespace

std::unique_ptr<Policy> make_hybrid_ensemble(const Deployment& d, const PolicyParams& params) {
  return std::make_unique<HybridEnsemble>(d, params.ensemble_threshold);
}

} // namespace muxsim
