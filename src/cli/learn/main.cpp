// muxsim-learn: the LibTorch subcommands of muxsim (predict, trace, profile, zoo, mux).
// `muxsim COMMAND` runs it for these; it can also be called directly.
#include "cli/commands.hpp"
#include "cli/dispatch.hpp"

#include <cstdlib>
#include <unistd.h>

namespace {

const char* kUsage =
    "muxsim-learn " MUXSIM_VERSION
    " - muxsim's LibTorch commands (also reached as muxsim COMMAND)\n\n"
    "usage: muxsim-learn COMMAND [options]\n\n"
    "commands: predict, trace, profile, zoo train, zoo eval, zoo early, zoo dimec, mux train\n";

} // namespace

int main(int argc, char** argv) {
  // OpenMP threads that spin while waiting make LibTorch several times slower when other
  // processes hold the cores (docs/speed.md). The OpenMP runtime reads
  // its wait policy when it loads, before main, so set it and start again.
  if (!std::getenv("OMP_WAIT_POLICY")) {
    ::setenv("OMP_WAIT_POLICY", "PASSIVE", 1);
    ::execv("/proc/self/exe", argv);
  }
  return muxsim::cli::dispatch(argc, argv, "muxsim",
                               {
                                   {"predict", muxsim::cli::predict_command},
                                   {"trace", muxsim::cli::trace_command},
                                   {"profile", muxsim::cli::profile_command},
                                   {"zoo", muxsim::cli::zoo_command},
                                   {"mux", muxsim::cli::mux_command},
                               },
                               kUsage);
}
