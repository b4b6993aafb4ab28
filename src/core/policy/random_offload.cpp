// Random offloading at the rate hybrid offloads on this trace (scores below
// hybrid_threshold), no multiplexer: the baseline that shows what the multiplexer's choice
// of *which* inputs adds. Each input's draw depends on its id and the seed only.
#include "core/policy/builtin.hpp"

#include "core/model/rng.hpp"
#include "core/policy/requirements.hpp"

namespace muxsim {

namespace {

class RandomOffload : public StaticPolicy {
public:
  RandomOffload(const Deployment& d, double threshold, std::uint64_t seed) : d_(d), seed_(seed) {
    double below = 0;
    for (const auto& in : d.trace->inputs)
      below += in.score[d.mobile] < threshold;
    rate_ = below / static_cast<double>(d.trace->inputs.size());
  }
  Plan choose(const TraceInput& in) const override {
    std::uint64_t id = 1469598103934665603ULL; // FNV-1a of the input id
    for (const unsigned char ch : in.input_id)
      id = (id ^ ch) * 1099511628211ULL;
    if (Rng(seed_, id, kRandomOffload).uniform() < rate_) return Plan::in_cloud({d_.cloud_default});
    return Plan::on_phone();
  }

private:
  const Deployment& d_;
  std::uint64_t seed_;
  double rate_ = 0;
};

} // namespace

std::unique_ptr<Policy> make_random_offload(const Deployment& d, const PolicyParams& params) {
  require_mobile(d, "random-offload");
  return std::make_unique<RandomOffload>(d, params.hybrid_threshold, params.seed);
}

} // namespace muxsim
