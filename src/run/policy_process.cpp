#include "run/policy_process.hpp"

#include "core/base/input_error.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <optional>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace muxsim::run {

namespace {

// A policy that never ends its line would grow the buffer without bound.
constexpr std::size_t kLongestLine = 1 << 20;
// The longest a wait blocks before looking at the stop flag again: a signal that arrives
// just before poll() does not interrupt it.
constexpr int kStopCheckMs = 200;
// Bytes read at once. Not on the stack: simulated phones run on SimGrid's 32 KiB stacks.
constexpr std::size_t kChunk = 65536;

using Clock = std::chrono::steady_clock;

// How long a receive polls the socket without sleeping. A policy answers in tens of
// microseconds; sleeping in poll() and being woken costs as much again (docs/speed.md).
constexpr auto kSpin = std::chrono::microseconds(200);

// The process group of this process's running policy, for the stop-signal handler.
volatile std::sig_atomic_t running_group = 0;

void kill_running_group(int signal) {
  if (running_group > 0) ::kill(-running_group, SIGKILL);
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

// In the forked child: become a process group, die with the parent, take the socket as
// stdin and stdout, and run the command. Only async-signal-safe calls until exec.
[[noreturn]] void exec_policy(int fd, pid_t parent, const char* shell_command,
                              const char* directory) {
  ::setpgid(0, 0);
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(127);
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGTERM, SIG_DFL);
  ::signal(SIGPIPE, SIG_DFL);
  if (::dup2(fd, 0) < 0 || ::dup2(fd, 1) < 0) ::_exit(127);
  ::closefrom(3);
  if (::chdir(directory) != 0) ::_exit(127);
  ::execl("/bin/sh", "sh", "-c", shell_command, static_cast<char*>(nullptr));
  ::_exit(127);
}

} // namespace

void kill_policy_on_stop_signals() {
  ::signal(SIGINT, kill_running_group);
  ::signal(SIGTERM, kill_running_group);
}

PolicyProcess::PolicyProcess(const std::string& command, const std::string& directory,
                             double timeout_s, std::function<int()> stop_signal)
    : timeout_s_(timeout_s), stop_signal_(std::move(stop_signal)) {
  int fds[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0)
    throw PolicyFailure(fmt::format("external policy: socketpair failed: {}", strerror(errno)));
  const std::string shell_command = "exec " + command;
  const std::string dir = directory.empty() ? "." : directory;
  const pid_t parent = ::getpid();
  std::fflush(stdout);
  std::fflush(stderr);
  pid_ = ::fork();
  if (pid_ < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw PolicyFailure(fmt::format("external policy: fork failed: {}", strerror(errno)));
  }
  if (pid_ == 0) exec_policy(fds[1], parent, shell_command.c_str(), dir.c_str());
  ::close(fds[1]);
  fd_ = fds[0];
  ::fcntl(fd_, F_SETFL, ::fcntl(fd_, F_GETFL) | O_NONBLOCK);
  // The parent may set the group first: a kill right after start must reach it.
  ::setpgid(pid_, pid_);
  group_ = pid_;
  running_group = group_;
  // Its exit is watched directly: a process it started may hold the socket open after it.
  pidfd_ = static_cast<int>(::syscall(SYS_pidfd_open, pid_, 0));
}

PolicyProcess::~PolicyProcess() {
  kill_group();
}

void PolicyProcess::kill_group() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (pidfd_ >= 0) ::close(pidfd_);
  pidfd_ = -1;
  if (group_ > 0) ::kill(-group_, SIGKILL);
  running_group = 0;
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

void PolicyProcess::wait_for(short events, const std::string& waiting_for) {
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_s_);
  for (;;) {
    if (const int signal = stop_signal_ ? stop_signal_() : 0) throw Interrupted(signal);
    const double left = std::chrono::duration<double>(deadline - Clock::now()).count();
    if (left <= 0)
      throw PolicyFailure(fmt::format("external policy did not {} within {} s "
                                      "([policy] external_timeout_s)",
                                      waiting_for, timeout_s_));
    pollfd p[2] = {{fd_, events, 0}, {pidfd_, POLLIN, 0}};
    const int ms = std::min(kStopCheckMs, static_cast<int>(left * 1e3) + 1);
    const int n = ::poll(p, pidfd_ >= 0 ? 2 : 1, ms);
    if (n > 0 && p[0].revents) return;
    if (n > 0) throw PolicyFailure(gone(waiting_for));
    if (n < 0 && errno != EINTR)
      throw PolicyFailure(fmt::format("external policy: poll failed: {}", strerror(errno)));
  }
}

std::string PolicyProcess::gone(const std::string& waiting_for) {
  // The socket closes when the process (and anything it started) has gone; it may take a
  // moment more to be reaped.
  int status = 0;
  pid_t reaped = 0;
  for (int i = 0; i < 200 && reaped == 0; ++i) {
    reaped = ::waitpid(pid_, &status, WNOHANG);
    if (reaped == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (reaped != pid_)
    return fmt::format("external policy closed its stdin and stdout before it would {}",
                       waiting_for);
  pid_ = -1;
  if (WIFSIGNALED(status))
    return fmt::format("external policy crashed (signal {}, {}) before it would {}",
                       WTERMSIG(status), strsignal(WTERMSIG(status)), waiting_for);
  return fmt::format("external policy exited with status {} before it would {}",
                     WEXITSTATUS(status), waiting_for);
}

void PolicyProcess::send(const std::string& text, const std::string& waiting_for) {
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::send(fd_, text.data() + done, text.size() - done, MSG_NOSIGNAL);
    if (n > 0) {
      done += static_cast<std::size_t>(n);
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      wait_for(POLLOUT, waiting_for);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    throw PolicyFailure(gone(waiting_for));
  }
}

std::string PolicyProcess::receive(const std::string& waiting_for) {
  std::optional<Clock::time_point> spin_until;
  for (;;) {
    const auto newline = buffer_.find('\n', scanned_);
    if (newline != std::string::npos) {
      std::string line = buffer_.substr(0, newline);
      buffer_.erase(0, newline + 1);
      scanned_ = 0;
      return line;
    }
    scanned_ = buffer_.size();
    if (buffer_.size() > kLongestLine)
      throw PolicyFailure(fmt::format("external policy wrote a line longer than {} bytes "
                                      "when it should {}",
                                      kLongestLine, waiting_for));
    chunk_.resize(kChunk);
    const ssize_t n = ::recv(fd_, chunk_.data(), chunk_.size(), 0);
    if (n > 0) {
      buffer_.append(chunk_.data(), static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      if (spin_until && Clock::now() < *spin_until) continue;
      if (!spin_until) {
        spin_until = Clock::now() + kSpin;
        continue;
      }
      wait_for(POLLIN, waiting_for);
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    throw PolicyFailure(gone(waiting_for));
  }
}

void PolicyProcess::finish() {
  if (fd_ < 0 || pid_ <= 0) return;
  ::shutdown(fd_, SHUT_WR);
  const auto deadline = Clock::now() + std::chrono::duration<double>(timeout_s_);
  while (Clock::now() < deadline) {
    if (::waitpid(pid_, nullptr, WNOHANG) == pid_) {
      pid_ = -1;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  kill_group();
}

} // namespace muxsim::run
