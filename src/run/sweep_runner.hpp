#pragma once
// Runs every (scenario, run point, mode, policy) of a sweep. Closed-form runs are cheap and
// run in this process; each simulated run gets a forked child (one SimGrid engine per
// process), `jobs` children at once. A child that crashes, fails or overruns its time limit
// becomes one failed row with its reason; the rest of the sweep goes on.
#include "core/assemble/prepared.hpp"
#include "core/output/results.hpp"

#include <functional>
#include <set>
#include <vector>

namespace muxsim::run {

struct SweepOptions {
  int jobs = 1;
  double run_timeout_s = 3600;
  bool progress = true;
  // Run only the runs r with r mod shard_count == shard_index (docs/speed.md).
  long shard_index = 0, shard_count = 1;
  std::set<long> skip;                               // runs already done (--resume)
  std::function<void(const ResultRow&)> on_row_done; // called as each run finishes
  std::string request_log;      // --requests: each run writes its requests' part of this file
  bool log_positions = false;   // the request log has cell and distance_m (a scenario places phones)
  std::string timeseries;       // --timeseries: each simulated run writes its minutes' part
  std::string learning_dir;     // adaptive policies write what they learned here, per run
  std::vector<std::string> log; // --log: SimGrid log settings for simulated runs
  Percentiles percentiles = Percentiles::Auto; // --exact-percentiles, --sketch-percentiles
};

// Every run of the sweep, numbered in order; ResultRow::run is that number.
std::vector<ResultRow> plan_sweep(const std::vector<const Prepared*>& scenarios);

// Runs this shard's runs that are not skipped and returns their rows, in run order.
std::vector<ResultRow> run_sweep(const std::vector<const Prepared*>& scenarios,
                                 const SweepOptions& options);

} // namespace muxsim::run
