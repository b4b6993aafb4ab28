#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/input_error.hpp"
#include "core/prepared.hpp"
#include "sim/cell_platform.hpp"

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
      "Prints the SimGrid platform XML that a simulated run of the scenario loads.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  const auto p = prepare(scenario);
  const auto points = p->scenario.run_points();
  if (point >= points.size())
    throw InputError("command line: --point must be below " + std::to_string(points.size()));
  const RunPoint& r = points[point];
  std::cout << sim::cell_platform_xml({r.phones, r.bandwidth_mbps, p->scenario.wan_mbps,
                                       p->scenario.wan_latency_ms, p->scenario.gpu_workers});
  return 0;
}

} // namespace muxsim::cli
