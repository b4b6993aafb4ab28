// The binary multiplexer of Table I with the edge server in the cloud's place: local when
// it predicts the phone's model is right, else the edge model.
#include "core/policy/builtin.hpp"

#include "core/base/input_error.hpp"
#include "core/policy/requirements.hpp"

namespace muxsim {

namespace {

class HybridEdge : public StaticPolicy {
public:
  HybridEdge(const Deployment& d, double threshold) : d_(d), threshold_(threshold) {}
  Plan choose(const TraceInput& in) const override {
    if (in.score[d_.mobile] >= threshold_) return Plan::on_phone().after_mux();
    return Plan::on_edge().after_mux();
  }

private:
  const Deployment& d_;
  double threshold_;
};

} // namespace

std::unique_ptr<Policy> make_hybrid_edge(const Deployment& d, const PolicyParams& params) {
  require_mobile(d, "hybrid-edge");
  require_edge(d, "hybrid-edge");
  if (!d.mux_on_phone)
    throw InputError("policy 'hybrid-edge' needs the multiplexer on the phone (mux_device)");
  return std::make_unique<HybridEdge>(d, params.hybrid_threshold);
}

} // namespace muxsim
