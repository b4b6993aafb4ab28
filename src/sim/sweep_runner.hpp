#pragma once
// Runs every (scenario, run point, mode, policy) of a sweep. Closed-form runs are cheap and
// run in this process; each simulated run gets a forked child (one SimGrid engine per
// process), `jobs` children at once. A child that crashes, fails or overruns its time limit
// becomes one failed row with its reason; the rest of the sweep goes on.
#include "core/prepared.hpp"
#include "core/results.hpp"

#include <vector>

namespace muxsim::sim {

struct SweepOptions {
  int jobs = 1;
  double run_timeout_s = 3600;
  bool progress = true;
};

std::vector<ResultRow> run_sweep(const std::vector<const Prepared*>& scenarios,
                                 const SweepOptions& options);

} // namespace muxsim::sim
