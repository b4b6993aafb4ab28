// An external policy's answer to decide (src/run/policy_protocol.cpp): any line either
// becomes a plan the deployment can run or a PolicyFailure, never a crash.
#include "core/assemble/prepared.hpp"
#include "run/policy_process.hpp"
#include "run/policy_protocol.hpp"

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // campus: a phone, an edge and one cloud model; its trace is reconstructed, no files.
  static const auto prepared = muxsim::prepare(MUXSIM_SOURCE "/scenarios/campus.ini");
  const std::string line(reinterpret_cast<const char*>(data), size);
  try {
    const muxsim::Plan plan = muxsim::run::parse_answer(line, *prepared, 7);
    if (!plan.local && !plan.offloaded()) __builtin_trap(); // nothing would run
  } catch (const muxsim::run::PolicyFailure&) {
  }
  return 0;
}
