#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/assemble/prepared.hpp"
#include "core/base/input_error.hpp"
#include "core/base/limits.hpp"
#include "core/config/key_sweep.hpp"
#include "core/config/read_scenario.hpp"
#include "sim/simulate.hpp"

#include <iostream>

namespace muxsim::cli {

int platform_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::string scenario;
  std::size_t point = 0;
  options.add_options()("scenario", po::value(&scenario)->required(), "scenario INI (positional)")(
      "point", po::value(&point)->default_value(0), "which run point of the sweep, from 0");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim platform SCENARIO.ini [--point N]\n\n"
      "Prints, as SimGrid platform XML, the hosts, links and routes that a simulated run of\n"
      "the scenario builds (a run builds them through SimGrid's C++ API; docs/network.md).";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  const auto p = prepare(scenario);
  refuse_key_sweeps(p->scenario, "platform");
  check_run_budget(p->scenario, kDefaultMaxRuns);
  const auto points = p->run_points();
  if (point >= points.size())
    throw InputError("command line: --point must be below " + std::to_string(points.size()));
  const RunPoint& r = points[point];
  std::cout << sim::platform_xml(sim::platform_for(*p, *p->attachments(r)));
  return 0;
}

} // namespace muxsim::cli
