// muxsim: one command line, one subcommand per step of the pipeline (docs/commands.md).
// The simulating commands live here; the LibTorch ones (predict, trace, profile, zoo, mux)
// live in muxsim-learn beside this binary, which muxsim hands them to, so that `run` and
// `--help` never load LibTorch (docs/speed.md).
#include "cli/commands.hpp"
#include "cli/dispatch.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fmt/format.h>
#include <unistd.h>

namespace {

const char* kUsage =
    "muxsim " MUXSIM_VERSION " - a discrete-event simulator of DNN inference offloading\n\n"
    "usage: muxsim COMMAND [options]     (muxsim COMMAND --help for its options)\n\n"
    "commands:\n"
    "  run          run scenarios (closed form and SimGrid) and write results.csv\n"
    "  reconstruct  write the decision trace a scenario runs on\n"
    "  platform     print a scenario's run's SimGrid platform, as XML\n"
    "  merge        join the results of a sweep's shards (run --shard k/n)\n"
    "  report       print results.csv as tables (Markdown, best in bold; or --summary)\n"
    "  airtime      802.11g/n/ac/ax goodput of stations at given PHY rates, alone and in a cell\n"
    "  lte          LTE uplink goodput of phones at given distances from an eNodeB\n"
    "  walks        where a scenario's phones walk, their access point and rate, as CSV\n"
    "  predict      classify an image folder with a TorchScript model\n"
    "  trace        join predictions, train the multiplexers out-of-fold, write a trace\n"
    "  profile      time models on this CPU and write a measured device profile\n"
    "  zoo train    train the Fashion-MNIST zoo with the contrastive loss (Algorithm 1)\n"
    "  zoo eval     check a Fashion-MNIST trace against the zoo's weights\n"
    "  zoo early    early multiplexers on the phone's zoo member, beside the distilled one\n"
    "  zoo dimec    DIMEC-DC: cartography regions, a region classifier, tier thresholds\n"
    "  mux train    train the distilled multiplexer on the zoo; write the test trace\n\n"
    "Exit status: 0 success, 2 bad input, 3 some runs of a sweep failed.\n";

// Replaces this process with muxsim-learn from this binary's folder, same arguments.
int hand_to_learn(char** argv) {
  std::error_code error;
  const auto self = std::filesystem::read_symlink("/proc/self/exe", error);
  const std::string learn = (self.parent_path() / "muxsim-learn").string();
  argv[0] = const_cast<char*>(learn.c_str());
  ::execv(learn.c_str(), argv);
  if (errno == ENOENT)
    fmt::print(stderr,
               "muxsim: {} needs muxsim-learn (the LibTorch commands), which is not built "
               "beside this binary: cmake --build {} --target muxsim-learn (./test.sh builds "
               "everything)\n",
               argv[1], self.parent_path().string());
  else
    fmt::print(stderr, "muxsim: cannot run {}: {}\n", learn, std::strerror(errno));
  return 1;
}

} // namespace

int main(int argc, char** argv) {
  using muxsim::cli::Command;
  std::map<std::string, Command> commands = {
      {"run", muxsim::cli::run_command},
      {"reconstruct", muxsim::cli::reconstruct_command},
      {"platform", muxsim::cli::platform_command},
      {"merge", muxsim::cli::merge_command},
      {"report", muxsim::cli::report_command},
      {"airtime", muxsim::cli::airtime_command},
      {"lte", muxsim::cli::lte_command},
      {"walks", muxsim::cli::walks_command},
  };
  for (const char* learn : {"predict", "trace", "profile", "zoo", "mux"})
    commands[learn] = [argv](const std::vector<std::string>&) { return hand_to_learn(argv); };
  return muxsim::cli::dispatch(argc, argv, "muxsim", commands, kUsage);
}
