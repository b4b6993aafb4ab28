#pragma once
// The scenario keys, each declared once (docs/formats.md, "Scenario INI"): its name, what it
// means, its default, the values it takes and the field it fills. read_scenario, `muxsim run
// --keys` and the unknown-key message are all generated from this one table.
#include "core/base/scenario.hpp"
#include "core/config/read_scenario.hpp"

#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace muxsim {

// The values a key takes; read_key checks them.
enum class KeyKind {
  Text,          // trimmed text
  Names,         // comma-separated names
  Choice,        // one of `choices`
  Choices,       // comma-separated, each one of `choices`
  Policies,      // comma-separated known policies, at least one
  Fraction,      // [0, 1]
  UnitInterval,  // (0, 1]
  Positive,      // (0, 1e9]
  NonNegative,   // [0, 1e9]
  Integer,       // an integer in [minimum, maximum]
  Flag,          // true, false, 1 or 0
  PositiveSweep, // a sweep of values in (0, 1e9]
  IntegerSweep,  // a sweep of integers in [minimum, 1e9]
  Rates,         // a list of rates in (0, 1e9], optionally after "random:"
  Fractions,     // a list of values in [0, 1]
};

// A key's value as read; its kind says which member holds it.
struct KeyValue {
  std::string text;                // Text, Choice
  std::size_t choice = 0;          // Choice: the value's place among the choices
  std::vector<std::size_t> chosen; // Choices: each value's place among the choices
  std::vector<std::string> items;  // Names, Choices, Policies
  double number = 0;               // Fraction, UnitInterval, Positive, NonNegative
  long integer = 0;                // Integer
  bool flag = false;               // Flag
  std::vector<double> numbers;     // PositiveSweep, Rates, Fractions
  std::vector<long> integers;      // IntegerSweep
  bool random = false;             // Rates: drawn at random with the run's seed
};

struct KeySpec {
  using Fill = std::function<void(Scenario&, const KeyValue&)>;
  KeySpec(std::string key, std::string doc, std::string fallback, KeyKind kind, Fill fill)
      : key(std::move(key)), doc(std::move(doc)), fallback(std::move(fallback)), kind(kind),
        fill(std::move(fill)) {}

  std::string key;      // "section.key", or "key" at the top level
  std::string doc;      // one line for --keys
  std::string fallback; // the default, written as in a scenario; empty: the field's own
  KeyKind kind;
  Fill fill;
  bool required = false;
  long minimum = 0, maximum = 1000000000; // Integer and IntegerSweep
  std::vector<std::string> choices;       // Choice and Choices
  std::string domain;                     // --keys text, when the kind's own does not say it
};

const std::vector<KeySpec>& scenario_key_specs();

// Parses `raw` as `spec` says, or throws InputError at `at` ("FILE:LINE: field 'KEY'").
KeyValue read_key(const KeySpec& spec, const std::string& raw, const std::string& at);

} // namespace muxsim
