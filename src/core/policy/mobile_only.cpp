// mobile-only: every input on the phone, by the phone's model (Table I, Eq. 9-10).
#include "core/policy/builtin.hpp"

#include "core/policy/requirements.hpp"

namespace muxsim {

namespace {

class MobileOnly : public StaticPolicy {
public:
  Plan choose(const TraceInput&) const override { return Plan::on_phone(); }
};

} // namespace

std::unique_ptr<Policy> make_mobile_only(const Deployment& d, const PolicyParams&) {
  require_mobile(d, "mobile-only");
  return std::make_unique<MobileOnly>();
}

} // namespace muxsim
