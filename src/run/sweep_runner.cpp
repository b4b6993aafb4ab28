#include "run/sweep_runner.hpp"
#include "core/config/read_scenario.hpp"

#include "core/base/input_error.hpp"
#include "core/config/key_sweep.hpp"
#include "core/output/load.hpp"
#include "core/output/request_log.hpp"
#include "core/output/results.hpp"
#include "core/output/timeseries.hpp"
#include "core/policy/registry.hpp"
#include "run/evaluate.hpp"
#include "run/external_policy.hpp"
#include "run/live_counts.hpp"
#include "run/progress.hpp"
#include "sim/simulate.hpp"

#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <poll.h>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace muxsim::run {

namespace {

// The signal that asked the sweep to stop, or 0. Set by the handler, read by the loop.
volatile std::sig_atomic_t stop_signal = 0;

void on_stop_signal(int signal) {
  stop_signal = signal;
}

struct Job {
  const Prepared* prepared;
  RunPoint point;
  Mode mode;
  std::string policy;
  long run = 0;
};

// What the rates of a run mean and how they move, and the keys it sweeps beyond the
// native sweeps, as results columns.
void describe_network(const Prepared& p, ResultRow& row) {
  const Scenario& s = p.scenario;
  row.wifi_standard = wifi_standard_name(s.network.wifi_standard);
  row.channel = channel_name(s.network.channel.kind);
  // With a trace channel the run's rate is the traces' time-mean (prepare() takes it; a
  // bandwidth_mbps key is refused there).
  if (s.network.channel.kind == ChannelKind::Trace) row.trace_mean_mbps = row.point.bandwidth_mbps;
  for (const auto& [key, value] : s.swept_values)
    if (!has_fixed_result_column(key_sweep_column(key)))
      row.swept.emplace_back(key_sweep_column(key), value);
}

ResultRow row_for(const Job& job) {
  ResultRow row;
  row.run = job.run;
  row.scenario = job.prepared->scenario.name;
  row.point = job.point;
  row.mode = job.mode;
  row.policy = job.policy;
  row.note = policy_note(job.policy);
  row.provenance = job.prepared->trace.provenance;
  row.deadline_ms = job.prepared->scenario.load.deadline_ms;
  row.overload_at = overload_threshold(job.prepared->scenario.load.arrival, job.mode);
  row.models = job.prepared->trace.models;
  row.mobility = job.prepared->mobility.has_value();
  describe_network(*job.prepared, row);
  return row;
}

// A simulated run, summarized as its requests complete. Only when per-request output is
// asked for are they kept, for the log's request order. `served`, if any, counts them.
Summary simulate_and_summarize(const Job& job, const SweepOptions& o, Policy& policy,
                               std::atomic<long>* served) {
  const Prepared& p = *job.prepared;
  SummaryBuilder builder(p.trace.models.size(), p.scenario.load.deadline_ms, o.percentiles);
  MinuteSeries minutes(p.scenario.load.deadline_ms);
  std::vector<CostBreakdown> logged(o.request_log.empty() ? 0 : p.request_count());
  long count = 0;
  const long handovers =
      sim::simulate_each(p, policy, job.point, o.log, [&](long k, const CostBreakdown& c) {
        if (served) served->store(++count, std::memory_order_relaxed);
        builder.add(c);
        if (!o.timeseries.empty()) minutes.add(c);
        if (!logged.empty()) logged[static_cast<std::size_t>(k)] = c;
      });
  if (!logged.empty())
    write_request_log_part(o.request_log, job.run, logged, job.point.total_phones(),
                           o.log_positions);
  if (!o.timeseries.empty()) minutes.write_part(o.timeseries, job.run);
  Summary s = builder.finish();
  if (s.end_s > 0)
    s.handovers_per_phone_hour = static_cast<double>(handovers) /
                                 (static_cast<double>(job.point.total_phones()) * s.end_s / 3600);
  return s;
}

// The run's policy, made by its registry row. One that runs in a process of the user's is
// started through `processes`, and reads the sweep's stop signal while it waits for an answer.
std::unique_ptr<Policy> start_policy(const Job& job) {
  const Prepared& p = *job.prepared;
  PolicyParams params = p.scenario.params;
  params.seed = static_cast<std::uint64_t>(job.point.seed);
  const ExternalProcesses processes(p, job.point, job.mode, job.run,
                                    [] { return static_cast<int>(stop_signal); });
  return make_policy({job.policy, p.deployment, params, &processes});
}

Summary summarize_mode(const Job& job, const SweepOptions& o, Policy& policy,
                       std::atomic<long>* served) {
  const Prepared& p = *job.prepared;
  if (job.mode == Mode::Simulated) return simulate_and_summarize(job, o, policy, served);
  if (o.request_log.empty()) return summarize_closed_form(p, policy, job.point, o.percentiles);
  const auto costs = evaluate_closed_form(p, policy, job.point);
  write_request_log_part(o.request_log, job.run, costs, job.point.total_phones(), o.log_positions);
  return summarize(costs, p.trace.models.size(), p.scenario.load.deadline_ms, o.percentiles);
}

// A run's summary with each shared resource's load beside it (core/output/load.hpp).
Summary cost_run(const Job& job, const SweepOptions& o, Policy& policy, std::atomic<long>* served) {
  Summary s = summarize_mode(job, o, policy, served);
  if (!job.prepared->mobility) {
    fill_offered_load(s, job.prepared->scenario, job.point, job.point.phones,
                      job.point.bandwidth_mbps);
    return s;
  }
  const auto attachments = job.prepared->attachments(job.point);
  const CellCrowd crowd = most_crowded_cell(*attachments);
  fill_offered_load(s, job.prepared->scenario, job.point, crowd.phones, crowd.phy_mbps);
  // A simulated run counts its own; the closed form, which has no clock, an hour of walking.
  if (job.mode == Mode::ClosedForm)
    s.handovers_per_phone_hour = handovers_per_phone_hour(*attachments, 3600);
  return s;
}

// Costs the run. Only when per-request output is asked for are the requests stored;
// otherwise they are summarized as they are costed. The policy is told the run's results row
// (Policy::end): an external one is sent it and must exit before the run counts as done.
Summary run_in_process(const Job& job, const SweepOptions& o, std::atomic<long>* served) {
  const auto policy = start_policy(job);
  const Summary summary = cost_run(job, o, *policy, served);
  // What an adaptive policy learned goes to LEARNING_DIR/run-NNNNN-<file>.
  if (!o.learning_dir.empty())
    for (const auto& [name, csv] : policy->learning_files()) {
      std::filesystem::create_directories(o.learning_dir);
      write_atomically(fmt::format("{}/run-{:05d}-{}", o.learning_dir, job.run, name), csv);
    }
  ResultRow row = row_for(job);
  row.summary = summary;
  const ResultColumns columns = result_columns({row});
  policy->end(results_header(columns), result_line(row, columns));
  return summary;
}

struct Child {
  pid_t pid = -1;
  int fd = -1;
  std::size_t job = 0;
  std::size_t slot = 0; // its LiveCounts slot
  std::string output;
  std::chrono::steady_clock::time_point started;
};

void write_all(int fd, const std::string& text) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) return;
    done += static_cast<std::size_t>(n);
  }
}

