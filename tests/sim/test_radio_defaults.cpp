// The [radio] keys' defaults are the phone radio of models/phone-radio.csv, where each
// figure carries its source and kind: one place says the number, the other where it is from,
// and this keeps them the same (docs/cost-model.md, "Radio states").
#include "core/config/scenario_keys.hpp"
#include "core/formats/csv.hpp"
#include "fork_helper.hpp"

#include <doctest/doctest.h>

#include <map>

using namespace muxsim;

TEST_CASE("radio defaults: the key table's tx, rx and idle powers are models/phone-radio.csv's") {
  CsvReader csv(test::source_path("models/phone-radio.csv"));
  csv.require_columns({"radio", "state", "watts", "source", "kind"});
  std::map<std::string, double> watts;
  while (csv.next()) {
    CHECK(csv.text(csv.column_index("radio")) == "wifi");
    CHECK(!csv.text(csv.column_index("source")).empty());
    CHECK(csv.text(csv.column_index("kind")) == "derived");
    watts[csv.text(csv.column_index("state"))] = csv.number(csv.column_index("watts"));
  }
  REQUIRE(watts.size() == 3);
  for (const auto& [state, w] : watts) {
    CAPTURE(state);
    const std::string key = "radio." + state + "_w";
    bool found = false;
    for (const KeySpec& spec : scenario_key_specs())
      if (spec.key == key) {
        found = true;
        CHECK(parse_number(default_text(spec), key) == doctest::Approx(w).epsilon(1e-12));
      }
    CHECK(found);
  }
}
