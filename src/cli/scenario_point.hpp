#pragma once
// What a command on one run of one scenario takes (`muxsim platform`, `muxsim walks`): the
// scenario, positional, and --point, which run point of its sweep.
#include "cli/options.hpp"
#include "core/assemble/prepared.hpp"

#include <memory>
#include <string>

namespace muxsim::cli {

struct ScenarioPoint {
  std::string scenario;
  std::size_t point = 0;
  void add_to(po::options_description& options, po::positional_options_description& positional);
  // The scenario, prepared, for `command`, which runs no key sweep.
  std::unique_ptr<Prepared> prepare_for(const std::string& command) const;
  // The run point --point names; bad input if the sweep has fewer.
  RunPoint chosen(const Prepared& p) const;
};

} // namespace muxsim::cli
