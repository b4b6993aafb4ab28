#pragma once
// `muxsim report`: a compact Markdown table per scenario and run point of a results.csv, for
// reading in a terminal (docs/formats.md).
#include <string>

namespace muxsim {

// One table per (scenario, run point) of the rows in `mode`: policy, accuracy, local share,
// mean and p95 latency, phone energy. The best value of each column is in bold: highest
// accuracy and local share, lowest latency and energy; upper bounds (oracle) do not compete.
std::string markdown_report(const std::string& results_path, const std::string& mode);

// One plain-text table per scenario at its first run point, for a terminal at most 100
// columns wide: policy, accuracy, mean and p95 latency, phone energy and cloud GFLOPs per
// inference, with upper bounds (oracle) marked *.
std::string summary_report(const std::string& results_path, const std::string& mode);

} // namespace muxsim
