// Scenario INI, sweeps included: parse, then expand the runs when the plan is within the
// default budget (as `muxsim run` does).
#include "core/base/limits.hpp"
#include "core/base/scenario.hpp"
#include "core/config/read_scenario.hpp"
#include "fuzz_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return muxsim::fuzz::parse_bytes(data, size, ".ini", [](const std::string& path) {
    const muxsim::Scenario s = muxsim::read_scenario(path);
    muxsim::check_run_budget(s, muxsim::kDefaultMaxRuns);
    s.run_points(s.network.bandwidth_mbps);
  });
}
