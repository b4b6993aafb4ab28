#include "core/config/key_sweep.hpp"

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
    for (double x : parse_sweep(raw, at)) {
      if (spec.kind == KeyKind::Integer && std::abs(x - std::round(x)) < 1e-9 * std::max(1.0, x))
        x = std::round(x);
      values.push_back(fmt::format("{}", x));
    }
  } else {
    for (const auto& item : split(raw, ','))
      values.push_back(trim(item));
  }
  for (const auto& v : values)
    read_key(spec, v, at); // each value must be one the key takes
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

std::string key_sweep_column(const std::string& key) {
  const auto dot = key.rfind('.');
  return dot == std::string::npos ? key : key.substr(dot + 1);
}

} // namespace muxsim
