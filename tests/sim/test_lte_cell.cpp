// An LTE cell in the simulation (docs/lte.md; sim/lte_air.hpp): one phone alone equals the
// closed form for every policy, and phones with data share the resource blocks as LENA's
// scheduler shares them (core/model/lte_uplink.hpp), by hand.
#include "core/model/lte_coverage.hpp"
#include "run/external_policy.hpp"
#include "sim_fixture.hpp"

#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

using namespace muxsim;

namespace {

// tests/data/every-policy on an LTE cell: its [network] Wi-Fi keys dropped, one eNodeB at
// the origin and one phone at `position`; its relative paths made absolute.
std::string every_policy_on_lte(const std::string& position) {
  const std::string dir = test::source_path("tests/data/every-policy/");
  std::ifstream in(dir + "every-policy.ini");
  std::string out, line;
  while (std::getline(in, line)) {
    if (line.rfind("wifi_", 0) == 0 || line.rfind("bandwidth_mbps", 0) == 0 ||
        line.rfind("phones", 0) == 0)
      continue;
    for (const char* key : {"trace = ", "profiles = "})
      if (line.rfind(key, 0) == 0) line = key + dir + line.substr(std::string(key).size());
    const auto up = line.find("../../../");
    if (up != std::string::npos) line.replace(up, 9, test::source_path(""));
    out += line + "\n";
    if (line == "[network]") out += "link = lte\n";
  }
  return test::write_temp("every-policy-lte.ini",
                          out + "[mobility]\naccess_points = 0:0\nphone_positions = " + position +
                              "\n");
}

// A policy made as a run makes it, so one in a process of the user's (external) runs too.
std::unique_ptr<Policy> make_for_run(const Prepared& p, const std::string& name,
                                     const RunPoint& point, Mode mode) {
  const run::ExternalProcesses processes(p, point, mode, 0, [] { return 0; });
  return make_policy({name, p.deployment, p.scenario.params, &processes});
}

std::vector<double> flatten(const std::vector<CostBreakdown>& costs) {
  std::vector<double> v;
  for (const auto& c : costs)
    for (double x : {c.mux_ms, c.local_ms, c.upload_ms, c.queue_ms, c.server_ms, c.download_ms,
                     c.phone_energy_mj(), c.total_gflops()})
      v.push_back(x);
  return v;
}

// Each phone's upload time, simulated, in phone order (one request each).
std::vector<double> uploads_ms(const std::string& positions, long bytes) {
  const auto p = test::tiny_scenario(
      "lte-share",
      "requests = " + std::to_string(std::count(positions.begin(), positions.end(), ',') + 1),
      "[policy]\npolicies = cloud-only\n[network]\nlink = lte\nupload_bytes = " +
          std::to_string(bytes) +
          "\n[mobility]\naccess_points = 0:0\nphone_positions = " + positions + "\n");
  const auto policy = make_policy("cloud-only", p->deployment, p->scenario.params);
  return test::in_child([&] {
    std::vector<double> ms;
    for (const auto& c : sim::simulate(*p, *policy, p->run_points()[0]))
      ms.push_back(c.upload_ms);
    return ms;
  });
}

} // namespace

TEST_CASE("LTE: every registered policy, simulation equals closed form at one phone") {
  std::string all;
  for (const auto& name : policy_names())
    all += (all.empty() ? "" : ",") + name;
  // MCS 28 at 100 m, MCS 18 at 4 km.
  for (const std::string position : {"100:0", "0:4000"}) {
    CAPTURE(position);
    const auto p = prepare(every_policy_on_lte(position), "", {"policy.policies=" + all});
    const RunPoint point = p->run_points().front();
    REQUIRE(point.total_phones() == 1);
    for (const auto& name : p->scenario.policies) {
      CAPTURE(name);
      std::vector<double> closed;
      {
        const auto policy = make_for_run(*p, name, point, Mode::ClosedForm);
        closed = flatten(evaluate_closed_form(*p, *policy, point));
      }
      const auto simulated = test::in_child([&] {
        const auto policy = make_for_run(*p, name, point, Mode::Simulated);
        return flatten(sim::simulate(*p, *policy, point));
      });
      REQUIRE(simulated.size() == closed.size());
      for (std::size_t i = 0; i < closed.size(); ++i)
        REQUIRE(simulated[i] == doctest::Approx(closed[i]).epsilon(1e-9).scale(1));
    }
  }
}

