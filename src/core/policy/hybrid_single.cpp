// Algorithm 2, argmax: one cloud model, the largest Eq. 5-6 weight.
#include "core/policy/builtin.hpp"

#include "core/policy/cost_weights.hpp"

namespace muxsim {

namespace {

class HybridSingle : public StaticPolicy {
public:
  HybridSingle(const Deployment& d, double floor)
      : d_(d), floor_(floor), gflops_(candidate_gflops(d)) {}
  Plan choose(const TraceInput& in) const override {
    return Plan::in_cloud({argmax(cost_weights(candidate_scores(d_, in), gflops_, floor_))})
        .after_mux();
  }

private:
  const Deployment& d_;
  double floor_;
  std::vector<double> gflops_;
};

} // namespace

std::unique_ptr<Policy> make_hybrid_single(const Deployment& d, const PolicyParams& params) {
  return std::make_unique<HybridSingle>(d, params.hybrid_threshold);
}

} // namespace muxsim
