#pragma once
// The entry point both binaries share: find the subcommand, run it, and turn bad input into
// one message and exit status 2.
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace muxsim::cli {

using Command = std::function<int(const std::vector<std::string>&)>;

int dispatch(int argc, char** argv, const std::string& program,
             const std::map<std::string, Command>& commands, const std::string& usage);

} // namespace muxsim::cli
