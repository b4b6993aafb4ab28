// Table I: the binary multiplexer keeps an input local when it predicts the phone's model
// is right. With `by_confidence`, the reference multiplexer instead: the phone model's own
// max-softmax confidence, which is known only after the phone model has run, so the phone
// model always runs and no separate multiplexer is charged.
#include "core/policy/builtin.hpp"

#include "core/policy/requirements.hpp"

namespace muxsim {

namespace {

class Hybrid : public StaticPolicy {
public:
  Hybrid(const Deployment& d, double threshold, bool by_confidence)
      : d_(d), threshold_(threshold), by_confidence_(by_confidence) {}
  Plan choose(const TraceInput& in) const override {
    if (by_confidence_) {
      if (in.conf[d_.mobile] >= threshold_) return Plan::on_phone();
      return Plan::in_cloud({d_.cloud_default}).after_phone();
    }
    if (in.score[d_.mobile] >= threshold_) return Plan::on_phone().after_mux();
    return Plan::in_cloud({d_.cloud_default}).after_mux();
  }

private:
  const Deployment& d_;
  double threshold_;
  bool by_confidence_;
};

} // namespace

std::unique_ptr<Policy> make_hybrid(const Deployment& d, const PolicyParams& params) {
  require_mobile(d, "hybrid");
  return std::make_unique<Hybrid>(d, params.hybrid_threshold, false);
}

std::unique_ptr<Policy> make_hybrid_confidence(const Deployment& d, const PolicyParams& params) {
  require_mobile(d, "hybrid-confidence");
  return std::make_unique<Hybrid>(d, params.confidence_threshold, true);
}

} // namespace muxsim
