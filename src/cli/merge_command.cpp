#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "cli/results_file.hpp"
#include "core/formats/input_error.hpp"
#include "core/output/results.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <map>

namespace muxsim::cli {

int merge_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::vector<std::string> inputs;
  std::string out;
  options.add_options()("input", po::value(&inputs), "shard output folders (positional)")(
      "out,o", po::value(&out), "output folder; receives results.csv (required)");
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim merge SHARD_DIR [SHARD_DIR ...] --out DIR\n\n"
      "Joins the results.csv of the shards of one sweep (muxsim run --shard k/n) into one\n"
      "DIR/results.csv, in run order: byte-identical to running the sweep unsharded. Every\n"
      "run from 0 to the last must be present exactly once.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  if (inputs.empty()) throw InputError("command line: no shard folder given (see --help)");
  require_option(out, "out");
  std::string header;
  std::map<long, std::string> lines;
  for (const auto& dir : inputs) {
    const std::string path = (std::filesystem::path(dir) / "results.csv").string();
    for (const auto& [run, line] : read_result_lines(path, header, true))
      if (!lines.emplace(run, line).second)
        throw InputError(path + ": field 'run': run " + std::to_string(run) +
                         " is in more than one shard");
  }
  long expected = 0;
  for (const auto& [run, line] : lines)
    if (run != expected++)
      throw InputError(
          fmt::format("{}: field 'run': run {} is in no shard", inputs.front(), expected - 1));
  std::string csv = header;
  for (const auto& [run, line] : lines)
    csv += line;
  std::filesystem::create_directories(out);
  const std::string path = (std::filesystem::path(out) / "results.csv").string();
  write_atomically(path, csv);
  fmt::print(stderr, "wrote {} ({} rows from {} shards)\n", path, lines.size(), inputs.size());
  return 0;
}

} // namespace muxsim::cli
