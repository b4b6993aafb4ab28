#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/base/input_error.hpp"
#include "core/config/read_scenario.hpp"
#include "core/output/report.hpp"

#include <iostream>
#include <optional>

namespace muxsim::cli {

int report_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::string results, mode_text;
  bool summary = false;
  options.add_options()("results", po::value(&results), "a results.csv (positional)")(
      "mode", po::value(&mode_text)->default_value(mode_name(Mode::Simulated)),
      "closed-form or simulated")(
      "summary", po::bool_switch(&summary),
      "instead, one plain table per scenario at its first run point (the means over its seeds "
      "of accuracy, mean and p95 latency, phone energy, cloud GFLOPs), at most 100 columns wide");
  po::positional_options_description positional;
  positional.add("results", 1);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim report RESULTS.csv [--mode closed-form|simulated] [--summary]\n\n"
      "Prints one Markdown table per scenario and run point, its seeds averaged: per policy\n"
      "the number of seeds n, then accuracy, local share, mean and p95 latency and phone\n"
      "energy, each as mean ± the half-width of a 95 % Student-t interval (the value alone\n"
      "when n = 1), the best mean of each column in bold. An upper bound such as oracle, and\n"
      "a policy that overloaded a resource (marked ⚠, from the overload column), do not\n"
      "compete. --summary prints the terminal summary the main job shows instead.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  require_option(results, "results");
  // Parsed once here: the report compares modes, never their spelling.
  const std::optional<Mode> mode = mode_from_name(mode_text);
  if (!mode)
    throw InputError("command line: --mode must be closed-form or simulated, got '" + mode_text +
                     "'");
  std::cout << (summary ? summary_report(results, *mode) : markdown_report(results, *mode));
  return 0;
}

} // namespace muxsim::cli