// While a sweep runs, SIGINT and SIGTERM stop it between polls instead of killing the parent
// alone and leaving its children running. The previous handlers come back at the end.
class StopSignals {
public:
  StopSignals() {
    stop_signal = 0;
    struct sigaction action {};
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &old_int_);
    ::sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopSignals() {
    ::sigaction(SIGINT, &old_int_, nullptr);
    ::sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

Child start_child(const Job& job, std::size_t index, const SweepOptions& options, LiveCounts& live,
                  std::size_t slot) {
  live.slot(slot).store(0);
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe failed");
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = ::fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    // A child dies of the signals at once, as a plain process would, taking its external
    // policy's processes with it.
    kill_policy_on_stop_signals();
    ::close(fds[0]);
    int status = 0;
    try {
      write_all(fds[1], "ok " + summary_to_text(run_in_process(job, options, &live.slot(slot))));
    } catch (const std::exception& e) {
      write_all(fds[1], std::string("error ") + e.what());
      status = 1;
    }
    ::close(fds[1]);
    ::_exit(status); // skip the parent's atexit handlers and buffers
  }
  ::close(fds[1]);
  return {pid, fds[0], index, slot, "", std::chrono::steady_clock::now()};
}

// Reads what the child has written so far; true once it has closed its end.
bool drain(Child& c) {
  char buffer[4096];
  const ssize_t n = ::read(c.fd, buffer, sizeof buffer);
  if (n > 0) c.output.append(buffer, static_cast<std::size_t>(n));
  return n == 0;
}

// Stops a child: SIGTERM first, so it can kill its external policy's process group, then
// SIGKILL if it has not gone within a second. Returns its wait status.
int stop_child(pid_t pid) {
  ::kill(pid, SIGTERM);
  int status = 0;
  for (int i = 0; i < 100; ++i) {
    if (::waitpid(pid, &status, WNOHANG) == pid) return status;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return status;
}

void finish_child(Child& c, ResultRow& row, bool timed_out, double timeout_s) {
  int status = 0;
  if (timed_out)
    status = stop_child(c.pid);
  else
    ::waitpid(c.pid, &status, 0);
  ::close(c.fd);
  if (!timed_out && WIFEXITED(status) && WEXITSTATUS(status) == 0 &&
      c.output.rfind("ok ", 0) == 0) {
    row.summary = summary_from_text(c.output.substr(3));
    return;
  }
  row.status = RunStatus::Failed;
  if (timed_out)
    row.error = fmt::format("run exceeded its time limit of {} s", timeout_s);
  else if (c.output.rfind("error ", 0) == 0)
    row.error = c.output.substr(6);
  else if (WIFSIGNALED(status))
    row.error =
        fmt::format("run crashed: signal {} ({})", WTERMSIG(status), strsignal(WTERMSIG(status)));
  else
    row.error =
        fmt::format("run exited with status {}", WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

std::vector<Job> all_jobs(const std::vector<const Prepared*>& scenarios) {
  std::vector<Job> jobs;
  for (const Prepared* p : scenarios)
    for (const RunPoint& point : p->run_points())
      for (const auto& mode : p->scenario.modes)
        for (const auto& policy : p->scenario.policies)
          jobs.push_back({p, point, mode, policy, static_cast<long>(jobs.size())});
  return jobs;
}

} // namespace

std::vector<ResultRow> plan_sweep(const std::vector<const Prepared*>& scenarios) {
  std::vector<ResultRow> rows;
  for (const auto& job : all_jobs(scenarios))
    rows.push_back(row_for(job));
  return rows;
}

std::vector<ResultRow> run_sweep(const std::vector<const Prepared*>& scenarios,
                                 const SweepOptions& options) {
  std::vector<Job> jobs;
  for (const auto& job : all_jobs(scenarios))
    if (job.run % options.shard_count == options.shard_index && !options.skip.count(job.run))
      jobs.push_back(job);

  std::vector<ResultRow> rows;
  for (const auto& job : jobs)
    rows.push_back(row_for(job));
  double total_requests = 0;
  for (const auto& job : jobs)
    total_requests += static_cast<double>(job.prepared->request_count());
  Progress progress(jobs.size(), total_requests, options.progress);

  std::vector<Child> running;
  const std::size_t most_running = static_cast<std::size_t>(std::max(1, options.jobs));
  LiveCounts live(most_running);
  // Requests served so far by the running children, and a slot no running child holds.
  const auto live_requests = [&] {
    double sum = 0;
    for (const auto& c : running)
      sum += static_cast<double>(live.slot(c.slot).load(std::memory_order_relaxed));
    return sum;
  };
  const auto free_slot = [&] {
    std::vector<bool> taken(most_running);
    for (const auto& c : running)
      taken[c.slot] = true;
    return static_cast<std::size_t>(std::find(taken.begin(), taken.end(), false) - taken.begin());
  };
  std::size_t next = 0;
  const StopSignals stop_signals;
  while (next < jobs.size() || !running.empty()) {
    if (stop_signal != 0) {
      for (const auto& c : running)
        ::kill(c.pid, SIGTERM);
      for (const auto& c : running) {
        stop_child(c.pid);
        ::close(c.fd);
      }
      throw Interrupted(stop_signal);
    }
    while (next < jobs.size() && jobs[next].mode == Mode::ClosedForm && stop_signal == 0) {
      try {
        rows[next].summary = run_in_process(jobs[next], options, nullptr);
      } catch (const PolicyFailure& e) {
        rows[next].status = RunStatus::Failed;
        rows[next].error = e.what();
      }
      if (options.on_row_done) options.on_row_done(rows[next]);
      progress.done(rows[next++], live_requests());
    }
    if (next < jobs.size() && running.size() < most_running) {
      running.push_back(start_child(jobs[next], next, options, live, free_slot()));
      ++next;
      continue;
    }
    std::vector<pollfd> fds;
    for (const auto& c : running)
      fds.push_back({c.fd, POLLIN, 0});
    ::poll(fds.data(), fds.size(), 200);
    progress.tick(live_requests());
    for (std::size_t i = running.size(); i-- > 0;) {
      Child& c = running[i];
      const bool closed = (fds[i].revents & (POLLIN | POLLHUP)) && drain(c);
      const double age =
          std::chrono::duration<double>(std::chrono::steady_clock::now() - c.started).count();
      const bool timed_out = !closed && options.run_timeout_s > 0 && age > options.run_timeout_s;
      if (!closed && !timed_out) continue;
      finish_child(c, rows[c.job], timed_out, options.run_timeout_s);
      if (options.on_row_done) options.on_row_done(rows[c.job]);
      running.erase(running.begin() + static_cast<long>(i));
      progress.done(rows[c.job], live_requests());
    }
  }
  return rows;
}

} // namespace muxsim::run
