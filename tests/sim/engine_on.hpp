#pragma once
// A SimGrid engine on a platform written inline, for tests that build their own actors. Call
// it inside muxsim::test::in_child: SimGrid allows one engine per process.
#include "test_util.hpp"

#include <simgrid/s4u.hpp>

#include <cstdio>
#include <memory>
#include <string>

namespace muxsim::test {

inline std::unique_ptr<simgrid::s4u::Engine> engine_on(const char* platform_xml) {
  const std::string path = write_temp("platform.xml", platform_xml);
  int argc = 2;
  char a0[] = "test", a1[] = "--log=root.thresh:critical";
  char* argv[] = {a0, a1, nullptr};
  auto engine = std::make_unique<simgrid::s4u::Engine>(&argc, argv);
  engine->load_platform(path);
  std::remove(path.c_str());
  return engine;
}

} // namespace muxsim::test
