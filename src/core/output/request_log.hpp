#pragma once
// Per-request output (muxsim run --requests FILE.csv.gz): one row per request of every run,
// gzip-compressed, each run's rows in a part file of its own (core/output/gzip_parts.hpp),
// joined after request_log_header() in run order.
#include "core/model/cost_breakdown.hpp"

#include <string>
#include <vector>

namespace muxsim {

// The header line, from the same column table the rows are written by. `positions`: the log
// ends with each request's cell and distance to its access point as it started, written
// when a scenario of the sweep places phones ([mobility]).
std::string request_log_header(bool positions = false);

// Writes one run's requests; request k ran on phone k mod phones.
void write_request_log_part(const std::string& path, long run,
                            const std::vector<CostBreakdown>& costs, long phones,
                            bool positions = false);

} // namespace muxsim
