#pragma once
// Per-request output (muxsim run --requests FILE.csv.gz): one row per request of every run,
// gzip-compressed, each run's rows in a part file of its own (core/output/gzip_parts.hpp),
// joined after kRequestLogHeader in run order.
#include "core/model/cost_breakdown.hpp"

#include <string>
#include <vector>

namespace muxsim {

inline const char* kRequestLogHeader =
    "run,request,phone,start_s,wifi_mbps,placement,correct,mux_ms,local_ms,upload_ms,queue_ms,"
    "server_ms,download_ms,latency_ms,phone_energy_mj,total_gflops\n";

// Writes one run's requests; request k ran on phone k mod phones.
void write_request_log_part(const std::string& path, long run,
                            const std::vector<CostBreakdown>& costs, long phones);

} // namespace muxsim
