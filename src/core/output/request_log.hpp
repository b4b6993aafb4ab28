#pragma once
// Per-request output (muxsim run --requests FILE.csv.gz): one row per request of every run,
// gzip-compressed. Each run writes its own gzip member to a part file; the parts are then
// joined in run order (concatenated gzip members are one valid gzip file), so forked runs
// never share a file and the result does not depend on which run finished first.
#include "core/model/cost_breakdown.hpp"

#include <string>
#include <vector>

namespace muxsim {

inline const char* kRequestLogHeader =
    "run,request,phone,start_s,wifi_mbps,placement,correct,mux_ms,local_ms,upload_ms,queue_ms,"
    "server_ms,download_ms,latency_ms,phone_energy_mj,total_gflops\n";

std::string request_log_part(const std::string& path, long run);
// Writes one run's requests; request k ran on phone k mod phones.
void write_request_log_part(const std::string& path, long run,
                            const std::vector<CostBreakdown>& costs, long phones);
// Joins the parts of `runs`, in that order, into `path` (atomically) and removes them.
void join_request_log(const std::string& path, const std::vector<long>& runs);
// Removes whatever parts of `runs` a stopped sweep left.
void remove_request_log_parts(const std::string& path, const std::vector<long>& runs);

} // namespace muxsim
