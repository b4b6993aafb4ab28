#pragma once
// `muxsim report`: a compact Markdown table per scenario and run point of a results.csv, for
// reading in a terminal (docs/formats.md).
#include "core/base/scenario.hpp"

#include <string>

namespace muxsim {

// One table per scenario and run point (every input but the seed) of the rows in `mode`: per
// policy, its number of seeds n and the mean over them of accuracy, local share, mean and p95
// latency and phone energy, ± the half-width of a 95 % Student-t interval (n - 1 degrees of
// freedom) when n > 1. The best mean of each column is in bold: highest accuracy and local
// share, lowest latency and energy; upper bounds (oracle) and policies that overloaded a
// resource (the overload column, when the file has it) do not compete, the latter marked ⚠.
std::string markdown_report(const std::string& results_path, Mode mode);

// One plain-text table per scenario at its first run point, for a terminal at most 100
// columns wide: policy, and the means over its seeds of accuracy, mean and p95 latency,
// phone energy and cloud GFLOPs per inference, with upper bounds (oracle) marked * and
// overloaded policies marked ⚠ and the resources.
std::string summary_report(const std::string& results_path, Mode mode);

} // namespace muxsim
