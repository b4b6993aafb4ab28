// Policies, their registry, and the reconstruction of the paper's traces.
#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"
#include "core/model/reconstruct.hpp"
#include "core/policy/cost_weights.hpp"
#include "core/policy/policy.hpp"
#include "core/policy/registry.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace muxsim;

TEST_CASE("Eq. 5-6 cost weights: cheaper models win ties, expected failures drop out") {
  // Equal scores: the cheaper model gets the larger weight.
  const auto w = cost_weights({0.9, 0.9}, {0.3, 16.4}, 0.5);
  CHECK(w[0] > w[1]);
  CHECK(w[0] + w[1] == doctest::Approx(1));
  // The cheap model is expected to fail (score below the floor): the larger one is chosen.
  const auto v = cost_weights({0.2, 0.9}, {0.3, 16.4}, 0.5);
  CHECK(v[1] > v[0]);
}

TEST_CASE("reconstruct:table1 matches its marginals exactly and is seeded") {
  BinaryMarginals m{"mobile", "cloud", 10000, 0.7188, 0.7939, 0.68, 0.8040};
  const DecisionTrace t = reconstruct_binary(m, 7);
  long local = 0, hybrid_right = 0;
  for (const auto& in : t.inputs) {
    const bool keep = in.score[0] >= 0.5;
    local += keep;
    hybrid_right += keep ? in.correct[0] : in.correct[1];
    if (keep) CHECK(in.correct[0]); // every input kept local is one the phone gets right
  }
  CHECK(t.accuracy(0) == doctest::Approx(0.7188));
  CHECK(t.accuracy(1) == doctest::Approx(0.7939));
  CHECK(local == 6800);
  CHECK(hybrid_right == 8040);
  CHECK(t.provenance == std::string(kReconstructed));
  CHECK(trace_csv(t) == trace_csv(reconstruct_binary(m, 7)));
  CHECK(trace_csv(t) != trace_csv(reconstruct_binary(m, 8)));
}

TEST_CASE("reconstruct:table1 refuses targets that cannot hold together") {
  BinaryMarginals m{"mobile", "cloud", 1000, 0.70, 0.80, 0.75, 0.85};
  CHECK_THROWS_AS(reconstruct_binary(m, 1), InputError);
}

TEST_CASE("reconstruct:table2 matches accuracies, called fractions and hybrid-single accuracy") {
  MultiplexedMarginals m{{"small", "big"}, {0.6, 0.8}, {0.3, 0.7}, 0.75, 1000, 1, {40, 0}, 25};
  const DecisionTrace t = reconstruct_multiplexed(m, 1);
  CHECK(t.accuracy(0) == doctest::Approx(0.6));
  CHECK(t.accuracy(1) == doctest::Approx(0.8));
  long called_small = 0, single_right = 0, extras = 0, ensemble_right = 0;
  for (const auto& in : t.inputs) {
    const int pick = in.score[0] > in.score[1] ? 0 : 1;
    called_small += pick == 0;
    single_right += in.correct[static_cast<std::size_t>(pick)];
    const bool extra = pick == 0 && in.score[1] >= 0.288;
    extras += extra;
    // The confidence-weighted vote of the called model and the extra.
    const int vote = extra && in.conf[1] > in.conf[0] ? 1 : pick;
    ensemble_right += in.correct[static_cast<std::size_t>(vote)];
  }
  CHECK(called_small == 300);
  CHECK(single_right == 750);
  CHECK(extras == 40);
  CHECK(ensemble_right == 775);
}

TEST_CASE("named plans: each says where the answer comes from and what runs first") {
  const Plan phone = Plan::on_phone();
  CHECK((phone.local && !phone.mux && !phone.offloaded()));
  const Plan cloud = Plan::in_cloud({1, 2}).after_mux();
  CHECK((cloud.mux && !cloud.local && !cloud.edge && !cloud.early));
  CHECK(cloud.cloud_slots.size() == 2);
  const Plan edge = Plan::on_edge().after_phone();
  CHECK((edge.edge && edge.local && edge.offloaded() && edge.cloud_slots.empty()));
  const Plan early = Plan::on_phone().after_early_mux();
  CHECK((early.early && early.mux && early.local)); // early implies the multiplexer runs
}

namespace {

// Stands in for the run layer: records the command an external policy would be started by.
class RecordingProcesses : public PolicyProcesses {
public:
  std::unique_ptr<Policy> start(const std::string& command) const override {
    started.push_back(command);
    return make_policy("mobile-only", deployment, PolicyParams{});
  }
  Deployment deployment;
  mutable std::vector<std::string> started;
};

} // namespace

TEST_CASE("the registry: external and its external:NAME family are rows like any other") {
  // Every row may be named, external's family members too, each by its own name.
  for (const auto& name : policy_names())
    CHECK(is_policy(name));
  CHECK(std::count(policy_names().begin(), policy_names().end(), "external") == 1);
  CHECK(is_policy("external:linucb-2.v1"));
  CHECK(policy_family("external:linucb") == "external");
  CHECK(policy_family("hybrid") == "hybrid");
  for (const char* bad : {"external:", "external:a b", "hybrid:x", "externalx", "nope"})
    CHECK_FALSE(is_policy(bad));
  CHECK(known_policies().size() > join(policy_names()).size());
  CHECK(known_policies().find(", external, external:NAME") != std::string::npos);
  // Only external reads every [policy] parameter.
  CHECK(policy_reads_every_parameter("external:a"));
  CHECK_FALSE(policy_reads_every_parameter("hybrid"));

  // Its factory picks the command; the run layer starts it. Outside a run it cannot be made.
  RecordingProcesses processes;
  DecisionTrace t;
  t.models = {"small"};
  processes.deployment.trace = &t;
  processes.deployment.mobile = 0;
  PolicyParams params;
  params.external_command = "python3 {name}.py --as {name}";
  CHECK(make_policy({"external:linucb", processes.deployment, params, &processes}) != nullptr);
  CHECK(processes.started == std::vector<std::string>{"python3 linucb.py --as linucb"});
  try {
    make_policy("external", processes.deployment, params);
    FAIL("made without a run");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()) == "policy 'external' is a process the sweep runner starts");
  }
}

TEST_CASE("a policy has one required method: decide; StaticPolicy provides it from choose") {
  struct Keep : StaticPolicy {
    Plan choose(const TraceInput&) const override { return Plan::on_phone(); }
  };
  Keep keep;
  Policy& policy = keep;
  CHECK(policy.decide(TraceInput{}, PhoneView{3, 54, 1.5, 7}).local);
  CHECK(policy.stateless());
  CHECK(policy.learning_files().empty());
  policy.end("header\n", "line\n"); // most policies have nothing to do at the end of a run
}
