#include "run/progress.hpp"
#include "core/config/read_scenario.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

namespace muxsim::run {

namespace {

// The rate is measured over this window, so it follows the sweep's current runs.
constexpr double kRateWindowS = 10;
constexpr double kPlainEveryS = 30, kTtyEveryS = 1;

std::string run_label(const ResultRow& row) {
  return fmt::format(
      "{} {} {} bw={:.4g} cells={} phones={}{} seed={}{}", row.scenario, mode_name(row.mode),
      row.policy, row.point.bandwidth_mbps, row.point.cells, row.point.phones,
      row.point.arrival_rate_hz > 0 ? fmt::format(" rate={:.4g}/s", row.point.arrival_rate_hz) : "",
      row.point.seed, row.status == RunStatus::Ok ? "" : " FAILED: " + row.error);
}

// "950", "12.3k", "1.25M".
std::string format_rate(double per_s) {
  if (per_s >= 1e6) return fmt::format("{:.3g}M", per_s / 1e6);
  if (per_s >= 1e3) return fmt::format("{:.3g}k", per_s / 1e3);
  return fmt::format("{:.0f}", per_s);
}

// A terminal line longer than the terminal wraps, and then "\r" no longer overwrites it.
std::string fit_terminal(const std::string& line) {
  winsize w{};
  if (::ioctl(2, TIOCGWINSZ, &w) != 0 || w.ws_col < 20) return line;
  return line.size() < w.ws_col ? line : line.substr(0, w.ws_col - 1);
}

} // namespace

std::string format_duration(double seconds) {
  const auto s = static_cast<long>(std::llround(std::max(0.0, seconds)));
  if (s >= 3600) return fmt::format("{}h{:02d}m", s / 3600, (s % 3600) / 60);
  if (s >= 60) return fmt::format("{}m{:02d}s", s / 60, s % 60);
  return fmt::format("{}s", s);
}

Progress::Progress(std::size_t total_runs, double total_requests, bool on)
    : total_runs_(total_runs), total_requests_(total_requests), on_(on), tty_(::isatty(2)),
      start_(Clock::now()), last_print_(start_) {
  recent_.emplace_back(start_, 0);
}

// Notes the requests served by now, keeping the last kRateWindowS seconds of notes.
void Progress::record(double live_requests) {
  const auto now = Clock::now();
  live_ = live_requests;
  recent_.emplace_back(now, requests_ + live_);
  while (recent_.size() > 2 &&
         std::chrono::duration<double>(now - recent_[1].first).count() > kRateWindowS)
    recent_.pop_front();
}

std::string Progress::status(Clock::time_point now) {
  const double window = std::chrono::duration<double>(now - recent_.front().first).count();
  const double served = requests_ + live_;
  const double rate = window > 0 ? (served - recent_.front().second) / window : 0;
  const double elapsed = std::chrono::duration<double>(now - start_).count();
  // The time left at the sweep's mean pace so far, by requests: runs differ in length.
  const std::string left =
      served > 0 && runs_ < total_runs_
          ? ", " + format_duration(elapsed * (total_requests_ - served) / served) + " left"
          : "";
  return fmt::format("[{}/{}] {} requests/s, {} elapsed{}", runs_, total_runs_, format_rate(rate),
                     format_duration(elapsed), left);
}

void Progress::print(const std::string& last_run, bool force_plain) {
  const auto now = Clock::now();
  const std::string line = status(now) + (last_run.empty() ? "" : " | " + last_run);
  last_print_ = now;
  if (tty_)
    fmt::print(stderr, "\r\033[K{}{}", fit_terminal(line), runs_ == total_runs_ ? "\n" : "");
  else if (force_plain)
    fmt::print(stderr, "{}\n", line);
}

void Progress::done(const ResultRow& row, double live_requests) {
  ++runs_;
  requests_ += static_cast<double>(row.summary.requests);
  record(live_requests);
  if (!on_) return;
  last_run_ = run_label(row);
  const bool tenth = runs_ % std::max<std::size_t>(1, total_runs_ / 10) == 0;
  print(last_run_, row.status != RunStatus::Ok || runs_ == total_runs_ || tenth);
}

void Progress::tick(double live_requests) {
  record(live_requests);
  if (!on_ || runs_ == total_runs_) return;
  const double since = std::chrono::duration<double>(Clock::now() - last_print_).count();
  if (since >= (tty_ ? kTtyEveryS : kPlainEveryS)) print(last_run_, true);
}

} // namespace muxsim::run
