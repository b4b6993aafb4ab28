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
      "out,o", po::value(&out)->required(), "output folder; receives results.csv")(
      "trace", po::value(&trace), "decision trace CSV replacing each scenario's trace key")(
      "jobs,j", po::value(&sweep.jobs)->default_value(1),
      "simulated runs at once, one process each")(
      "run-timeout", po::value(&sweep.run_timeout_s)->default_value(3600),
      "seconds before a run is killed and marked failed")("quiet,q", "no progress lines on stderr");
  po::positional_options_description positional;
  positional.add("scenario", -1);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim run SCENARIO.ini [SCENARIO.ini ...] --out DIR [options]\n\n"
      "Runs every run point of each scenario (the product of its bandwidth_mbps, phones and\n"
      "seeds sweeps) in each of its modes (closed-form, simulated) for each of its policies,\n"
      "and writes DIR/results.csv: one row per (run, mode, policy). Exit status: 0 success,\n"
      "2 bad input (nothing written), 3 some runs failed (their rows say why).";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  if (scenarios.empty()) throw InputError("command line: no scenario given (see --help)");
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
