#include "cli/dispatch.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"

#include <cstring>
#include <filesystem>
#include <fmt/format.h>

namespace muxsim::cli {

int dispatch(int argc, char** argv, const std::string& program,
             const std::map<std::string, Command>& commands, const std::string& usage) {
  if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    fmt::print("{}", usage);
    return argc < 2 ? 2 : 0;
  }
  if (!std::strcmp(argv[1], "--version")) {
    fmt::print("{} {}\n", program, MUXSIM_VERSION);
    return 0;
  }
  const auto command = commands.find(argv[1]);
  if (command == commands.end()) {
    std::vector<std::string> known;
    for (const auto& c : commands)
      known.push_back(c.first);
    fmt::print(stderr, "{}: unknown command '{}'; known: {}\n", program, argv[1], join(known));
    return 2;
  }
  try {
    return command->second(std::vector<std::string>(argv + 2, argv + argc));
  } catch (const InputError& e) {
    fmt::print(stderr, "muxsim: error: {}\n", e.what());
    return 2;
  } catch (const Interrupted& e) {
    fmt::print(stderr,
               "muxsim: stopped: {}; the runs finished are in results.partial.csv "
               "(--resume continues)\n",
               e.what());
    return 128 + e.signal;
  } catch (const std::filesystem::filesystem_error& e) {
    // Paths come from the user (--out and the like): a folder that cannot be made, a file
    // where a folder should be. Name the path and the reason.
    fmt::print(stderr, "muxsim: error: {}: {}\n", e.path1().string(), e.code().message());
    return 2;
  } catch (const std::exception& e) {
    fmt::print(stderr, "muxsim: internal error: {}\n", e.what());
    return 1;
  }
}

} // namespace muxsim::cli
