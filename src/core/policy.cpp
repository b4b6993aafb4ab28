#include "core/policy.hpp"

#include "core/autoscale.hpp"
#include "core/csv.hpp"
#include "core/input_error.hpp"
#include "core/network_aware.hpp"
#include "core/rng.hpp"

#include <algorithm>
#include <cmath>

namespace muxsim {

namespace {

void require_mobile(const Deployment& d, const std::string& name) {
  if (d.mobile < 0)
    throw InputError("policy '" + name + "' needs a phone model (scenario key mobile_model)");
}

void require_edge(const Deployment& d, const std::string& name) {
  if (d.edge < 0)
    throw InputError("policy '" + name +
                     "' needs an edge tier (keys edge_device and edge_model under [devices])");
}

class MobileOnly : public StaticPolicy {
public:
  Plan choose(const TraceInput&) const override { return Plan::on_phone(); }
};

class CloudOnly : public StaticPolicy {
public:
  explicit CloudOnly(const Deployment& d) : d_(d) {}
  Plan choose(const TraceInput&) const override { return Plan::in_cloud({d_.cloud_default}); }

private:
  const Deployment& d_;
};

// Every input to the edge server's model, one Wi-Fi hop away.
class EdgeOnly : public StaticPolicy {
public:
  Plan choose(const TraceInput&) const override { return Plan::on_edge(); }
};

// The binary multiplexer of Table I with the edge server in the cloud's place: local when
// it predicts the phone's model is right, else the edge model.
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

// Table I: the binary multiplexer keeps an input local when it predicts the phone's model
// is right. With `by_confidence`, the reference multiplexer instead: the phone model's own
// max-softmax confidence, which is known only after the phone model has run, so the phone
// model always runs and no separate multiplexer is charged.
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

// The early multiplexer (docs/imagenet.md): the phone runs its model's first k
// blocks and a head on their pooled activation; when the head predicts the phone model is
// right, the phone finishes the remaining blocks, else it offloads to the cloud default.
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

// Random offloading at the rate hybrid offloads on this trace (scores below
// hybrid_threshold), no multiplexer: the baseline that shows what the multiplexer's choice
// of *which* inputs adds. Each input's draw depends on its id and the seed only.
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

// DIMEC-DC (Bajpai & Hanawal, arXiv 2412.16616): the trace's predicted difficulty region
// places each input, easy on the phone, medium on the edge, hard in the cloud
// (docs/seed-policies.md). The region classifier reads the phone model's own features, so
// the phone model runs on every input, as in DIMEC-DC's mobile stage; its head (a few
// hundred multiply-accumulates) is not charged.
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

std::vector<double> candidate_scores(const Deployment& d, const TraceInput& in) {
  std::vector<double> s;
  for (const auto& c : d.cloud)
    s.push_back(in.score[c.trace_index]);
  return s;
}

std::vector<double> candidate_gflops(const Deployment& d) {
  std::vector<double> g;
  for (const auto& c : d.cloud)
    g.push_back(c.profile.gflops);
  return g;
}

int argmax(const std::vector<double>& v) {
  return static_cast<int>(std::max_element(v.begin(), v.end()) - v.begin());
}

// Algorithm 2, argmax: one cloud model, the largest Eq. 5-6 weight.
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

// Algorithm 2, threshold: every cloud model whose score reaches the threshold, averaged;
// the best-scored one when none does.
class HybridEnsemble : public StaticPolicy {
public:
  HybridEnsemble(const Deployment& d, double threshold) : d_(d), threshold_(threshold) {}
  Plan choose(const TraceInput& in) const override {
    const auto s = candidate_scores(d_, in);
    SlotList slots;
    for (std::size_t i = 0; i < s.size(); ++i)
      if (s[i] >= threshold_) slots.push_back(static_cast<int>(i));
    if (slots.empty()) slots.push_back(argmax(s));
    return Plan::in_cloud(slots).after_mux();
  }

private:
  const Deployment& d_;
  double threshold_;
};

// Upper bound: the cheapest (fewest GFLOPs) correct model, local counted among them; when
// none is right, the cheapest option. Reads correctness, which no real multiplexer can.
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

std::vector<double> cost_weights(const std::vector<double>& scores,
                                 const std::vector<double>& gflops, double floor) {
  const double largest = *std::max_element(gflops.begin(), gflops.end());
  std::vector<double> logits(scores.size());
  for (std::size_t i = 0; i < scores.size(); ++i) {
    const double s = scores[i] >= floor ? scores[i] : 0.0;
    logits[i] = s / std::max(gflops[i] / largest, 1e-9);
  }
  const double top = *std::max_element(logits.begin(), logits.end());
  double sum = 0;
  for (auto& l : logits)
    sum += (l = std::exp(l - top));
  for (auto& l : logits)
    l /= sum;
  return logits;
}

const std::vector<std::string>& policy_names() {
  static const std::vector<std::string> names = {
      "mobile-only",   "cloud-only",      "edge-only",     "hybrid",       "hybrid-confidence",
      "hybrid-single", "hybrid-ensemble", "hybrid-edge",   "hybrid-early", "random-offload",
      "dimec-dc",      "autoscale",       "network-aware", "oracle"};
  return names;
}

std::string policy_note(const std::string& name) {
  return name == "oracle" ? "upper bound: reads correctness" : "";
}

std::unique_ptr<Policy> make_policy(const std::string& name, const Deployment& d,
                                    const PolicyParams& params) {
  if (name == "mobile-only") {
    require_mobile(d, name);
    return std::make_unique<MobileOnly>();
  }
  if (name == "cloud-only") return std::make_unique<CloudOnly>(d);
  if (name == "edge-only") {
    require_edge(d, name);
    return std::make_unique<EdgeOnly>();
  }
  if (name == "hybrid-edge") {
    require_mobile(d, name);
    require_edge(d, name);
    if (!d.mux_on_phone)
      throw InputError("policy 'hybrid-edge' needs the multiplexer on the phone (mux_device)");
    return std::make_unique<HybridEdge>(d, params.hybrid_threshold);
  }
  if (name == "hybrid") {
    require_mobile(d, name);
    return std::make_unique<Hybrid>(d, params.hybrid_threshold, false);
  }
  if (name == "hybrid-confidence") {
    require_mobile(d, name);
    return std::make_unique<Hybrid>(d, params.confidence_threshold, true);
  }
  if (name == "hybrid-early") {
    require_mobile(d, name);
    if (!d.has_early)
      throw InputError("policy 'hybrid-early' needs the early multiplexer's cost (keys "
                       "early_prefix and early_head under [devices])");
    if (!d.trace->has_early())
      throw InputError("policy 'hybrid-early' needs early_<model> columns in the trace "
                       "(muxsim trace --prefix-model)");
    return std::make_unique<HybridEarly>(d, params.early_threshold);
  }
  if (name == "random-offload") {
    require_mobile(d, name);
    return std::make_unique<RandomOffload>(d, params.hybrid_threshold, params.seed);
  }
  if (name == "dimec-dc") {
    require_mobile(d, name);
    require_edge(d, name);
    if (!d.trace->has_region())
      throw InputError("policy 'dimec-dc' needs a region column in the trace (muxsim zoo dimec)");
    return std::make_unique<DimecDc>(d);
  }
  if (name == "autoscale") {
    const AutoScaleParams a{params.alpha,  params.gamma,           params.epsilon,
                            params.qos_ms, params.accuracy_target, params.seed};
    return make_autoscale(d, a);
  }
  if (name == "network-aware") {
    if (!d.mux_on_phone)
      throw InputError("policy 'network-aware' needs the multiplexer on the phone (mux_device)");
    return make_network_aware(d, {params.score_target, params.objective == Objective::Energy});
  }
  if (name == "hybrid-single") return std::make_unique<HybridSingle>(d, params.hybrid_threshold);
  if (name == "hybrid-ensemble")
    return std::make_unique<HybridEnsemble>(d, params.ensemble_threshold);
  if (name == "oracle") return std::make_unique<Oracle>(d);
  throw InputError("unknown policy '" + name + "'; known: " + join(policy_names()));
}

} // namespace muxsim