TEST_CASE("LTE: two phones at one MCS share the resource blocks, by hand") {
  // Both at MCS 28 (100 m): 12 of the 25 blocks each, 8,760 bits a TTI, from the start to
  // the end of their 1 MB uploads, after the grant's 11.5 ms; alone, 18,336 bits.
  lte::Radio radio;
  const LteCoverage cell(radio);
  const double bytes = 1e6;
  const auto ms = uploads_ms("100:0, 0:100", static_cast<long>(bytes));
  REQUIRE(ms.size() == 2);
  const double shared_ms = 11.5 + bytes * 8 / (cell.goodput_mbps(28, 2) * 1e3);
  CHECK(ms[0] == doctest::Approx(shared_ms).epsilon(1e-6));
  CHECK(ms[1] == doctest::Approx(shared_ms).epsilon(1e-6));
  CHECK(cell.goodput_mbps(28, 2) ==
        doctest::Approx(lte::payload_mbps(28, 25, 2, kTcpPayloadBytes, kTcpHeaderBytes)));
  const auto alone = uploads_ms("100:0", static_cast<long>(bytes));
  REQUIRE(alone.size() == 1);
  CHECK(alone[0] == doctest::Approx(11.5 + bytes * 8 / (cell.goodput_mbps(28, 1) * 1e3)));
  CHECK(ms[0] > 1.9 * (alone[0] - 11.5));
}

TEST_CASE("LTE: a far phone keeps its share and does not slow the near one") {
  // 100 m (MCS 28) and 4 km (MCS 18): while both send, each moves its own MCS's rate on 12
  // blocks; the near one ends first, at its two-phone rate; the far one then sends alone.
  lte::Radio radio;
  const LteCoverage cell(radio);
  REQUIRE(lte::mcs_at(radio, 4000) == 18);
  const double bytes = 1e6;
  const auto ms = uploads_ms("100:0, 4000:0", static_cast<long>(bytes));
  REQUIRE(ms.size() == 2);
  const double near_ms = 11.5 + bytes * 8 / (cell.goodput_mbps(28, 2) * 1e3);
  CHECK(ms[0] == doctest::Approx(near_ms).epsilon(1e-6));
  // The far phone: its two-phone rate until the near one ends, then its lone rate.
  const double far_sent = (near_ms - 11.5) * 1e3 * cell.goodput_mbps(18, 2) / 8;
  const double far_ms = near_ms + (bytes - far_sent) * 8 / (cell.goodput_mbps(18, 1) * 1e3);
  CHECK(ms[1] == doctest::Approx(far_ms).epsilon(1e-6));
}

TEST_CASE("LTE: a phone whose share is too small to carry data waits for others to finish") {
  // Eight phones at 25 blocks: 3 blocks each, 8 served a TTI. MCS 0 (26 km) on 3 blocks is a
  // 7-byte transport block, which LENA never fills: the far phone moves nothing until the
  // seven near ones' uploads end, then sends alone at MCS 0 on all 25 blocks.
  lte::Radio radio;
  const LteCoverage cell(radio);
  REQUIRE(lte::mcs_at(radio, 26000) == 0);
  REQUIRE(cell.goodput_mbps(0, 8) == 0);
  const double bytes = 100000;
  const auto ms = uploads_ms("100:0, 0:100, -100:0, 0:-100, 70:70, -70:70, 70:-70, 26000:0",
                             static_cast<long>(bytes));
  REQUIRE(ms.size() == 8);
  const double near_ms = 11.5 + bytes * 8 / (cell.goodput_mbps(28, 8) * 1e3);
  for (std::size_t i = 0; i < 7; ++i)
    CHECK(ms[i] == doctest::Approx(near_ms).epsilon(1e-6));
  // A byte a second while starved (SimGrid needs a positive rate), then alone.
  const double starved = (near_ms - 11.5) * 1e-3;
  const double far_ms = near_ms + (bytes - starved) * 8 / (cell.goodput_mbps(0, 1) * 1e3);
  CHECK(ms[7] == doctest::Approx(far_ms).epsilon(1e-6));
}
