#include "core/config/sweep.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"

#include <cmath>

namespace muxsim {

std::vector<double> parse_sweep(const std::string& text, const std::string& context) {
  const auto parts = split(text, ':');
  if (parts.size() == 1) {
    std::vector<double> values;
    for (const auto& item : split(text, ','))
      values.push_back(parse_number(item, context));
    return values;
  }
  if (parts.size() != 4)
    throw InputError(context + ": a range is FROM:TO:lin|log:COUNT, got '" + text + "'");
  const double from = parse_number(parts[0], context);
  const double to = parse_number(parts[1], context);
  const std::string scale = trim(parts[2]);
  const long count = parse_integer(parts[3], context);
  if (count < 1 || count > 100000) throw InputError(context + ": COUNT must be 1 to 100000");
  if (scale != "lin" && scale != "log")
    throw InputError(context + ": scale must be lin or log, got '" + scale + "'");
  const bool logarithmic = scale == "log"; // read once; the values below follow it
  if (logarithmic && (from <= 0 || to <= 0))
    throw InputError(context + ": a log range needs positive ends");
  std::vector<double> values;
  for (long i = 0; i < count; ++i) {
    const double f = count == 1 ? 0.0 : static_cast<double>(i) / static_cast<double>(count - 1);
    values.push_back(logarithmic ? std::exp(std::log(from) + f * (std::log(to) - std::log(from)))
                                 : from + f * (to - from));
  }
  return values;
}

} // namespace muxsim
