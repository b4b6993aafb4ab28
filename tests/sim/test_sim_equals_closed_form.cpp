// docs/invariants.md #1: one phone, a constant link, no queueing — the simulation's per-request
// latency, energy and FLOPs equal the closed form for every policy: each in the registry on
// a deployment that has what any needs, and the shipped paper scenarios' own.
#include "core/assemble/prepared.hpp"
#include "core/policy/registry.hpp"
#include "fork_helper.hpp"
#include "run/evaluate.hpp"
#include "run/external_policy.hpp"
#include "sim/simulate.hpp"

#include <doctest/doctest.h>

#include <utility>

using namespace muxsim;

namespace {

std::vector<double> flatten(const std::vector<CostBreakdown>& costs) {
  std::vector<double> v;
  for (const auto& c : costs)
    for (double x : {c.mux_ms, c.local_ms, c.upload_ms, c.queue_ms, c.server_ms, c.download_ms,
                     c.phone_energy_mj(), c.total_gflops(), c.correct ? 1.0 : 0.0})
      v.push_back(x);
  return v;
}

// A policy made as a run makes it: by its registry row, with a way to start a process, so
// one that runs in a process of the user's (external) is made like any other.
std::unique_ptr<Policy> make_for_run(const Prepared& p, const std::string& name,
                                     const RunPoint& point, Mode mode) {
  const run::ExternalProcesses processes(p, point, mode, 0, [] { return 0; });
  return make_policy({name, p.deployment, p.scenario.params, &processes});
}

// At `point`, the simulation's requests equal the closed form's. A fresh policy for each
// mode: the learning ones keep what they saw. The closed form's policy is gone before the
// fork, so a process it started is not shared with the child.
void require_equal(const Prepared& p, const std::string& policy_name, const RunPoint& point) {
  std::vector<double> closed;
  {
    const auto policy = make_for_run(p, policy_name, point, Mode::ClosedForm);
    closed = flatten(evaluate_closed_form(p, *policy, point));
  }
  const auto simulated = test::in_child([&] {
    const auto fresh = make_for_run(p, policy_name, point, Mode::Simulated);
    return flatten(sim::simulate(p, *fresh, point));
  });
  INFO(p.scenario.name, " at ", point.bandwidth_mbps, " Mbit/s, ", policy_name);
  REQUIRE(simulated.size() == closed.size());
  for (std::size_t i = 0; i < closed.size(); ++i) {
    INFO("value ", i % 9, " of request ", i / 9);
    REQUIRE(simulated[i] == doctest::Approx(closed[i]).epsilon(1e-9).scale(1));
  }
}

void require_every_policy_equal(const Prepared& p, const RunPoint& point) {
  for (const auto& policy_name : p.scenario.policies)
    require_equal(p, policy_name, point);
}

} // namespace

// Every policy in the registry, named in no scenario: tests/data/every-policy has what any
// of them needs (an edge tier, early heads, two cloud models, the multiplexer on the phone,
// DIMEC-DC's regions, a command for external), and runs here with the registry's list. A
// policy that cannot run on it fails here, saying what it lacks; learning ones included,
// each meets the invariant: at one phone both modes show it the same requests and costs.
TEST_CASE("every registered policy: simulation equals closed form at one phone") {
  std::string all;
  for (const auto& name : policy_names())
    all += (all.empty() ? "" : ",") + name;
  const auto p = prepare(test::source_path("tests/data/every-policy/every-policy.ini"), "",
                         {"policy.policies=" + all});
  REQUIRE(p->scenario.policies == policy_names()); // what the loops below run
  long points = 0;
  for (const RunPoint& point : p->run_points()) {
    if (point.total_phones() > 1) continue; // phones that share a cell queue
    ++points;
    CAPTURE(point.bandwidth_mbps);
    require_every_policy_equal(*p, point);
  }
  CHECK(points == 2); // 802.11n with A-MPDU at 6.5 and 65 Mbit/s
}

