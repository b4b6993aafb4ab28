// The adaptive policies (docs/seed-policies.md): AutoScale's Q-learning converges to the
// known best targets on a toy two-state channel; the network-aware multiplexer follows its
// own estimates of the uplink; and both equal the closed form when simulated at one phone
// on a constant link.
#include "core/policy/autoscale.hpp"
#include "core/policy/network_aware.hpp"
#include "core/policy/registry.hpp"
#include "sim_fixture.hpp"

#include <algorithm>
#include <doctest/doctest.h>

using namespace muxsim;

namespace {

// A toy environment on the tiny deployment: the phone's model (4 ms, 12 mJ, accuracy 0.7)
// or the cloud (big, accuracy 0.8). On a good channel (100 Mbit/s) the cloud answers in
// 10 ms for 20 mJ; on a bad one (1 Mbit/s) in 300 ms for 300 mJ. With a QoS of 100 ms and
// an accuracy target of 0.75, the rewards are
//   good: phone 12/12 - 1 = 0,  cloud 12/20 = 0.6            -> cloud is best;
//   bad:  phone 0,              cloud 12/300 - 1 - 0 = -0.96  -> the phone is best.
CostBreakdown toy_outcome(const Plan& plan, bool good) {
  CostBreakdown c;
  if (plan.local) {
    c.local_ms = 4, c.compute_mj = 12;
  } else {
    c.upload_ms = good ? 2 : 290, c.server_ms = 8;
    c.tx_mj = good ? 20 : 300;
  }
  return c;
}

} // namespace

TEST_CASE("autoscale converges to the best target of each channel state within 2,000 requests") {
  const auto p = test::tiny_scenario("autoscale-toy", "", "[policy]\npolicies = autoscale\n");
  AutoScaleParams params;
  params.seed = 1;
  const auto policy = make_autoscale(p->deployment, params);
  const TraceInput& in = p->trace.inputs[0];
  for (int k = 0; k < 2000; ++k) {
    const bool good = (k / 7) % 2 == 0; // the channel flips every 7 requests
    const PhoneView view{0, good ? 100.0 : 1.0, static_cast<double>(k)};
    const Plan plan = policy->decide(in, view);
    policy->observe(view, plan, toy_outcome(plan, good));
  }
  // The converged table: the greedy target of each visited state.
  const auto files = policy->learning_files();
  REQUIRE(files.size() == 2);
  const std::string& table = files[1].second;
  const std::string good_row = std::to_string(signal_bin(100)) + ",";
  const std::string bad_row = std::to_string(signal_bin(1)) + ",";
  int good_rows = 0, bad_rows = 0;
  std::size_t from = table.find('\n') + 1;
  while (from < table.size()) {
    const std::string row = table.substr(from, table.find('\n', from) - from);
    from += row.size() + 1;
    const bool visited = row.find(",0,0.000000,0.000000") == std::string::npos;
    if (!visited) continue;
    INFO(row);
    const std::string greedy = row.substr(row.rfind(',') + 1);
    if (row.rfind(good_row, 0) == 0) {
      CHECK(greedy == "cloud");
      ++good_rows;
    }
    if (row.rfind(bad_row, 0) == 0) {
      CHECK(greedy == "phone");
      ++bad_rows;
    }
  }
  CHECK(good_rows > 0);
  CHECK(bad_rows > 0);
  // The learning curve has one row per 100 requests.
  CHECK(std::count(files[0].second.begin(), files[0].second.end(), '\n') == 1 + 20);
}

TEST_CASE(
    "network-aware: a fast uplink sends a borderline input to the cloud, a slow one keeps it") {
  // Both placements reach the accuracy target (input a: phone 0.8, big 0.9), so the cheaper
  // in phone energy wins. Radio: 2 W sending, 1 W receiving, 0.5 W waiting; 10,000 bytes up.
  const auto p = test::tiny_scenario(
      "aware", "",
      "[policy]\npolicies = network-aware\nscore_target = 0.75\nobjective = energy\n"
      "[network]\nupload_bytes = 10000\ndownload_bytes = 1000\n[radio]\ntx_w = 2\nrx_w = 1\n"
      "idle_w = 0.5\n");
  const auto policy = make_policy("network-aware", p->deployment, p->scenario.params);
  const TraceInput& in = p->trace.inputs[0];
  const PhoneView phone{0, 54, 0};
  auto offload_once = [&](double upload_ms) {
    CostBreakdown c;
    c.upload_ms = upload_ms, c.server_ms = 10, c.download_ms = upload_ms / 10;
    policy->observe(phone, Plan::in_cloud({0}).after_mux(), c);
  };
  // Fast: 10,000 bytes in 0.1 ms (800 Mbit/s). Expected cloud energy 1 x 4 (multiplexer)
  // + 2 x 0.1 + 0.5 x 10 + 1 x 0.01 = 9.2 mJ, against 4 + 12 = 16 mJ on the phone.
  offload_once(0.1);
  CHECK(policy->decide(in, phone).cloud_slots.size() == 1);
  // Slow: after several 100 ms uploads (0.8 Mbit/s) the cloud costs over 200 mJ.
  for (int i = 0; i < 20; ++i)
    offload_once(100);
  CHECK(policy->decide(in, phone).local);
  // A second phone has its own estimates: it has seen nothing, so it tries the cloud.
  CHECK(!policy->decide(in, PhoneView{1, 54, 0}).local);
}

