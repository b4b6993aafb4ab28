#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/scenario_point.hpp"
#include "core/assemble/prepared.hpp"
#include "core/base/limits.hpp"
#include "core/config/read_scenario.hpp"
#include "sim/simulate.hpp"

#include <iostream>

namespace muxsim::cli {

int platform_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  po::positional_options_description positional;
  ScenarioPoint run;
  run.add_to(options, positional);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim platform SCENARIO.ini [--point N]\n\n"
      "Prints, as SimGrid platform XML, the hosts, links and routes that a simulated run of\n"
      "the scenario builds (a run builds them through SimGrid's C++ API; docs/network.md).";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  const auto p = run.prepare_for("platform");
  check_run_budget(p->scenario, kDefaultMaxRuns);
  std::cout << sim::platform_xml(sim::platform_for(*p, *p->attachments(run.chosen(*p))));
  return 0;
}

} // namespace muxsim::cli
