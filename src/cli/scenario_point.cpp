#include "cli/scenario_point.hpp"

#include "core/base/input_error.hpp"
#include "core/config/key_sweep.hpp"

namespace muxsim::cli {

void ScenarioPoint::add_to(po::options_description& options,
                           po::positional_options_description& positional) {
  options.add_options()("scenario", po::value(&scenario)->required(), "scenario INI (positional)")(
      "point", po::value(&point)->default_value(0), "which run point of the sweep, from 0");
  positional.add("scenario", 1);
}

std::unique_ptr<Prepared> ScenarioPoint::prepare_for(const std::string& command) const {
  auto p = prepare(scenario);
  refuse_key_sweeps(p->scenario, command);
  return p;
}

RunPoint ScenarioPoint::chosen(const Prepared& p) const {
  const auto points = p.run_points();
  if (point >= points.size())
    throw InputError("command line: --point must be below " + std::to_string(points.size()));
  return points[point];
}

} // namespace muxsim::cli
