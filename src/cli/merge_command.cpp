#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/base/input_error.hpp"
#include "core/output/results.hpp"
#include "core/output/results_reader.hpp"

#include <algorithm>
#include <filesystem>
#include <fmt/format.h>
#include <map>
#include <numeric>
#include <optional>

namespace muxsim::cli {

namespace {

// One sweep's rows: the inputs that hold it (shards, or one whole file) and its rows by run.
struct Sweep {
  std::vector<std::size_t> inputs; // indices into the files, in command-line order
  std::map<long, std::pair<std::size_t, const ResultsFile::Row*>> rows; // run -> file, row
};

std::string results_path(const std::string& input) {
  if (std::filesystem::is_directory(input))
    return (std::filesystem::path(input) / "results.csv").string();
  return input;
}

// OUT/results.csv, or OUT itself when it names a .csv file.
std::string output_path(const std::string& out) {
  if (std::filesystem::path(out).extension() == ".csv") return out;
  return (std::filesystem::path(out) / "results.csv").string();
}

std::size_t column_of(const ResultsFile& f, const std::string& name) {
  const auto it = std::find(f.columns.begin(), f.columns.end(), name);
  if (it == f.columns.end()) throw InputError(f.path + ":1: field '" + name + "': missing column");
  return static_cast<std::size_t>(it - f.columns.begin());
}

void check_header(const ResultsFile& f) {
  for (std::size_t i = 0; i < f.columns.size(); ++i)
    if (std::find(f.columns.begin(), f.columns.begin() + i, f.columns[i]) != f.columns.begin() + i)
      throw InputError(f.path + ":1: field '" + f.columns[i] + "': column named twice");
  column_of(f, "scenario");
}

std::size_t root(std::vector<std::size_t>& parent, std::size_t i) {
  while (parent[i] != i)
    i = parent[i] = parent[parent[i]];
  return i;
}

// Inputs that hold rows of the same scenario are shards of one sweep: a scenario's runs are
// numbered within the sweep that ran it. Groups come in the order of their first input.
std::vector<std::vector<std::size_t>> group_by_scenario(const std::vector<ResultsFile>& files) {
  std::vector<std::size_t> parent(files.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::map<std::string, std::size_t> first_input; // scenario -> the first input holding it
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::size_t column = column_of(files[i], "scenario");
    for (const auto& row : files[i].rows) {
      const auto [it, fresh] = first_input.emplace(row.fields[column], i);
      if (!fresh) parent[root(parent, i)] = root(parent, it->second);
    }
  }
  std::map<std::size_t, std::vector<std::size_t>> by_root;
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::size_t r = root(parent, i);
    if (by_root[r].empty()) order.push_back(r);
    by_root[r].push_back(i);
  }
  std::vector<std::vector<std::size_t>> groups;
  for (std::size_t r : order)
    groups.push_back(by_root[r]);
  return groups;
}

// The rows of the inputs of one sweep by run. Shards of one sweep were written by one
// command, so their columns agree and no run is in two of them.
Sweep collect_sweep(const std::vector<ResultsFile>& files, const std::vector<std::size_t>& inputs) {
  Sweep sweep;
  sweep.inputs = inputs;
  const ResultsFile& first = files[inputs.front()];
  for (std::size_t i : inputs) {
    if (files[i].columns != first.columns)
      throw InputError(files[i].path + ":1: field 'header': its columns differ from " + first.path +
                       "'s, yet they hold runs of the same scenarios, as shards of "
                       "one sweep do; shards come from one muxsim and one command");
    for (const auto& row : files[i].rows) {
      const auto [it, fresh] = sweep.rows.emplace(row.run, std::make_pair(i, &row));
      if (!fresh)
        throw InputError(fmt::format("{}:{}: field 'run': run {} is in more than one input (also "
                                     "{}:{}); a scenario's rows come from one sweep or its "
                                     "shards, so a separate run of it needs its own name",
                                     files[i].path, row.line, row.run, files[it->second.first].path,
                                     it->second.second->line));
    }
  }
  return sweep;
}

// The first run missing from 0 to the sweep's last, if any.
std::optional<long> first_missing(const Sweep& sweep) {
  long expected = 0;
  for (const auto& entry : sweep.rows)
    if (entry.first != expected++) return expected - 1;
  return std::nullopt;
}

// Sweeps in the order of their first input. A shard holding only scenarios no other input
// holds forms a group that lacks runs; the groups that lack runs and share columns are
// taken together as one sweep, which must then lack none.
std::vector<Sweep> find_sweeps(const std::vector<ResultsFile>& files) {
  std::vector<Sweep> sweeps;
  std::vector<std::vector<std::size_t>> pools; // inputs of incomplete groups, by columns
  for (const auto& group : group_by_scenario(files)) {
    Sweep sweep = collect_sweep(files, group);
    if (!first_missing(sweep)) {
      sweeps.push_back(std::move(sweep));
      continue;
    }
    auto pool = std::find_if(pools.begin(), pools.end(), [&](const auto& p) {
      return files[p.front()].columns == files[group.front()].columns;
    });
    if (pool == pools.end())
      pools.push_back(group);
    else
      pool->insert(pool->end(), group.begin(), group.end());
  }
  for (auto& inputs : pools) {
    std::sort(inputs.begin(), inputs.end());
    Sweep sweep = collect_sweep(files, inputs);
    if (const auto missing = first_missing(sweep))
      throw InputError(fmt::format("{}: field 'run': run {} is in no shard",
                                   files[inputs.front()].path, *missing));
    sweeps.push_back(std::move(sweep));
  }
  std::sort(sweeps.begin(), sweeps.end(),
            [](const Sweep& a, const Sweep& b) { return a.inputs.front() < b.inputs.front(); });
  return sweeps;
}

// Every input's columns, each once: the first input's order, a column new to it placed
// before the next column of its own file already placed. The called_<model> columns are then
// sorted together where the first stands, as muxsim run orders a sweep's models.
std::vector<std::string> union_columns(const std::vector<ResultsFile>& files) {
  std::vector<std::string> out = files.front().columns;
  for (const auto& f : files)
    for (std::size_t i = 0; i < f.columns.size(); ++i) {
      if (std::find(out.begin(), out.end(), f.columns[i]) != out.end()) continue;
      auto at = out.end();
      for (std::size_t j = i + 1; j < f.columns.size() && at == out.end(); ++j)
        at = std::find(out.begin(), out.end(), f.columns[j]);
      out.insert(at, f.columns[i]);
    }
  const auto called = [](const std::string& c) { return c.rfind("called_", 0) == 0; };
  const auto first = std::find_if(out.begin(), out.end(), called);
  std::vector<std::string> models;
  std::copy_if(first, out.end(), std::back_inserter(models), called);
  std::sort(models.begin(), models.end());
  const auto position = first - out.begin();
  out.erase(std::remove_if(first, out.end(), called), out.end());
  out.insert(out.begin() + position, models.begin(), models.end());
  return out;
}

// One row in the merged columns: empty where its file lacks a column, its run moved by the
// sweep's offset.
std::string merged_line(const ResultsFile& f, const ResultsFile::Row& row,
                        const std::vector<std::string>& columns, long offset) {
  std::string line;
  for (std::size_t c = 0; c < columns.size(); ++c) {
    if (c > 0) line += ",";
    const auto it = std::find(f.columns.begin(), f.columns.end(), columns[c]);
    if (c == 0)
      line += std::to_string(row.run + offset);
    else if (it != f.columns.end())
      line += row.fields[static_cast<std::size_t>(it - f.columns.begin())];
  }
  return line + "\n";
}

struct MergeArgs {
  std::vector<std::string> inputs;
  std::string out;
  bool out_positional = false; // `merge OUT A.csv ...`: OUT must not hold results yet
};

bool parse_merge_args(const std::vector<std::string>& args, MergeArgs& a) {
  po::options_description options("Options");
  options.add_options()("input", po::value(&a.inputs), "results files or folders (positional)")(
      "out,o", po::value(&a.out), "output folder (receives results.csv) or .csv file");
  po::positional_options_description positional;
  positional.add("input", -1);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim merge OUT RESULTS [RESULTS ...]\n"
      "       muxsim merge RESULTS [RESULTS ...] --out OUT\n\n"
      "Joins results.csv files (each given as the file or its folder) into OUT/results.csv,\n"
      "or into OUT itself when it ends in .csv: the shards of one sweep (muxsim run --shard\n"
      "k/n), byte-identical to the sweep run unsharded, and separately run sweeps of other\n"
      "scenarios. Inputs holding the same scenario are shards of one sweep, and each sweep\n"
      "must hold every run from 0 to its last exactly once. Sweeps follow one another in the\n"
      "order given, each one's runs numbered on from the last, as muxsim run numbers the\n"
      "scenarios given to it together; columns one input lacks (a called_<model> of another\n"
      "trace) are left empty in its rows. Given as the first argument, OUT must not hold\n"
      "results yet; --out replaces them.";
  if (!parse_options(args, usage, options, positional, vm)) return false;
  if (a.out.empty() && !a.inputs.empty()) {
    a.out = a.inputs.front();
    a.inputs.erase(a.inputs.begin());
    a.out_positional = true;
  }
  if (a.inputs.empty()) throw InputError("command line: no results file given (see --help)");
  return true;
}

} // namespace

