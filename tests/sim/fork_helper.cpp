#include "fork_helper.hpp"

#include <cstdio>
#include <sstream>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

namespace muxsim::test {

std::vector<double> in_child(const std::function<std::vector<double>()>& body) {
  int fds[2];
  if (::pipe(fds) != 0) throw std::runtime_error("pipe");
  std::fflush(stdout);
  std::fflush(stderr);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    std::ostringstream out;
    int status = 0;
    try {
      out.precision(17);
      for (double v : body())
        out << v << "\n";
    } catch (const std::exception& e) {
      out.str(std::string("error ") + e.what());
      status = 1;
    }
    const std::string text = out.str();
    if (::write(fds[1], text.data(), text.size()) < 0) status = 1;
    ::_exit(status);
  }
  ::close(fds[1]);
  std::string text;
  char buffer[4096];
  for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
    text.append(buffer, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
    throw std::runtime_error("child failed: " + text);
  std::vector<double> values;
  std::istringstream in(text);
  for (double v; in >> v;)
    values.push_back(v);
  return values;
}

std::string source_path(const std::string& relative) {
  return std::string(MUXSIM_SOURCE_DIR) + "/" + relative;
}

} // namespace muxsim::test
