// muxsim: one binary, one subcommand per step of the pipeline (README "Pipeline").
#include "cli/commands.hpp"
#include "core/csv.hpp"
#include "core/input_error.hpp"

#include <cstring>
#include <fmt/format.h>
#include <functional>
#include <map>

namespace {

const char* kUsage =
    "muxsim " MUXSIM_VERSION " - a discrete-event simulator of DNN inference offloading\n\n"
    "usage: muxsim COMMAND [options]     (muxsim COMMAND --help for its options)\n\n"
    "commands:\n"
    "  run          run scenarios (closed form and SimGrid) and write results.csv\n"
    "  reconstruct  write the decision trace a scenario runs on\n"
    "  platform     print the SimGrid platform XML of a scenario's run\n"
    "  predict      classify an image folder with a TorchScript model\n"
    "  trace        join predictions, train the multiplexer out-of-fold, write a trace\n"
    "  profile      time models on this CPU and write a measured device profile\n"
    "  zoo train    train the Fashion-MNIST zoo with the contrastive loss (Algorithm 1)\n"
    "  mux train    train the distilled multiplexer on the zoo; write the test trace\n\n"
    "Exit status: 0 success, 2 bad input, 3 some runs of a sweep failed.\n";

} // namespace

int main(int argc, char** argv) {
  const std::map<std::string, std::function<int(const std::vector<std::string>&)>> commands = {
      {"run", muxsim::cli::run_command},
      {"reconstruct", muxsim::cli::reconstruct_command},
      {"platform", muxsim::cli::platform_command},
      {"predict", muxsim::cli::predict_command},
      {"trace", muxsim::cli::trace_command},
      {"profile", muxsim::cli::profile_command},
      {"zoo", muxsim::cli::zoo_command},
      {"mux", muxsim::cli::mux_command},
  };
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    fmt::print("{}", kUsage);
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    fmt::print("muxsim {}\n", MUXSIM_VERSION);
    return 0;
  }
  const auto command = commands.find(argv[1]);
  if (command == commands.end()) {
    std::vector<std::string> known;
    for (const auto& c : commands)
      known.push_back(c.first);
    fmt::print(stderr, "muxsim: unknown command '{}'; known: {}\n", argv[1], muxsim::join(known));
    return 2;
  }
  try {
    return command->second(std::vector<std::string>(argv + 2, argv + argc));
  } catch (const muxsim::InputError& e) {
    fmt::print(stderr, "muxsim: error: {}\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "muxsim: internal error: {}\n", e.what());
    return 1;
  }
}
