#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/results_file.hpp"
#include "core/config/scenario_keys.hpp"
#include "core/formats/input_error.hpp"
#include "core/model/prepared.hpp"
#include "core/output/request_log.hpp"
#include "core/output/results.hpp"
#include "run/sweep_runner.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <memory>

namespace muxsim::cli {

namespace {

// "k/n" with 1 <= k <= n.
void parse_shard(const std::string& text, sim::SweepOptions& sweep) {
  const auto slash = text.find('/');
  long k = 0, n = 0;
  if (slash != std::string::npos) {
    k = std::atol(text.substr(0, slash).c_str());
    n = std::atol(text.substr(slash + 1).c_str());
  }
  if (slash == std::string::npos || n < 1 || k < 1 || k > n)
    throw InputError("command line: --shard must be k/n with 1 <= k <= n, got '" + text + "'");
  sweep.shard_index = k - 1;
  sweep.shard_count = n;
}

// A run's requests are held in memory while it runs: refused up front above the budget.
void check_request_budget(const Prepared& p, long max_requests) {
  if (p.request_count() <= max_requests) return;
  const std::string from =
      p.scenario.requests > 0 ? p.scenario.at("requests")
                              : resolve_path(p.scenario, p.scenario.trace) + ": the trace's inputs";
  throw InputError(fmt::format("{}: {} requests per run, more than the budget of {} (a "
                               "simulated request holds about 130 bytes); --max-requests raises it",
                               from, p.request_count(), max_requests));
}

} // namespace

int run_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::vector<std::string> scenarios;
  std::string out, trace, shard;
  sim::SweepOptions sweep;
  long max_runs = 0, max_requests = 0;
  options.add_options()("scenario", po::value(&scenarios), "scenario INI files (positional)")(
      "out,o", po::value(&out), "output folder; receives results.csv (required)")(
      "trace", po::value(&trace), "decision trace CSV replacing each scenario's trace key")(
      "jobs,j", po::value(&sweep.jobs)->default_value(1),
      "simulated runs at once, one process each")(
      "run-timeout", po::value(&sweep.run_timeout_s)->default_value(3600),
      "seconds before a run is killed and marked failed")(
      "requests", po::value(&sweep.request_log),
      "also write every request of every run (stage times, energy, placement) to this .csv.gz")(
      "shard", po::value(&shard),
      "k/n: run only runs r with r mod n = k - 1 (merge with muxsim merge)")(
      "resume", "skip the runs DIR already holds as done (from results.csv or an interrupted run)")(
      "max-runs", po::value(&max_runs)->default_value(kDefaultMaxRuns),
      "refuse a scenario that plans more runs than this (docs/limits.md)")(
      "max-requests", po::value(&max_requests)->default_value(kDefaultMaxRequests),
      "refuse a run of more requests than this (about 130 bytes each when simulated)")(
      "quiet,q", "no progress lines on stderr")(
      "keys", "list every scenario key, by section, with what it means, and exit");
  po::positional_options_description positional;
  positional.add("scenario", -1);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim run SCENARIO.ini [SCENARIO.ini ...] --out DIR [options]\n\n"
      "Runs every run point of each scenario (the product of its sweeps: [network]\n"
      "bandwidth_mbps, [load] cells, phones and arrival_rate_hz, and seeds) in each of its\n"
      "modes (closed-form, simulated) for each of its policies, and writes DIR/results.csv:\n"
      "one row per (run, mode, policy), numbered in column run. While it works, finished rows\n"
      "go to DIR/results.partial.csv, which --resume reads after an interruption. Exit\n"
      "status: 0 success, 2 bad input (nothing written), 3 some runs failed (their rows say\n"
      "why). --keys lists the scenario keys.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  if (vm.count("keys")) {
    for (const KeySpec& spec : scenario_key_specs())
      fmt::print("{:<38} {} [{}]{}\n", spec.key, spec.doc, scenario_key_domain(spec.key),
                 spec.fallback.empty() ? "" : " (default " + spec.fallback + ")");
    return 0;
  }
  if (scenarios.empty()) throw InputError("command line: no scenario given (see --help)");
  require_option(out, "out");
  if (sweep.jobs < 1) throw InputError("command line: --jobs must be at least 1");
  if (!(sweep.run_timeout_s > 0) || !std::isfinite(sweep.run_timeout_s))
    throw InputError("command line: --run-timeout must be a positive number of seconds");
  if (max_runs < 1 || max_requests < 1)
    throw InputError("command line: --max-runs and --max-requests must be at least 1");
  if (!shard.empty()) parse_shard(shard, sweep);
  sweep.progress = !vm.count("quiet");
  if (!sweep.request_log.empty()) {
    if (vm.count("resume") || sweep.shard_count > 1)
      throw InputError("command line: --requests cannot be combined with --resume or --shard");
    // Its folder must exist, unless it is --out, which the run creates.
    const auto folder =
        std::filesystem::absolute(sweep.request_log).lexically_normal().parent_path();
    const auto out_folder = std::filesystem::absolute(std::filesystem::path(out) / "x")
                                .lexically_normal()
                                .parent_path();
    if (folder != out_folder && !std::filesystem::is_directory(folder))
      throw InputError("command line: --requests " + sweep.request_log + ": no folder " +
                       folder.string());
  }

  std::vector<std::unique_ptr<Prepared>> prepared;
  std::vector<const Prepared*> views;
  for (const auto& path : scenarios) {
    prepared.push_back(prepare(path, trace));
    const Prepared& p = *prepared.back();
    check_run_budget(p.scenario, max_runs);
    check_request_budget(p, max_requests);
    views.push_back(&p);
  }
  const auto models = all_models(sim::plan_sweep(views));
  const std::string header = results_header(models);
  const auto final_path = std::filesystem::path(out) / "results.csv";
  const auto partial_path = std::filesystem::path(out) / "results.partial.csv";

  // Lines of runs already done, by run number: kept verbatim.
  std::map<long, std::string> done;
  if (vm.count("resume"))
    for (const auto& file : {final_path, partial_path})
      for (const auto& [run, line] : read_done_lines(file.string(), header))
        done.emplace(run, line);
  for (const auto& [run, line] : done)
    sweep.skip.insert(run);

  std::filesystem::create_directories(out);
  // Rows are appended as runs finish, so an interrupted sweep can --resume. The header is
  // written again, as a resumed file's done rows were already read above.
  std::ofstream partial(partial_path, std::ios::trunc);
  if (!partial) throw InputError(partial_path.string() + ": cannot write");
  partial << header;
  for (const auto& [run, line] : done)
    partial << line;
  partial << std::flush;
  sweep.on_row_done = [&](const ResultRow& row) {
    partial << result_line(row, models) << std::flush;
  };
  sweep.learning_dir = (std::filesystem::path(out) / "learning").string();
  std::vector<long> planned;
  for (const auto& row : sim::plan_sweep(views))
    planned.push_back(row.run);
  std::vector<ResultRow> rows;
  try {
    rows = sim::run_sweep(views, sweep);
  } catch (const Interrupted&) {
    // The finished rows stay in results.partial.csv for --resume; request logs cannot resume.
    if (!sweep.request_log.empty()) sim::remove_request_log_parts(sweep.request_log, planned);
    throw;
  } catch (const InputError&) {
    // Bad input found mid-sweep leaves nothing behind.
    if (!sweep.request_log.empty()) sim::remove_request_log_parts(sweep.request_log, planned);
    partial.close();
    std::filesystem::remove(partial_path);
    throw;
  }
  if (!sweep.request_log.empty()) {
    std::vector<long> runs;
    for (const auto& row : rows)
      runs.push_back(row.run);
    sim::join_request_log(sweep.request_log, runs);
  }
  long failed = 0;
  for (const auto& row : rows) {
    done[row.run] = result_line(row, models);
    failed += row.status != RunStatus::Ok;
  }
  std::string csv = header;
  for (const auto& [run, line] : done)
    csv += line;
  write_atomically(final_path.string(), csv);
  partial.close();
  std::filesystem::remove(partial_path);
  fmt::print(stderr, "wrote {} ({} rows{}{})\n", final_path.string(), done.size(),
             failed ? fmt::format(", {} failed", failed) : "",
             rows.size() < done.size() ? fmt::format(", {} resumed", done.size() - rows.size())
                                       : "");
  return failed ? 3 : 0;
}

} // namespace muxsim::cli
