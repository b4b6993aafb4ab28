#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/input_error.hpp"
#include "core/prepared.hpp"
#include "core/results.hpp"
#include "sim/sweep_runner.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <memory>

namespace muxsim::cli {

int run_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::vector<std::string> scenarios;
  std::string out, trace;
  sim::SweepOptions sweep;
  options.add_options()("scenario", po::value(&scenarios), "scenario INI files (positional)")(
      "out,o", po::value(&out), "output folder; receives results.csv (required)")(
      "trace", po::value(&trace), "decision trace CSV replacing each scenario's trace key")(
      "jobs,j", po::value(&sweep.jobs)->default_value(1),
      "simulated runs at once, one process each")(
      "run-timeout", po::value(&sweep.run_timeout_s)->default_value(3600),
      "seconds before a run is killed and marked failed")("quiet,q", "no progress lines on stderr")(
      "keys", "list every scenario key, by section, with what it means, and exit");
  po::positional_options_description positional;
  positional.add("scenario", -1);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim run SCENARIO.ini [SCENARIO.ini ...] --out DIR [options]\n\n"
      "Runs every run point of each scenario (the product of its sweeps: [network]\n"
      "bandwidth_mbps, [load] cells, phones and arrival_rate_hz, and seeds) in each of its\n"
      "modes (closed-form, simulated) for each of its policies, and writes DIR/results.csv:\n"
      "one row per (run, mode, policy). Exit status: 0 success, 2 bad input (nothing\n"
      "written), 3 some runs failed (their rows say why). --keys lists the scenario keys.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  if (vm.count("keys")) {
    for (const auto& [key, doc] : scenario_key_docs())
      fmt::print("{:<38} {}\n", key, doc);
    return 0;
  }
  if (scenarios.empty()) throw InputError("command line: no scenario given (see --help)");
  if (out.empty())
    throw InputError("command line: the option '--out' is required but missing (see --help)");
  if (sweep.jobs < 1) throw InputError("command line: --jobs must be at least 1");
  sweep.progress = !vm.count("quiet");

  std::vector<std::unique_ptr<Prepared>> prepared;
  std::vector<const Prepared*> views;
  for (const auto& path : scenarios) {
    prepared.push_back(prepare(path, trace));
    views.push_back(prepared.back().get());
  }
  std::filesystem::create_directories(out);
  const auto rows = sim::run_sweep(views, sweep);
  const auto models = all_models(rows);
  std::string csv = results_header(models);
  long failed = 0;
  for (const auto& row : rows) {
    csv += result_line(row, models);
    failed += row.status != "ok";
  }
  const std::string path = (std::filesystem::path(out) / "results.csv").string();
  write_atomically(path, csv);
  fmt::print(stderr, "wrote {} ({} rows{})\n", path, rows.size(),
             failed ? fmt::format(", {} failed", failed) : "");
  return failed ? 3 : 0;
}

} // namespace muxsim::cli