TEST_CASE("link estimator: its estimates are running means of what the phone timed") {
  LinkEstimator e;
  CHECK(!e.knows_rate(false));
  CHECK(!e.knows_wait(false));
  e.on_upload(false, 10000, 10); // 8 Mbit/s
  CHECK(e.rate_mbps(false) == doctest::Approx(8));
  e.on_upload(false, 10000, 5); // 16 Mbit/s: 8 + 0.3 x (16 - 8)
  CHECK(e.rate_mbps(false) == doctest::Approx(10.4));
  CHECK(!e.knows_rate(true)); // the edge tier is estimated apart
  e.on_wait(false, 20);
  e.on_wait(false, 10);
  CHECK(e.wait_ms(false) == doctest::Approx(17));
}

TEST_CASE("the new policies equal the closed form when simulated at one phone on a constant link") {
  const auto p = prepare(test::source_path("scenarios/paper-table1.ini"));
  p->scenario.requests = 300;
  const RunPoint point = p->run_points()[0];
  for (const char* name : {"random-offload", "autoscale", "network-aware"}) {
    auto flatten = [](const std::vector<CostBreakdown>& costs) {
      std::vector<double> v;
      for (const auto& c : costs)
        for (double x :
             {c.latency_ms(), c.phone_energy_mj(), c.total_gflops(), c.local ? 1.0 : 0.0})
          v.push_back(x);
      return v;
    };
    const auto closed_policy = make_policy(name, p->deployment, p->scenario.params);
    const auto closed = flatten(evaluate_closed_form(*p, *closed_policy, point));
    const auto simulated = test::in_child([&] {
      const auto policy = make_policy(name, p->deployment, p->scenario.params);
      return flatten(sim::simulate(*p, *policy, point));
    });
    INFO(name);
    REQUIRE(simulated.size() == closed.size());
    for (std::size_t i = 0; i < closed.size(); ++i) {
      INFO("value ", i % 4, " of request ", i / 4);
      REQUIRE(simulated[i] == doctest::Approx(closed[i]).epsilon(1e-9).scale(1));
    }
  }
}

TEST_CASE("dimec-dc places by region; the simulation equals the closed form at one phone") {
  // Input a (easy) stays on the phone: 4 ms. b (hard) runs the phone model, then the cloud:
  // 4 + 10 (upload of 10,000 bytes at 8 Mbit/s) + 10 + 1 = 25 ms. c (medium) runs the
  // phone model, then the edge model (20 ms) one hop away: 4 + 10 + 20 + 1 = 35 ms.
  const auto p = test::tiny_scenario(
      "dimec", "requests = 4",
      "edge_device = edge\nedge_model = big\n[policy]\npolicies = dimec-dc\n[network]\n"
      "bandwidth_mbps = 8\nupload_bytes = 10000\ndownload_bytes = 1000\nwan_latency_ms = 0\n"
      "edge_latency_ms = 0\n");
  const auto policy = make_policy("dimec-dc", p->deployment, p->scenario.params);
  const RunPoint point = p->run_points()[0];
  const auto closed = evaluate_closed_form(*p, *policy, point);
  REQUIRE(closed.size() == 4);
  CHECK(closed[0].local);
  CHECK(closed[0].latency_ms() == doctest::Approx(4));
  CHECK(closed[1].latency_ms() == doctest::Approx(25));
  CHECK(closed[1].cloud_gflops == doctest::Approx(16));
  CHECK(closed[2].at_edge);
  CHECK(closed[2].latency_ms() == doctest::Approx(35));
  CHECK(closed[2].phone_gflops == doctest::Approx(0.3)); // the phone model ran first
  const auto simulated = test::in_child([&] {
    std::vector<double> v;
    for (const auto& c : sim::simulate(*p, *policy, point))
      v.insert(v.end(), {c.latency_ms(), c.phone_energy_mj(), c.total_gflops()});
    return v;
  });
  REQUIRE(simulated.size() == 12);
  for (std::size_t i = 0; i < 4; ++i) {
    CHECK(simulated[3 * i] == doctest::Approx(closed[i].latency_ms()));
    CHECK(simulated[3 * i + 1] == doctest::Approx(closed[i].phone_energy_mj()));
    CHECK(simulated[3 * i + 2] == doctest::Approx(closed[i].total_gflops()));
  }
}

namespace {

// A policy that decides as `inner` does and counts its decisions. The learner, a plain
// Policy, does not declare itself stateless, as a new learning policy might forget to; the
// static one, a StaticPolicy, does.
template <class Base> class Counting : public Base {
public:
  explicit Counting(std::unique_ptr<Policy> inner) : inner_(std::move(inner)) {}
  mutable long decisions = 0;

protected:
  Plan count(const TraceInput& in) const {
    ++decisions;
    return inner_->decide(in, PhoneView{});
  }

private:
  std::unique_ptr<Policy> inner_;
};

class CountingLearner : public Counting<Policy> {
public:
  using Counting::Counting;
  Plan decide(const TraceInput& in, const PhoneView&) override { return count(in); }
};

class CountingStatic : public Counting<StaticPolicy> {
public:
  using Counting::Counting;
  Plan choose(const TraceInput& in) const override { return count(in); }
};

} // namespace

TEST_CASE("the closed form replays costs only for a policy that declares itself stateless") {
  const auto p = prepare(test::source_path("scenarios/paper-table1.ini"));
  const long inputs = static_cast<long>(p->trace.inputs.size());
  p->scenario.requests = 3 * inputs;
  const RunPoint point = p->run_points()[0];
  CountingLearner learner(make_policy("hybrid", p->deployment, p->scenario.params));
  CountingStatic fixed(make_policy("hybrid", p->deployment, p->scenario.params));
  const auto a = evaluate_closed_form(*p, learner, point);
  const auto b = evaluate_closed_form(*p, fixed, point);
  CHECK(learner.decisions == 3 * inputs); // asked for every request
  CHECK(fixed.decisions == inputs);       // each input once, then replayed
  REQUIRE(a.size() == b.size());
  CHECK(a.back().latency_ms() == b.back().latency_ms());
}
