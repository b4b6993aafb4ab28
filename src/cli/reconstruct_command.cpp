#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/assemble/prepared.hpp"
#include "core/base/input_error.hpp"
#include "core/config/key_sweep.hpp"
#include "core/output/results.hpp"

#include <fmt/format.h>

namespace muxsim::cli {

int reconstruct_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::string scenario, out;
  options.add_options()("scenario", po::value(&scenario)->required(),
                        "scenario INI whose trace is reconstruct:... (positional)")(
      "out,o", po::value(&out)->required(), "trace CSV to write");
  po::positional_options_description positional;
  positional.add("scenario", 1);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim reconstruct SCENARIO.ini --out TRACE.csv\n\n"
      "Writes the decision trace a scenario runs on, e.g. the one reconstructed from the\n"
      "paper's published marginals (trace = reconstruct:table1 or reconstruct:table2).";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  const auto p = prepare(scenario);
  refuse_key_sweeps(p->scenario, "reconstruct");
  write_atomically(out, trace_csv(p->trace));
  fmt::print(stderr, "wrote {} ({} inputs, {})\n", out, p->trace.inputs.size(),
             p->trace.provenance);
  return 0;
}

} // namespace muxsim::cli
