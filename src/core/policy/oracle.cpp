// Upper bound: the cheapest (fewest GFLOPs) correct model, local counted among them; when
// none is right, the cheapest option. Reads correctness, which no real multiplexer can.
#include "core/policy/builtin.hpp"

#include <cmath>

namespace muxsim {

namespace {

class Oracle : public StaticPolicy {
public:
  explicit Oracle(const Deployment& d) : d_(d) {}
  Plan choose(const TraceInput& in) const override {
    Plan best; // replaced by the first option considered
    double best_cost = INFINITY;
    bool best_right = false;
    auto consider = [&](Plan plan, double gflops, bool right) {
      if ((right && !best_right) || (right == best_right && gflops < best_cost))
        best = std::move(plan), best_cost = gflops, best_right = right;
    };
    if (d_.mobile >= 0) consider(Plan::on_phone(), d_.mobile_profile.gflops, in.correct[d_.mobile]);
    for (std::size_t i = 0; i < d_.cloud.size(); ++i)
      consider(Plan::in_cloud({static_cast<int>(i)}), d_.cloud[i].profile.gflops,
               in.correct[d_.cloud[i].trace_index]);
    if (d_.edge >= 0) consider(Plan::on_edge(), d_.edge_profile.gflops, in.correct[d_.edge]);
    return best;
  }

private:
  const Deployment& d_;
};

} // namespace

std::unique_ptr<Policy> make_oracle(const Deployment& d, const PolicyParams&) {
  return std::make_unique<Oracle>(d);
}

} // namespace muxsim
