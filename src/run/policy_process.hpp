#pragma once
// The process an external policy runs in (docs/external-policy.md): started once per run
// from a command line, spoken to in lines over one socket that is its stdin and stdout. Every
// wait has a time limit; every failure of the process (it exits, crashes, stops answering or
// stops reading) becomes a PolicyFailure naming what happened. The process leads its own
// process group, killed whole when this object goes, and dies with the muxsim process that
// started it (PR_SET_PDEATHSIG), so a killed run leaves nothing behind.
#include <functional>
#include <stdexcept>
#include <string>
#include <sys/types.h>
#include <vector>

namespace muxsim::run {

// Why a run with an external policy failed; the sweep turns it into a failed row.
class PolicyFailure : public std::runtime_error {
public:
  explicit PolicyFailure(const std::string& what) : std::runtime_error(what) {}
};

// In a sweep's child process: SIGINT and SIGTERM kill the running policy's process group
// before the child dies of them, so a sweep that stops its children leaves nothing behind.
void kill_policy_on_stop_signals();

class PolicyProcess {
public:
  // Runs `command` with /bin/sh -c in `directory`. `stop_signal`, polled while waiting,
  // returns a signal that asked the sweep to stop (it then throws Interrupted), or 0.
  PolicyProcess(const std::string& command, const std::string& directory, double timeout_s,
                std::function<int()> stop_signal);
  ~PolicyProcess();
  PolicyProcess(const PolicyProcess&) = delete;
  PolicyProcess& operator=(const PolicyProcess&) = delete;

  // Sends `text` (whole lines). `waiting_for` names the message in errors.
  void send(const std::string& text, const std::string& waiting_for);
  // The next line the process writes, without its newline.
  std::string receive(const std::string& waiting_for);
  // Closes its stdin and gives it the time limit to exit on its own; then kills the group.
  void finish();
  pid_t group() const { return group_; }

private:
  // Waits until the socket is ready for `events`; throws on the time limit or a stop.
  void wait_for(short events, const std::string& waiting_for);
  // Why the process is gone, once its end of the socket has closed.
  std::string gone(const std::string& waiting_for);
  void kill_group();

  pid_t pid_ = -1;   // until reaped
  int pidfd_ = -1;   // readable once the process has exited
  pid_t group_ = -1; // its process group, which outlives it while anything it started runs
  int fd_ = -1;
  double timeout_s_;
  std::function<int()> stop_signal_;
  std::string buffer_;      // bytes received after the last line returned
  std::size_t scanned_ = 0; // bytes of buffer_ already searched for a newline
  std::vector<char> chunk_; // what one recv() reads
};

} // namespace muxsim::run
