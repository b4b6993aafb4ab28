// Parsers name the file, line and field of bad input.
#include "core/base/input_error.hpp"
#include "core/base/scenario.hpp"
#include "core/config/read_scenario.hpp"
#include "core/config/sweep.hpp"
#include "core/formats/csv.hpp"
#include "core/formats/profile.hpp"
#include "core/formats/trace.hpp"
#include "core/output/summary.hpp"
#include "test_util.hpp"

#include <cstring>
#include <doctest/doctest.h>
#include <fstream>
#include <functional>
#include <unistd.h>

using namespace muxsim;

namespace {

using test::error_of;
using test::write_temp;

const char* kHeader = "device,model,flops,latency_ms,energy_mj,accuracy,source,kind\n";

} // namespace

TEST_CASE("sweeps: single values, lists and lin/log ranges") {
  CHECK(parse_sweep("5", "x") == std::vector<double>{5});
  CHECK(parse_sweep("1,10,100", "x") == std::vector<double>{1, 10, 100});
  const auto log = parse_sweep("1:100:log:3", "x");
  REQUIRE(log.size() == 3);
  CHECK(log[1] == doctest::Approx(10));
  CHECK(parse_sweep("0:1:lin:5", "x")[4] == doctest::Approx(1));
  CHECK(error_of([] {
          parse_sweep("1:100:cubic:3", "s.ini:4: field 'phones'");
        }).find("s.ini:4: field 'phones'") == 0);
  CHECK(!error_of([] { parse_sweep("abc", "x"); }).empty());
  CHECK(!error_of([] { parse_sweep("0:10:log:3", "x"); }).empty());
}

TEST_CASE("percentile interpolates between ranks like numpy") {
  CHECK(percentile({1, 2, 3, 4}, 0.5) == doctest::Approx(2.5));
  CHECK(percentile({10}, 0.99) == doctest::Approx(10));
  CHECK(percentile({1, 2, 3, 4, 5}, 0.95) == doctest::Approx(4.8));
}

TEST_CASE("CSV: quoted commas, wrong field counts, text where a number belongs") {
  const auto t = CsvTable::parse("a,b\n\"x, y\",2\n", "t.csv");
  CHECK(t.text(0, "a") == "x, y");
  CHECK(t.number(0, "b") == 2);
  CHECK(error_of([] { CsvTable::parse("a,b\n1,2,3\n", "t.csv"); }).find("t.csv:2") == 0);
  const auto bad = CsvTable::parse("a,b\n1,two\n", "t.csv");
  CHECK(error_of([&] { bad.number(0, "b"); }) == "t.csv:2: field 'b': 'two' is not a number");
  CHECK(error_of([&] { bad.text(0, "c"); }) == "t.csv:1: field 'c': missing column");
}

TEST_CASE("profiles reject missing columns, bad numbers, unsourced figures and unknown kinds") {
  ProfileSet set;
  CHECK(error_of([&] { set.load("/nonexistent/p.csv"); }) ==
        "/nonexistent/p.csv: cannot open file");
  const auto no_kind =
      write_temp("p1.csv", "device,model,flops,latency_ms,energy_mj,accuracy,source\n");
  CHECK(error_of([&] { ProfileSet().load(no_kind); }).find("field 'kind': missing column") !=
        std::string::npos);
  const auto text =
      write_temp("p2.csv", std::string(kHeader) + "d,m,fast,1,1,0.5,paper,published\n");
  CHECK(error_of([&] { ProfileSet().load(text); }) ==
        text + ":2: field 'flops': 'fast' is not a number");
  const auto kind = write_temp("p3.csv", std::string(kHeader) + "d,m,1,1,1,0.5,paper,guessed\n");
  CHECK(error_of([&] { ProfileSet().load(kind); }).find(":2: field 'kind'") != std::string::npos);
  const auto source = write_temp("p4.csv", std::string(kHeader) + "d,m,1,1,1,0.5,,measured\n");
  CHECK(error_of([&] { ProfileSet().load(source); }).find(":2: field 'source'") !=
        std::string::npos);
  // A measured timing names the engine and ISA it ran with; published rows need not.
  const std::string with_origin =
      std::string(kHeader).insert(std::strlen(kHeader) - 1, ",qengine,isa");
  const auto no_isa = write_temp("p6.csv", std::string(kHeader) + "d,m,1,1,0,0,muxsim,measured\n");
  CHECK(error_of([&] { ProfileSet().load(no_isa); }).find(":2: field 'qengine': a measured row") !=
        std::string::npos);
  const auto empty_isa =
      write_temp("p7.csv", with_origin + "d,m,1,1,0,0,muxsim,measured,qnnpack,\n");
  CHECK(error_of([&] { ProfileSet().load(empty_isa); }).find(":2: field 'isa'") !=
        std::string::npos);
  const auto origin = write_temp(
      "p8.csv",
      with_origin + "d,m,1,1,0,0,muxsim,measured,qnnpack,avx2\nd,n,1,1,0,0,p,published,,\n");
  CHECK(error_of([&] { ProfileSet().load(origin); }).empty());
  const auto ok = write_temp("p5.csv", std::string(kHeader) + "d,m,1,2,3,0.5,paper,published\n");
  set.load(ok);
  CHECK(set.get("d", "m").latency_ms == 2);
  CHECK(error_of([&] { set.get("d", "other"); }) ==
        "unknown model 'other' on device 'd'; known: m");
}

TEST_CASE("traces: round trip, and bad rows named by line and field") {
  DecisionTrace t;
  t.models = {"a", "b"};
  t.provenance = "synthetic";
  t.inputs.push_back({"i0", 3, 1, {3, 4}, {0.9, 0.2}, {true, false}, {0.8, 0.1}});
  const auto path = write_temp("t.csv", trace_csv(t));
  const DecisionTrace back = read_trace(path);
  CHECK(back.models == t.models);
  CHECK(back.inputs[0].correct == t.inputs[0].correct);
  CHECK(back.inputs[0].score[0] == doctest::Approx(0.8));
  CHECK(back.provenance == "synthetic");
  std::string text = trace_csv(t);
  text.replace(text.find(",0.800000,"), 10, ",1.800000,");
  const auto bad = write_temp("t2.csv", text);
  CHECK(error_of([&] { read_trace(bad); }) == bad + ":2: field 'score_a': must be in [0, 1]");
}

TEST_CASE("--keys: every key but the model and device names states its domain") {
  const std::string& name_domain = scenario_key_domain("devices.mobile_model");
  for (const auto& key : scenario_keys()) {
    const bool names_a_model =
        key.rfind("devices.", 0) == 0 || key.rfind("reconstruct.ensemble_", 0) == 0;
    INFO(key);
    CHECK((scenario_key_domain(key) == name_domain) == names_a_model);
  }
}
