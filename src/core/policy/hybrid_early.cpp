// The early multiplexer (docs/imagenet.md): the phone runs its model's first k
// blocks and a head on their pooled activation; when the head predicts the phone model is
// right, the phone finishes the remaining blocks, else it offloads to the cloud default.
#include "core/policy/builtin.hpp"

#include "core/base/input_error.hpp"
#include "core/policy/requirements.hpp"

namespace muxsim {

namespace {

class HybridEarly : public StaticPolicy {
public:
  HybridEarly(const Deployment& d, double threshold) : d_(d), threshold_(threshold) {}
  Plan choose(const TraceInput& in) const override {
    if (in.early[d_.mobile] >= threshold_) return Plan::on_phone().after_early_mux();
    return Plan::in_cloud({d_.cloud_default}).after_early_mux();
  }

private:
  const Deployment& d_;
  double threshold_;
};

} // namespace

std::unique_ptr<Policy> make_hybrid_early(const Deployment& d, const PolicyParams& params) {
  require_mobile(d, "hybrid-early");
  if (!d.has_early)
    throw InputError("policy 'hybrid-early' needs the early multiplexer's cost (keys "
                     "early_prefix and early_head under [devices])");
  if (!d.trace->has_early())
    throw InputError("policy 'hybrid-early' needs early_<model> columns in the trace "
                     "(muxsim trace --prefix-model)");
  return std::make_unique<HybridEarly>(d, params.early_threshold);
}

} // namespace muxsim
