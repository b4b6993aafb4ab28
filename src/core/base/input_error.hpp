#pragma once
// Bad input is reported once, with the file, line and field it came from, and the CLI
// turns it into exit status 2 (docs/invariants.md #5).
#include <stdexcept>
#include <string>

namespace muxsim {

class InputError : public std::runtime_error {
public:
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
};

// SIGINT or SIGTERM stopped a sweep: the CLI exits 128 + signal (130, 143), having written
// no results.csv.
class Interrupted : public std::runtime_error {
public:
  explicit Interrupted(int signal)
      : std::runtime_error("interrupted by signal " + std::to_string(signal)), signal(signal) {}
  int signal;
};

// "FILE:LINE: field 'F': WHAT" — line 0 means the file as a whole.
std::string where(const std::string& file, int line, const std::string& field);

} // namespace muxsim
