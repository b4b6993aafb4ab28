#pragma once
// Helpers shared by the unit tests.
#include "core/base/input_error.hpp"

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>
#include <unistd.h>

namespace muxsim::test {

// This process's folder for test files, removed when the process exits (not by a forked
// child, which shares it). Files in it refer to each other by plain name.
inline const std::string& temp_dir() {
  struct Folder {
    Folder()
        : owner(::getpid()),
          path((std::filesystem::temp_directory_path() / ("muxsim-test-" + std::to_string(owner)))
                   .string()) {
      std::filesystem::create_directories(path);
    }
    ~Folder() {
      std::error_code ignored;
      if (::getpid() == owner) std::filesystem::remove_all(path, ignored);
    }
    pid_t owner;
    std::string path;
  };
  static const Folder folder;
  return folder.path;
}

// Writes `text` to `name` in temp_dir() and returns its path.
inline std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = temp_dir() + "/" + name;
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