int merge_command(const std::vector<std::string>& args) {
  MergeArgs a;
  if (!parse_merge_args(args, a)) return 0;
  const std::string path = output_path(a.out);
  if (a.out_positional && std::filesystem::exists(path))
    throw InputError(path + ": already exists; merge will not replace it unless it is named "
                            "with --out");
  std::vector<ResultsFile> files;
  for (const auto& input : a.inputs) {
    files.push_back(read_results_file(results_path(input)));
    check_header(files.back());
  }
  const std::vector<Sweep> sweeps = find_sweeps(files);
  const std::vector<std::string> columns = union_columns(files);
  std::string csv;
  for (const auto& c : columns)
    csv += (csv.empty() ? "" : ",") + c;
  csv += "\n";
  long offset = 0;
  for (const auto& sweep : sweeps) {
    for (const auto& [run, at] : sweep.rows)
      csv += merged_line(files[at.first], *at.second, columns, offset);
    offset += static_cast<long>(sweep.rows.size());
  }
  const auto folder = std::filesystem::path(path).parent_path();
  if (!folder.empty()) std::filesystem::create_directories(folder);
  write_atomically(path, csv);
  fmt::print(stderr, "wrote {} ({} rows from {} inputs, {} sweep{})\n", path, offset, files.size(),
             sweeps.size(), sweeps.size() == 1 ? "" : "s: runs numbered on from one to the next");
  return 0;
}

} // namespace muxsim::cli
