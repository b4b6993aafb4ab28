#include "cli/options.hpp"

#include "core/base/input_error.hpp"

#include <iostream>

namespace muxsim::cli {

bool parse_options(const std::vector<std::string>& args, const std::string& usage,
                   po::options_description& options,
                   const po::positional_options_description& positional, po::variables_map& vm) {
  options.add_options()("help,h", "print this help");
  try {
    po::store(po::command_line_parser(args).options(options).positional(positional).run(), vm);
    if (vm.count("help")) {
      std::cout << usage << "\n" << options << "\n";
      return false;
    }
    po::notify(vm);
  } catch (const po::error& e) {
    throw InputError(std::string("command line: ") + e.what() + " (see --help)");
  }
  return true;
}

void require_option(const std::string& value, const std::string& option) {
  if (value.empty())
    throw InputError("command line: the option '--" + option +
                     "' is required but missing (see --help)");
}

void check_preprocessing(int resize, int crop) {
  if (crop < 1 || crop > 4096)
    throw InputError("command line: --crop " + std::to_string(crop) +
                     " is not a side in pixels from 1 to 4096");
  if (resize < 0 || resize > 4096)
    throw InputError("command line: --resize " + std::to_string(resize) +
                     " is not 0 (keep the size) or a side in pixels up to 4096");
  if (resize > 0 && crop > resize)
    throw InputError("command line: --crop " + std::to_string(crop) + " is larger than --resize " +
                     std::to_string(resize) + ", the shorter side it is cut from");
}

} // namespace muxsim::cli
