// The stages of a request (core/model/request_stages.hpp), which both modes walk, and the
// closed form's sum of them, on a deployment built here: every figure below is by hand.
#include "core/model/closed_form.hpp"
#include "core/model/request_stages.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

namespace {

ModelProfile costs(double ms) {
  ModelProfile p;
  p.latency_ms = ms;
  return p;
}

// Phone model 10 ms, multiplexer 2 ms, cloud models 4 and 6 ms, edge 5 ms; early
// multiplexer 1 ms with 7 ms of remaining blocks; 1,000 bytes up, 100 down.
Deployment deployment() {
  Deployment d;
  d.mobile = 0;
  d.mobile_profile = costs(10);
  d.cloud = {{1, costs(4)}, {2, costs(6)}};
  d.cloud_default = 0;
  d.edge = 3;
  d.edge_profile = costs(5);
  d.mux = costs(2);
  d.has_early = true;
  d.early_decision = costs(1);
  d.early_rest = costs(7);
  d.upload_bytes = 1000;
  d.download_bytes = 100;
  return d;
}

std::vector<StageKind> kinds(const RequestStages& r) {
  std::vector<StageKind> k;
  for (const Stage& s : r.stages)
    k.push_back(s.kind);
  return k;
}

using K = StageKind;

} // namespace

TEST_CASE("a plan's stages: where each runs and which time it fills") {
  const Deployment d = deployment();
  SUBCASE("on the phone after the multiplexer: two phone stages, no network") {
    const auto r = request_stages(d, Plan::on_phone().after_mux());
    REQUIRE(kinds(r) == std::vector{K::PhoneCompute, K::PhoneCompute});
    CHECK(r.stages[0].ms == 2);
    CHECK(r.stages[0].into == &Timing::mux_ms);
    CHECK(r.stages[1].ms == 10);
    CHECK(r.stages[1].into == &Timing::local_ms);
  }
  SUBCASE("offloaded after the phone's own model: phone, then the round trip") {
    const auto r = request_stages(d, Plan::in_cloud({1}).after_phone());
    CHECK(kinds(r) == std::vector{K::PhoneCompute, K::Upload, K::ServerVisit, K::Download});
    CHECK(r.stages[1].bytes == 1000);
    CHECK(r.stages[2].server_mux_ms == 0);
    CHECK(r.stages[3].bytes == 100);
    CHECK_FALSE(r.edge);
  }
  SUBCASE("the edge") {
    CHECK(request_stages(d, Plan::on_edge()).edge);
  }
  SUBCASE("early multiplexer then local: the prefix head, then only the remaining blocks") {
    const auto r = request_stages(d, Plan::on_phone().after_early_mux());
    REQUIRE(r.stages.size() == 2);
    CHECK(r.stages[0].ms == 1);
    CHECK(r.stages[1].ms == 7);
  }
  SUBCASE("a multiplexer in the cloud answering local: the round trip, then the phone") {
    Deployment remote = deployment();
    remote.mux_on_phone = false;
    const auto r = request_stages(remote, Plan::on_phone().after_mux());
    REQUIRE(kinds(r) == std::vector{K::Upload, K::ServerVisit, K::Download, K::PhoneCompute});
    CHECK(r.stages[1].server_mux_ms == 2);
    CHECK(r.stages[3].ms == 10);
  }
}

TEST_CASE("queue keys: one per cloud model with queue_per_model, else one per server") {
  const Deployment d = deployment();
  CHECK(queue_key(Plan::in_cloud({1}), true) == 1);
  CHECK(queue_key(Plan::in_cloud({1}), false) == 0);
  CHECK(queue_key(Plan::on_edge(), true) == 0);
  CHECK(queue_key(Plan::on_phone().after_mux(), true) == 0); // a cloud mux that said local
  CHECK(queue_keys(d, true, true) == std::vector<int>{0, 1});
  CHECK(queue_keys(d, false, true) == std::vector<int>{0});
  CHECK(queue_keys(d, true, false) == std::vector<int>{0});
}

TEST_CASE("the closed form sums the stages (Eq. 9-14, a phone alone)") {
  const Deployment d = deployment();
  ClosedFormLinks links;
  // 8 Mbit/s Wi-Fi both ways (1,000 bytes/ms), a faster backhaul, 3 ms one way.
  links.cloud = {8, 8, 100, 3, 4194304};
  links.edge = {8, 8, 100, 1, 4194304};
  links.batch_wait_ms = 0.5;
  const Timing t = closed_form_timing(d, Plan::in_cloud({0, 1}).after_mux(), links);
  CHECK(t.mux_ms == 2);
  CHECK(t.local_ms == 0);
  CHECK(t.upload_ms == doctest::Approx(1.0 + 3)); // 1,000 bytes at 1,000 bytes/ms + 3 ms
  CHECK(t.download_ms == doctest::Approx(0.1 + 3));
  CHECK(t.queue_ms == 0.5);
  CHECK(t.server_ms == 10); // the two cloud models one after another
  const Timing edge = closed_form_timing(d, Plan::on_edge(), links);
  CHECK(edge.upload_ms == doctest::Approx(2.0));
  CHECK(edge.server_ms == 5);
}
