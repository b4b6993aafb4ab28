#pragma once
// Shared by the libFuzzer targets: muxsim's parsers read paths, so each input is written to
// a file of this process first. InputError is the parser's expected refusal of bad input;
// any other exception, a crash, a leak or undefined behaviour is a finding.
#include "core/base/input_error.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>

namespace muxsim::fuzz {

inline const std::string& input_path(const char* suffix) {
  static const std::string path = [suffix] {
    std::string p = "/tmp/muxsim-fuzz-" + std::to_string(::getpid()) + suffix;
    static std::string to_remove;
    to_remove = p;
    std::atexit([] { std::remove(to_remove.c_str()); });
    return p;
  }();
  return path;
}

template <class Parse>
int parse_bytes(const std::uint8_t* data, std::size_t size, const char* suffix, Parse parse) {
  const std::string& path = input_path(suffix);
  std::ofstream(path, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  try {
    parse(path);
  } catch (const InputError&) {
  }
  return 0;
}

} // namespace muxsim::fuzz
