#pragma once
// A sweep's progress on stderr: runs done of total, simulated requests per second over the
// last few seconds, elapsed time and the time left. On a terminal, one line updated in place
// (at least every second); otherwise plain lines every tenth of the sweep, at least every
// 30 seconds, and for every failed run.
#include "core/output/results.hpp"

#include <chrono>
#include <deque>
#include <string>
#include <utility>

namespace muxsim::run {

class Progress {
public:
  // `total_requests`: the requests of every run of the sweep, for the time left.
  Progress(std::size_t total_runs, double total_requests, bool on);
  // A run has finished (or failed). `live_requests`: what the runs still going have served.
  void done(const ResultRow& row, double live_requests = 0);
  // Called while the sweep waits, so the line keeps time and counts the running runs'
  // requests as they are served.
  void tick(double live_requests);

private:
  using Clock = std::chrono::steady_clock;
  void record(double live_requests);
  std::string status(Clock::time_point now);
  void print(const std::string& last_run, bool force_plain);

  std::size_t total_runs_, runs_ = 0;
  double total_requests_, requests_ = 0; // of the runs done
  double live_ = 0;                      // served so far by the runs going
  bool on_, tty_;
  Clock::time_point start_, last_print_;
  std::deque<std::pair<Clock::time_point, double>> recent_; // (when, requests done by then)
  std::string last_run_;
};

// "1h02m", "3m05s", "42s".
std::string format_duration(double seconds);

} // namespace muxsim::run
