#pragma once
// Shared Boost.Program_options plumbing for the subcommands: parse, print --help, and turn
// option errors into InputError so they exit with status 2 like any bad input.
#include <boost/program_options.hpp>

#include <string>
#include <vector>

namespace muxsim::cli {

namespace po = boost::program_options;

// Returns false when --help was asked for (and printed).
bool parse_options(const std::vector<std::string>& args, const std::string& usage,
                   po::options_description& options,
                   const po::positional_options_description& positional, po::variables_map& vm);

// Options that --help and --keys may go without, so Boost cannot mark them required: throws
// the message Boost would give when `value` is empty.
void require_option(const std::string& value, const std::string& option);

// --resize and --crop of the ImageNet preprocessing: crop at least 1 and at most 4096 pixels,
// resize 0 (keep the size) or at least the crop, which is taken from the resized image.
void check_preprocessing(int resize, int crop);

} // namespace muxsim::cli
