#pragma once
// The scenario keys, each declared once (docs/formats.md, "Scenario INI"): its name, what it
// means, the values it takes and the field it fills (whose initializer is its default).
// read_scenario, `muxsim run
// --keys` and the unknown-key message are all generated from this one table.
#include "core/base/limits.hpp"
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
  Real,          // [-1e9, 1e9]: a level in dB or dBm
  Integer,       // an integer in [minimum, maximum]
  Flag,          // true, false, 1 or 0
  PositiveSweep, // a sweep of values in (0, 1e9]
  IntegerSweep,  // a sweep of integers in [minimum, 1e9]
  Rates,         // a list of rates in (0, 1e9], optionally after "random:"
  Fractions,     // a list of values in [0, 1]
  Range,         // "low, high" in [0, 1e9], low <= high; one value is a range of one
};

// A key's value as read; its kind says which member holds it.
struct KeyValue {
  std::string text;                // Text, Choice
  std::size_t choice = 0;          // Choice: the value's place among the choices
  std::vector<std::size_t> chosen; // Choices: each value's place among the choices
  std::vector<std::string> items;  // Names, Choices, Policies
  double number = 0;               // Fraction, UnitInterval, Positive, NonNegative, Real
  long integer = 0;                // Integer
  bool flag = false;               // Flag
  std::vector<double> numbers;     // PositiveSweep, Rates, Fractions, Range
  std::vector<long> integers;      // IntegerSweep
  bool random = false;             // Rates: drawn at random with the run's seed
};

// How a key meets its field: `fill` stores a value read into the scenario, `show` reads the
// field back. A key's default is its field's initializer in core/base/scenario.hpp, declared
// there once; `show` gives it to --keys and to the test that every default is a valid value.
struct KeyBinding {
  std::function<void(Scenario&, const KeyValue&)> fill;
  std::function<KeyValue(const Scenario&)> show;
};

struct KeySpec {
  KeySpec(std::string key, std::string doc, KeyKind kind, KeyBinding binding)
      : key(std::move(key)), doc(std::move(doc)), kind(kind), fill(std::move(binding.fill)),
        show(std::move(binding.show)) {}

  std::string key; // "section.key", or "key" at the top level
  std::string doc; // one line for --keys
  KeyKind kind;
  std::function<void(Scenario&, const KeyValue&)> fill;
  std::function<KeyValue(const Scenario&)> show;
  bool required = false;
  // The field's initial value (a zero) stands for "not given" rather than a default: the
  // Markov channel's times and rate, which a markov channel requires.
  bool unset_by_default = false;
  long minimum = 0, maximum = kLargestCount; // Integer and IntegerSweep
  std::vector<std::string> choices;          // Choice and Choices
  std::string domain;                        // --keys text, when the kind's own does not say it
};

const std::vector<KeySpec>& scenario_key_specs();

// Parses `raw` as `spec` says, or throws InputError at `at` ("FILE:LINE: field 'KEY'").
KeyValue read_key(const KeySpec& spec, const std::string& raw, const std::string& at);
// A value written as a scenario would give it: read_key's inverse; empty for an empty value.
std::string write_key(const KeySpec& spec, const KeyValue& value);
// The key's default as a scenario would write it (its field in a default Scenario), or empty
// when it has none.
std::string default_text(const KeySpec& spec);

} // namespace muxsim
