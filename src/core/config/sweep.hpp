#pragma once
// Sweep values: "5" (one value), "1,10,100" (a list) or "FROM:TO:lin|log:COUNT" (a range
// of COUNT points, both ends included).
#include <string>
#include <vector>

namespace muxsim {

// `context` names file, line and key for the error message.
std::vector<double> parse_sweep(const std::string& text, const std::string& context);

} // namespace muxsim
