// Every input to the edge server's model, one Wi-Fi hop away.
#include "core/policy/builtin.hpp"

#include "core/policy/requirements.hpp"

namespace muxsim {

namespace {

class EdgeOnly : public StaticPolicy {
public:
  Plan choose(const TraceInput&) const override { return Plan::on_edge(); }
};

} // namespace

std::unique_ptr<Policy> make_edge_only(const Deployment& d, const PolicyParams&) {
  require_edge(d, "edge-only");
  return std::make_unique<EdgeOnly>();
}

} // namespace muxsim
