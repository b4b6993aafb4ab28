#include "core/config/key_sweep.hpp"

#include "core/base/input_error.hpp"
#include "core/config/sweep.hpp"
#include "core/formats/csv.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace muxsim {

namespace {

bool one_valued(KeyKind kind) {
  switch (kind) {
  case KeyKind::Choice:
  case KeyKind::Fraction:
  case KeyKind::UnitInterval:
  case KeyKind::Positive:
  case KeyKind::NonNegative:
  case KeyKind::Real:
  case KeyKind::Integer:
  case KeyKind::Flag:
    return true;
  default:
    return false;
  }
}

bool numeric(KeyKind kind) {
  return kind != KeyKind::Choice && kind != KeyKind::Flag;
}

} // namespace

bool read_key_sweep(const KeySpec& spec, const std::string& raw, const std::string& at,
                    std::vector<std::string>& values) {
  if (!one_valued(spec.kind)) return false;
  const bool range = numeric(spec.kind) && raw.find(':') != std::string::npos;
  if (raw.find(',') == std::string::npos && !range) return false;
  values.clear();
  if (numeric(spec.kind)) {
    // Ranges land on integers only up to rounding (1:1000:lin:1000), as for the native sweeps.
    // A range of an integer key lands on integers once rounded (10000:100000:log:3 gives
    // 31623); a list's values are taken as written. Reals get ten significant digits, so
    // 0.1:0.5:lin:5 reads 0.3, not 0.30000000000000004.
    for (double x : parse_sweep(raw, at)) {
      if (spec.kind == KeyKind::Integer && range) x = std::round(x);
      values.push_back(fmt::format("{:.10g}", x));
    }
  } else {
    for (const auto& item : split(raw, ','))
      values.push_back(trim(item));
  }
  for (std::size_t i = 0; i < values.size(); ++i) {
    read_key(spec, values[i], at); // each value must be one the key takes
    if (std::find(values.begin(), values.begin() + static_cast<long>(i), values[i]) !=
        values.begin() + static_cast<long>(i))
      throw InputError(at + ": '" + values[i] + "' is swept twice");
  }
  return true;
}

std::vector<std::vector<std::string>> key_sweep_settings(const std::vector<KeySweep>& sweeps) {
  std::vector<std::vector<std::string>> combos = {{}};
  for (const KeySweep& sweep : sweeps) {
    std::vector<std::vector<std::string>> next;
    for (const auto& combo : combos)
      for (const auto& v : sweep.values) {
        next.push_back(combo);
        next.back().push_back(sweep.key + "=" + v);
      }
    combos = std::move(next);
  }
  return combos;
}

void refuse_key_sweeps(const Scenario& s, const std::string& command) {
  if (s.key_sweeps.empty()) return;
  throw InputError(s.at(s.key_sweeps.front().key) + ": muxsim " + command +
                   " reads one value of each key, and this one sweeps " +
                   std::to_string(s.key_sweeps.front().values.size()) +
                   " (muxsim run runs each); give one value");
}

std::string key_sweep_column(const std::string& key) {
  const auto dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

} // namespace muxsim
