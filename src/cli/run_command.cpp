#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/assemble/prepared.hpp"
#include "core/base/input_error.hpp"
#include "core/base/limits.hpp"
#include "core/config/idle_keys.hpp"
#include "core/config/key_sweep.hpp"
#include "core/config/read_scenario.hpp"
#include "core/config/scenario_keys.hpp"
#include "core/output/gzip_parts.hpp"
#include "core/output/request_log.hpp"
#include "core/output/results.hpp"
#include "core/output/results_reader.hpp"
#include "core/output/timeseries.hpp"
#include "core/policy/registry.hpp"
#include "run/sweep_runner.hpp"

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <map>
#include <memory>
#include <regex>

namespace muxsim::cli {

namespace {

// "k/n" with 1 <= k <= n.
void parse_shard(const std::string& text, run::SweepOptions& sweep) {
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

// A run that keeps its requests (for --requests, or every latency for --exact-percentiles)
// grows with them: refused up front above the budget.
void check_request_budget(const Prepared& p, long max_requests) {
  if (p.request_count() <= max_requests) return;
  const std::string from = p.scenario.requests > 0
                               ? p.scenario.at("requests")
                               : resolve_path(p.scenario, p.trace_source) + ": the trace's inputs";
  throw InputError(fmt::format("{}: {} requests per run, more than the budget of {} (a run "
                               "keeps about 130 bytes a request with --requests, 8 with "
                               "--exact-percentiles); --max-requests raises it",
                               from, p.request_count(), max_requests));
}

// The command line of `muxsim run`, checked.
struct RunArgs {
  std::vector<std::string> scenarios;
  std::string out, trace;
  std::vector<std::string> settings; // --set section.key=value
  run::SweepOptions sweep;
  long max_runs = 0, max_requests = 0;
  bool resume = false, keys = false, policies = false;
};

const char* const kUsage =
    "usage: muxsim run SCENARIO.ini [SCENARIO.ini ...] --out DIR [options]\n\n"
    "Runs every run point of each scenario (the product of its sweeps: [network]\n"
    "bandwidth_mbps, [load] cells, phones and arrival_rate_hz, and seeds) in each of its\n"
    "modes (closed-form, simulated) for each of its policies, and writes DIR/results.csv:\n"
    "one row per (run, mode, policy), numbered in column run. While it works, finished rows\n"
    "go to DIR/results.partial.csv, which --resume reads after an interruption. Exit\n"
    "status: 0 success, 2 bad input (nothing written), 3 some runs failed (their rows say\n"
    "why). --keys lists the scenario keys, --policies the policies.";

// --log: CATEGORY.thresh:PRIORITY, checked here since SimGrid aborts on what it cannot parse.
void check_log_setting(const std::string& setting) {
  static const std::regex form(
      R"(^[A-Za-z0-9_]+\.thresh(old)?:(trace|debug|verbose|info|warning|error|critical)$)");
  if (!std::regex_match(setting, form))
    throw InputError("command line: --log '" + setting +
                     "' is not CATEGORY.thresh:PRIORITY (PRIORITY: trace, debug, verbose, info, "
                     "warning, error or critical)");
}

// --requests and --timeseries: the run's output joined from its runs' parts, with its header.
struct PartOutput {
  const char* option;
  const std::string& path;
  std::string header;
};

std::vector<PartOutput> part_outputs(const RunArgs& a) {
  std::vector<PartOutput> out;
  if (!a.sweep.request_log.empty())
    out.push_back({"--requests", a.sweep.request_log, request_log_header(a.sweep.log_positions)});
  if (!a.sweep.timeseries.empty())
    out.push_back({"--timeseries", a.sweep.timeseries, timeseries_header()});
  return out;
}

// Its folder must exist, unless it is --out, which the run creates.
void check_part_output(const RunArgs& a, const PartOutput& o) {
  if (a.resume || a.sweep.shard_count > 1)
    throw InputError(
        fmt::format("command line: {} cannot be combined with --resume or --shard", o.option));
  const auto folder = std::filesystem::absolute(o.path).lexically_normal().parent_path();
  const auto out_folder = std::filesystem::absolute(std::filesystem::path(a.out) / "x")
                              .lexically_normal()
                              .parent_path();
  if (folder != out_folder && !std::filesystem::is_directory(folder))
    throw InputError(
        fmt::format("command line: {} {}: no folder {}", o.option, o.path, folder.string()));
}

// What to run, for a newcomer who gave no scenario: the usage line and, when this binary was
// built from a source tree that is still there, where its shipped scenarios are.
std::string no_scenario_message() {
  std::string message = "command line: no scenario given; usage: muxsim run SCENARIO.ini [...] "
                        "--out DIR (see --help)";
  const std::filesystem::path shipped = std::filesystem::path(MUXSIM_SOURCE_DIR) / "scenarios";
  if (std::filesystem::is_directory(shipped))
    message += fmt::format("; the shipped scenarios are in {}, e.g. muxsim run {} --out out",
                           shipped.string(), (shipped / "paper-table1.ini").string());
  return message;
}

// False after --help.
bool parse_run_args(const std::vector<std::string>& args, RunArgs& a) {
  po::options_description options("Options");
  std::string shard;
  options.add_options()("scenario", po::value(&a.scenarios), "scenario INI files (positional)")(
      "out,o", po::value(&a.out), "output folder; receives results.csv (required)")(
      "trace", po::value(&a.trace), "decision trace CSV replacing each scenario's trace key")(
      "set", po::value(&a.settings),
      "section.key=value: set a scenario key over every scenario's own, repeatable (e.g. "
      "--set policy.policies=hybrid,external); a relative path is the scenario's")(
      "jobs,j", po::value(&a.sweep.jobs)->default_value(1),
      "simulated runs at once, one process each")(
      "run-timeout", po::value(&a.sweep.run_timeout_s)->default_value(3600),
      "seconds before a run is killed and marked failed")(
      "requests", po::value(&a.sweep.request_log),
      "also write every request of every run (stage times, energy, placement) to this .csv.gz")(
      "timeseries", po::value(&a.sweep.timeseries),
      "also write each simulated minute of every simulated run (requests, mean and p95 latency, "
      "p95 per tier, misses) to this .csv.gz")(
      "shard", po::value(&shard),
      "k/n: run only runs r with r mod n = k - 1 (merge with muxsim merge)")(
      "resume", "skip the runs DIR already holds as done (from results.csv or an interrupted run)")(
      "max-runs", po::value(&a.max_runs)->default_value(kDefaultMaxRuns),
      "refuse a scenario that plans more runs than this (docs/limits.md)")(
      "max-requests", po::value(&a.max_requests),
      "refuse a run of more requests than this; default 50,000,000 with --requests or "
      "--exact-percentiles (which keep about 130 or 8 bytes a request), else 1,000,000,000 (a "
      "run's memory then does not grow with its requests)")(
      "exact-percentiles",
      "compute every run's p50, p95 and p99 exactly, keeping every latency (8 bytes a request)")(
      "sketch-percentiles",
      "compute them by the streaming sketch (within 0.05 %) even for runs of at most 2^20 "
      "requests, which are otherwise exact")("quiet,q", "no progress lines on stderr")(
      "log", po::value(&a.sweep.log),
      "SimGrid log setting for simulated runs, repeatable: muxsim.thresh:verbose traces every "
      "actor; muxsim_phone, muxsim_server, muxsim_transfer, muxsim_channel or muxsim_simulate "
      "one kind (docs/commands.md)")(
      "keys", "list every scenario key, by section, with what it means, and exit")(
      "policies", "list every policy [policy] policies may name, one a line, and exit");
  po::positional_options_description positional;
  positional.add("scenario", -1);
  po::variables_map vm;
  if (!parse_options(args, kUsage, options, positional, vm)) return false;
  a.keys = vm.count("keys") > 0;
  a.policies = vm.count("policies") > 0;
  a.resume = vm.count("resume") > 0;
  a.sweep.progress = !vm.count("quiet");
  if (vm.count("exact-percentiles") && vm.count("sketch-percentiles"))
    throw InputError("command line: --exact-percentiles and --sketch-percentiles exclude each "
                     "other");
  if (vm.count("exact-percentiles")) a.sweep.percentiles = Percentiles::Exact;
  if (vm.count("sketch-percentiles")) a.sweep.percentiles = Percentiles::Sketch;
  const bool keeps_requests = vm.count("requests") || a.sweep.percentiles == Percentiles::Exact;
  if (!vm.count("max-requests"))
    a.max_requests = keeps_requests ? kDefaultMaxRequests : kMostRequests;
  if (a.keys || a.policies) return true;
  if (a.scenarios.empty()) throw InputError(no_scenario_message());
  require_option(a.out, "out");
  if (a.sweep.jobs < 1) throw InputError("command line: --jobs must be at least 1");
  if (!(a.sweep.run_timeout_s > 0) || !std::isfinite(a.sweep.run_timeout_s))
    throw InputError("command line: --run-timeout must be a positive number of seconds");
  if (a.max_runs < 1 || a.max_requests < 1)
    throw InputError("command line: --max-runs and --max-requests must be at least 1");
  if (!shard.empty()) parse_shard(shard, a.sweep);
  for (const auto& o : part_outputs(a))
    check_part_output(a, o);
  for (const auto& setting : a.sweep.log)
    check_log_setting(setting);
  return true;
}

void print_keys() {
  for (const KeySpec& spec : scenario_key_specs()) {
    const std::string fallback = default_text(spec);
    fmt::print("{:<38} {} [{}]{}\n", spec.key, spec.doc, scenario_key_domain(spec.key),
               fallback.empty() ? "" : " (default " + fallback + ")");
  }
}

// Lines of runs already done, by run number, kept verbatim: from results.csv and an
// interrupted run's results.partial.csv.
std::map<long, std::string> done_lines(const RunArgs& a, const std::string& header) {
  std::map<long, std::string> done;
  if (!a.resume) return done;
  for (const char* name : {"results.csv", "results.partial.csv"})
    for (const auto& [run, line] :
         read_done_lines((std::filesystem::path(a.out) / name).string(), header))
      done.emplace(run, line);
  return done;
}

// Runs the sweep, appending rows to results.partial.csv as runs finish so an interrupted
// sweep can --resume. Bad input found mid-sweep leaves nothing behind; an interrupted
// sweep leaves the partial file, but no request log, which cannot resume.
std::vector<ResultRow> run_with_partial(RunArgs& a, const std::vector<const Prepared*>& views,
                                        const std::map<long, std::string>& done,
                                        const std::string& header, const ResultColumns& columns) {
  const auto partial_path = std::filesystem::path(a.out) / "results.partial.csv";
  std::ofstream partial(partial_path, std::ios::trunc);
  if (!partial) throw InputError(partial_path.string() + ": cannot write");
  partial << header;
  for (const auto& [run, line] : done)
    partial << line;
  partial << std::flush;
  a.sweep.on_row_done = [&](const ResultRow& row) {
    partial << result_line(row, columns) << std::flush;
  };
  a.sweep.learning_dir = (std::filesystem::path(a.out) / "learning").string();
  std::vector<long> planned;
  for (const auto& row : run::plan_sweep(views))
    planned.push_back(row.run);
  try {
    return run::run_sweep(views, a.sweep);
  } catch (const Interrupted&) {
    for (const auto& o : part_outputs(a))
      remove_gzip_parts(o.path, planned);
    throw;
  } catch (const InputError&) {
    for (const auto& o : part_outputs(a))
      remove_gzip_parts(o.path, planned);
    partial.close();
    std::filesystem::remove(partial_path);
    throw;
  }
}

// A scenario's sub-scenarios, one per combination of its key sweeps (core/config/key_sweep.hpp),
// each read with its values set; or the scenario alone when it sweeps no such key.
std::vector<std::unique_ptr<Prepared>> prepare_sweep(const std::string& path, const RunArgs& a) {
  // Read once for the budget before any trace is loaded.
  const Scenario top = read_scenario(path, a.settings, IdleKeys::Defer);
  check_run_budget(top, a.max_runs);
  std::vector<std::unique_ptr<Prepared>> out;
  std::vector<const Scenario*> sweep;
  // Without key sweeps there is one combination, of no settings: the scenario itself.
  for (const auto& combo : key_sweep_settings(top.key_sweeps)) {
    std::vector<std::string> settings = a.settings;
    settings.insert(settings.end(), combo.begin(), combo.end());
    out.push_back(prepare(path, a.trace, settings, IdleKeys::Defer));
    for (std::size_t k = 0; k < top.key_sweeps.size(); ++k) {
      const std::string& key = top.key_sweeps[k].key;
      out.back()->scenario.swept_values.emplace_back(key, combo[k].substr(key.size() + 1));
    }
    sweep.push_back(&out.back()->scenario);
  }
  refuse_keys_idle_everywhere(sweep);
  for (const auto& p : out)
    check_request_budget(*p, a.max_requests);
  return out;
}

} // namespace

int run_command(const std::vector<std::string>& args) {
  RunArgs a;
  if (!parse_run_args(args, a)) return 0;
  if (a.keys) {
    print_keys();
    return 0;
  }
  // The registry's rows, so a script can run every policy (tests/integration/determinism.sh).
  if (a.policies) {
    for (const auto& name : policy_names())
      fmt::print("{}\n", name);
    return 0;
  }
  std::vector<std::unique_ptr<Prepared>> prepared;
  std::vector<const Prepared*> views;
  for (const auto& path : a.scenarios)
    for (auto& p : prepare_sweep(path, a))
      prepared.push_back(std::move(p));
  for (const auto& p : prepared)
    views.push_back(p.get());
  const ResultColumns columns = result_columns(run::plan_sweep(views));
  a.sweep.log_positions = columns.mobility;
  const std::string header = results_header(columns);
  std::map<long, std::string> done = done_lines(a, header);
  for (const auto& [run, line] : done)
    a.sweep.skip.insert(run);
  std::filesystem::create_directories(a.out);
  const std::vector<ResultRow> rows = run_with_partial(a, views, done, header, columns);
  std::vector<long> runs;
  for (const auto& row : rows)
    runs.push_back(row.run);
  for (const auto& o : part_outputs(a))
    join_gzip_parts(o.path, o.header, runs);
  long failed = 0;
  for (const auto& row : rows) {
    done[row.run] = result_line(row, columns);
    failed += row.status != RunStatus::Ok;
  }
  std::string csv = header;
  for (const auto& [run, line] : done)
    csv += line;
  const auto final_path = std::filesystem::path(a.out) / "results.csv";
  write_atomically(final_path.string(), csv);
  std::filesystem::remove(std::filesystem::path(a.out) / "results.partial.csv");
  fmt::print(stderr, "wrote {} ({} rows{}{})\n", final_path.string(), done.size(),
             failed ? fmt::format(", {} failed", failed) : "",
             rows.size() < done.size() ? fmt::format(", {} resumed", done.size() - rows.size())
                                       : "");
  return failed ? 3 : 0;
}

} // namespace muxsim::cli
