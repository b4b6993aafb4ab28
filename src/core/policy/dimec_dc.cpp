// DIMEC-DC (Bajpai & Hanawal, arXiv 2412.16616): the trace's predicted difficulty region
// places each input, easy on the phone, medium on the edge, hard in the cloud
// (docs/seed-policies.md). The region classifier reads the phone model's own features, so
// the phone model runs on every input, as in DIMEC-DC's mobile stage; its head (a few
// hundred multiply-accumulates) is not charged.
#include "core/policy/builtin.hpp"

#include "core/base/input_error.hpp"
#include "core/policy/requirements.hpp"

namespace muxsim {

namespace {

class DimecDc : public StaticPolicy {
public:
  explicit DimecDc(const Deployment& d) : d_(d) {}
  Plan choose(const TraceInput& in) const override {
    if (in.region == 0) return Plan::on_phone();
    if (in.region == 1) return Plan::on_edge().after_phone();
    return Plan::in_cloud({d_.cloud_default}).after_phone();
  }

private:
  const Deployment& d_;
};

} // namespace

std::unique_ptr<Policy> make_dimec_dc(const Deployment& d, const PolicyParams&) {
  require_mobile(d, "dimec-dc");
  require_edge(d, "dimec-dc");
  if (!d.trace->has_region())
    throw InputError("policy 'dimec-dc' needs a region column in the trace (muxsim zoo dimec)");
  return std::make_unique<DimecDc>(d);
}

} // namespace muxsim
