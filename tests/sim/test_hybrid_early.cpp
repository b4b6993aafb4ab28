// hybrid-early (docs/imagenet.md): the phone runs its model's prefix and the early
// head, then finishes the remaining blocks or offloads. 10,000 bytes up at 8 Mbit/s take
// 10 ms, 1,000 bytes back 1 ms; radio 2 W sending, 1 W receiving, 0.5 W waiting. The phone
// model costs 4 ms, 12 mJ and 0.3 GFLOPs, its prefix 1 ms, 3 mJ and 0.1, the head 0.5 ms,
// 1 mJ and 0.001; the cloud model 10 ms. By hand:
//   input a, early score 0.8, finished locally: 1.5 + (4 - 1) = 4.5 ms; 4 + (12 - 3) = 13 mJ
//   input b, early score 0.2, offloaded: 1.5 + 10 + 10 + 1 = 22.5 ms;
//                                        4 + 2 x 10 + 0.5 x 10 + 1 x 1 = 30 mJ
// The raw multiplexer's score (0.6 for input c) is not what decides: c's early score is 0.3.
#include "core/formats/trace.hpp"
#include "core/policy/registry.hpp"
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

namespace {

const char* kSections = "early_prefix = small-prefix\nearly_head = early-head\n[policy]\n"
                        "policies = hybrid-early\n[network]\nbandwidth_mbps = 8\n"
                        "upload_bytes = 10000\ndownload_bytes = 1000\n[radio]\ntx_w = 2\n"
                        "rx_w = 1\nidle_w = 0.5\n";

} // namespace

TEST_CASE("hybrid-early charges the prefix once: by hand, closed form and simulated") {
  const auto p = test::tiny_scenario("early", "requests = 3", kSections);
  const auto policy = make_policy("hybrid-early", p->deployment, p->scenario.params);
  const RunPoint point = p->run_points()[0];
  const auto closed = evaluate_closed_form(*p, *policy, point);
  REQUIRE(closed.size() == 3);
  CHECK(closed[0].local);
  CHECK(closed[0].mux_ms == doctest::Approx(1.5));
  CHECK(closed[0].local_ms == doctest::Approx(3));
  CHECK(closed[0].latency_ms() == doctest::Approx(4.5));
  CHECK(closed[0].phone_energy_mj() == doctest::Approx(13));
  CHECK(closed[0].phone_gflops == doctest::Approx(0.301));
  CHECK(!closed[1].local);
  CHECK(closed[1].latency_ms() == doctest::Approx(22.5));
  CHECK(closed[1].phone_energy_mj() == doctest::Approx(30));
  CHECK(closed[1].phone_gflops == doctest::Approx(0.101));
  CHECK(closed[1].cloud_gflops == doctest::Approx(16));
  CHECK(closed[1].correct);
  CHECK(!closed[2].local);

  const auto simulated = test::in_child([&] {
    std::vector<double> v;
    for (const auto& c : sim::simulate(*p, *policy, point))
      v.insert(v.end(), {c.latency_ms(), c.phone_energy_mj(), c.mux_ms, c.local_ms});
    return v;
  });
  REQUIRE(simulated.size() == 12);
  CHECK(simulated[0] == doctest::Approx(4.5));
  CHECK(simulated[1] == doctest::Approx(13));
  CHECK(simulated[2] == doctest::Approx(1.5));
  CHECK(simulated[3] == doctest::Approx(3));
  CHECK(simulated[4] == doctest::Approx(22.5));
  CHECK(simulated[5] == doctest::Approx(30));
}

TEST_CASE("hybrid-early needs its profile rows and the trace's early columns") {
  CHECK(test::error_of([] {
          test::tiny_scenario("early-no-rows", "", "[policy]\npolicies = hybrid-early\n");
        }).find("early_prefix and early_head") != std::string::npos);
  CHECK(test::error_of([] {
          test::tiny_scenario("early-one-row", "",
                              "early_prefix = small-prefix\n[policy]\npolicies = hybrid-early\n");
        }).find("early_head is missing") != std::string::npos);
  // early_<model> columns: all models or none.
  const auto path = test::write_temp("early-partial.csv",
                                     "input_id,label,fold,pred_a,conf_a,correct_a,score_a,pred_b,"
                                     "conf_b,correct_b,score_b,early_a,provenance\n"
                                     "x,1,0,1,0.9,1,0.8,1,0.9,1,0.9,0.5,real\n");
  CHECK(test::error_of([&] { read_trace(path); }).find("early_b': missing") != std::string::npos);
}
