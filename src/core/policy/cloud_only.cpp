// cloud-only: every input uploaded to the cloud's default model (Table I, Eq. 13-14).
#include "core/policy/builtin.hpp"

namespace muxsim {

namespace {

class CloudOnly : public StaticPolicy {
public:
  explicit CloudOnly(const Deployment& d) : d_(d) {}
  Plan choose(const TraceInput&) const override { return Plan::in_cloud({d_.cloud_default}); }

private:
  const Deployment& d_;
};

} // namespace

std::unique_ptr<Policy> make_cloud_only(const Deployment& d, const PolicyParams&) {
  return std::make_unique<CloudOnly>(d);
}

} // namespace muxsim
