#pragma once
// Helpers shared by the unit tests.
#include "core/input_error.hpp"

#include <fstream>
#include <functional>
#include <string>
#include <unistd.h>

namespace muxsim::test {

// Writes `text` to a per-process file under /tmp and returns its path.
inline std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = "/tmp/muxsim-test-" + std::to_string(::getpid()) + "-" + name;
  std::ofstream(path) << text;
  return path;
}

// The InputError message `f` throws, or "" when it throws none.
inline std::string error_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

} // namespace muxsim::test