// 802.11ac and 802.11ax at ns-3's defaults (80 MHz, one stream, 800 and 3,200 ns), at their
// slowest and fastest MCS, the rate typed to 0.1 Mbit/s as a user would (510.4 for 510.417).
TEST_CASE("802.11ac and 802.11ax: every registered policy, simulation equals closed form") {
  std::string all;
  for (const auto& name : policy_names())
    all += (all.empty() ? "" : ",") + name;
  for (const auto& [standard, rates] :
       {std::pair<std::string, std::string>{"802.11ac", "29.25,390"}, {"802.11ax", "30.6,510.4"}}) {
    CAPTURE(standard);
    const auto p = prepare(test::source_path("tests/data/every-policy/every-policy.ini"), "",
                           {"policy.policies=" + all, "network.wifi_standard=" + standard,
                            "network.bandwidth_mbps=" + rates});
    long points = 0;
    for (const RunPoint& point : p->run_points()) {
      if (point.total_phones() > 1) continue;
      ++points;
      CAPTURE(point.bandwidth_mbps);
      // The upload moves below its PHY rate: its exchange's fixed costs (docs/wifi5-6.md).
      CHECK(p->links(point.bandwidth_mbps).cloud.wifi_mbps < 0.95 * point.bandwidth_mbps);
      require_every_policy_equal(*p, point);
    }
    CHECK(points == 2);
  }
}

TEST_CASE("simulation equals closed form, request by request, for every policy") {
  for (const char* name : {"paper-table1", "paper-table2"}) {
    const auto p = prepare(test::source_path(std::string("scenarios/") + name + ".ini"));
    p->scenario.requests = 500;
    require_every_policy_equal(*p, p->run_points()[0]);
  }
}

TEST_CASE("802.11 PHY rates: simulation equals closed form at one phone, for every policy") {
  const auto p = prepare(test::source_path("scenarios/bandwidth-sweep.ini"));
  p->scenario.requests = 300;
  struct Case {
    WifiStandard standard;
    bool aggregation;
    double phy;
  };
  for (const Case c : {Case{WifiStandard::G80211, false, 54}, Case{WifiStandard::G80211, false, 6},
                       Case{WifiStandard::N80211, false, 65}, Case{WifiStandard::N80211, true, 65},
                       Case{WifiStandard::N80211, true, 6.5}}) {
    CAPTURE(c.phy);
    CAPTURE(c.aggregation);
    p->scenario.network.wifi_standard = c.standard;
    p->scenario.network.wifi_aggregation = c.aggregation;
    p->bandwidth_mbps = {c.phy};
    // The closed form moves the lone-station goodput (or a short upload's exchange), below
    // the PHY rate.
    CHECK(p->links(c.phy).cloud.wifi_mbps < 0.95 * c.phy);
    require_every_policy_equal(*p, p->run_points()[0]);
  }
}

TEST_CASE("with a slower link the simulation still follows the closed form's transfer time") {
  const auto p = prepare(test::source_path("scenarios/paper-table1.ini"));
  p->scenario.requests = 50;
  const RunPoint point{7.5, 1, 1, 1, 0};
  const auto policy = make_policy("cloud-only", p->deployment, p->scenario.params);
  const auto closed = flatten(evaluate_closed_form(*p, *policy, point));
  const auto simulated = test::in_child([&] { return flatten(sim::simulate(*p, *policy, point)); });
  REQUIRE(simulated.size() == closed.size());
  // upload of 16,000 bytes at 7.5 Mbit/s: 17.0667 ms.
  CHECK(closed[2] == doctest::Approx(16000 * 8 / 7.5e3));
  for (std::size_t i = 0; i < closed.size(); ++i)
    CHECK(simulated[i] == doctest::Approx(closed[i]));
}

TEST_CASE("two phones and one GPU worker: requests queue, the closed form no longer holds") {
  const auto p = prepare(test::source_path("scenarios/paper-table1.ini"));
  p->scenario.requests = 200;
  const auto policy = make_policy("cloud-only", p->deployment, p->scenario.params);
  const auto simulated = test::in_child([&] {
    std::vector<double> queue;
    for (const auto& c : sim::simulate(*p, *policy, RunPoint{100, 2, 1, 1, 0}))
      queue.push_back(c.queue_ms);
    return queue;
  });
  double waited = 0;
  for (double q : simulated)
    waited += q;
  CHECK(waited > 0);
}
