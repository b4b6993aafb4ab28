#pragma once
// Limits on values read from files (docs/limits.md).

namespace muxsim {

// Times, rates, sizes and costs above 1e9 in their unit (ms, Mbit/s, bytes, mJ, G MACs)
// cannot be simulated faithfully: the engine's clock and rates are doubles, and sums of such
// values lose the small ones. They are refused where they are read.
constexpr double kLargestValue = 1e9;
// The same bound on counts (requests, bytes, inputs) read as integers.
constexpr long kLargestCount = 1'000'000'000;

// Budgets checked before anything is planned or allocated (docs/limits.md), from
// bench/memory.sh: a planned run costs the parent about 2 KB (and a child process). A run
// keeps nothing per request unless asked to: with --requests about 130 bytes a request, with
// --exact-percentiles 8. The defaults keep such a run under about 7 GB and a sweep's parent
// under about 2 GB; other runs are bounded by the requests key's own limit.
constexpr long kDefaultMaxRuns = 1'000'000;
constexpr long kDefaultMaxRequests = 50'000'000;
constexpr long kMostRequests = kLargestCount;

} // namespace muxsim
