// Table I and Table II: the closed form, on the paper scenarios, reproduces every figure in
// models/paper-published.csv to the rounding it was published with.
#include "core/csv.hpp"
#include "core/evaluate.hpp"
#include "core/summary.hpp"
#include "fork_helper.hpp"

#include <cmath>
#include <doctest/doctest.h>
#include <map>

using namespace muxsim;

namespace {

double metric(const Summary& s, const std::string& name) {
  const std::map<std::string, double> values = {{"latency_ms_mean", s.latency_ms_mean},
                                                {"phone_energy_mj", s.phone_energy_mj},
                                                {"accuracy", s.accuracy},
                                                {"local_fraction", s.local_fraction},
                                                {"total_gflops", s.total_gflops},
                                                {"cloud_gflops", s.cloud_gflops}};
  return values.at(name);
}

Summary closed_form(const Prepared& p, const std::string& policy) {
  const auto pol = make_policy(policy, p.deployment, p.scenario.params);
  return summarize(evaluate_closed_form(p, *pol, p.scenario.run_points()[0]),
                   p.trace.models.size());
}

} // namespace

TEST_CASE("closed form reproduces the published figures of Tables I and II") {
  const CsvTable published = CsvTable::read(test::source_path("models/paper-published.csv"));
  std::map<std::string, std::unique_ptr<Prepared>> scenarios;
  REQUIRE(published.rows() >= 10);
  for (std::size_t r = 0; r < published.rows(); ++r) {
    const std::string name = published.text(r, "scenario");
    if (!scenarios.count(name))
      scenarios[name] = prepare(test::source_path("scenarios/" + name + ".ini"));
    const Summary s = closed_form(*scenarios[name], published.text(r, "policy"));
    const double value = metric(s, published.text(r, "metric"));
    const double half_unit = 0.5 * std::pow(10.0, -published.number(r, "decimals"));
    INFO(name, " ", published.text(r, "policy"), " ", published.text(r, "metric"), " = ", value);
    CHECK(std::fabs(value - published.number(r, "value")) <= half_unit + 1e-12);
  }
}

TEST_CASE("Table I hybrid: Eq. 11-13 with the multiplexer's derived cost") {
  const auto p = prepare(test::source_path("scenarios/paper-table1.ini"));
  const Summary s = closed_form(*p, "hybrid");
  // L = 1.647 + 0.68 * 3.53 + 0.32 * 13.1; E = 5.6 + 0.68 * 12 + 0.32 * 110 (8.3969 W x 13.1 ms);
  // F = 0.14 + 0.68 * 0.30 + 0.32 * 16.41.
  CHECK(s.latency_ms_mean == doctest::Approx(1.647 + 0.68 * 3.53 + 0.32 * 13.1));
  CHECK(s.phone_energy_mj == doctest::Approx(5.6 + 0.68 * 12 + 0.32 * 8.3969 * 13.1));
  CHECK(s.total_gflops == doctest::Approx(0.14 + 0.68 * 0.30 + 0.32 * 16.41));
}

TEST_CASE("Table II: hybrid FLOPs 5.75 G = 5.61 G of called models + 0.14 G multiplexer, "
          "and 16.41 / 5.75 is the abstract's 2.85x saving") {
  const CsvTable tx2 = CsvTable::read(test::source_path("models/jetson-tx2.csv"));
  double mux = -1;
  for (std::size_t r = 0; r < tx2.rows(); ++r)
    if (tx2.text(r, "model") == "multiplexer") mux = tx2.number(r, "flops");
  CHECK(5.61 + mux == doctest::Approx(5.75));
  CHECK(std::round(16.41 / 5.75 * 100) / 100 == doctest::Approx(2.85));
}
