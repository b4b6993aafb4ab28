#include "learn/trace_builder.hpp"

#include "core/formats/input_error.hpp"
#include "core/mux/mux_report.hpp"
#include "core/output/results.hpp"
#include "learn/early_mux.hpp"
#include "learn/machine.hpp"
#include "learn/preprocess.hpp"
#include "learn/qengine.hpp"
#include "learn/sha256.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>

namespace muxsim::learn {

namespace {

torch::Tensor thumbnails(const DecisionTrace& trace, const std::string& folder, int side) {
  std::vector<torch::Tensor> images;
  for (const auto& in : trace.inputs)
    images.push_back(
        thumbnail(read_jpeg((std::filesystem::path(folder) / in.input_id).string()), side));
  return torch::stack(images);
}

// Which inputs each fold's network trained on, so the out-of-fold property can be checked
// from outside (tests/integration/imagenet.sh).
std::string folds_csv(const DecisionTrace& trace, const OutOfFoldScores& s) {
  std::string out = "network,trained_on\n";
  for (std::size_t f = 0; f < s.trained.size(); ++f)
    for (const auto i : s.trained[f])
      out += fmt::format("{},{}\n", f, trace.inputs[i].input_id);
  return out;
}

} // namespace

void build_trace(const TraceBuildOptions& o) {
  if (o.side < 16) throw InputError("command line: --side must be at least 16");
  if (o.threads < 1) throw InputError("command line: --threads must be at least 1");
  if (o.train.epochs < 1) throw InputError("command line: --epochs must be at least 1");
  check_head_options(o.head);
  if (!o.prefix_model.empty() && std::find(o.prefix_blocks.begin(), o.prefix_blocks.end(),
                                           o.early_block) == o.prefix_blocks.end())
    throw InputError(fmt::format("command line: --early-block {} must be one of --prefix-blocks",
                                 o.early_block));
  use_qengine(o.qengine);
  torch::set_num_threads(o.threads);
  const LabelSet labels = read_labels(o.labels);
  require_labelled_folder(o.images, labels);
  DecisionTrace trace = join_predictions(labels, o.sources, o.truth);
  const int baseline = o.baseline.empty() ? 0 : trace.require_model(o.baseline, "--baseline");
  const auto images = thumbnails(trace, o.images, o.side);

  std::vector<std::vector<bool>> correct;
  for (const auto& in : trace.inputs)
    correct.push_back(in.correct);
  const auto scores = train_out_of_fold(images, correct, o.train);
  for (std::size_t i = 0; i < trace.inputs.size(); ++i) {
    trace.inputs[i].fold = scores.fold[i];
    trace.inputs[i].score = scores.score[i];
  }
  auto scorers = trace_scorers(trace, baseline, scores.gmacs, NAN);
  std::string blocks_csv;
  std::vector<EarlyMux> early; // the report's early scorers read their scores from here
  if (!o.prefix_model.empty()) {
    PhonePrefix prefix(o.prefix_model);
    // The early scores come from the quantized phone model's activations: name what they
    // depend on, as muxsim predict does for its answers.
    trace.provenance += fmt::format("; early heads qengine={} isa={} model_sha256={}",
                                    qengine_in_use(), cpu_isa(), sha256_of_file(o.prefix_model));
    scorers[1].gmacs = 1e-9 * static_cast<double>(prefix.prefix_macs(prefix.blocks().size() - 1) +
                                                  prefix.classifier_macs());
    std::vector<std::string> files;
    for (const auto& in : trace.inputs)
      files.push_back(in.input_id);
    const auto features = prefix_features(prefix, o.images, files, o.resize, o.crop);
    early = train_early_muxes(prefix, features, correct, o.prefix_blocks, o.head, o.train);
    for (const auto& mux : early) {
      // Same folds as the CNN, so mux_folds.csv vouches for these scores too.
      if (mux.scores.fold != scores.fold)
        throw std::logic_error("early multiplexer folds differ from the CNN's");
      const auto* s = &mux.scores.score;
      scorers.push_back({fmt::format("early-k{}", mux.block),
                         1e-9 * static_cast<double>(mux.prefix_macs + mux.head_macs),
                         [s](std::size_t i, std::size_t m) { return (*s)[i][m]; }});
      if (mux.block == o.early_block)
        for (std::size_t i = 0; i < trace.inputs.size(); ++i)
          trace.inputs[i].early = mux.scores.score[i];
    }
    blocks_csv = early_blocks_csv(prefix, early);
  }
  std::filesystem::create_directories(o.out_dir);
  const std::filesystem::path dir(o.out_dir);
  write_atomically((dir / "trace.csv").string(), trace_csv(trace));
  write_atomically((dir / "mux_report.csv").string(),
                   mux_report_csv(trace, scorers, o.threshold, o.train.seed));
  write_atomically((dir / "mux_folds.csv").string(), folds_csv(trace, scores));
  if (!blocks_csv.empty()) write_atomically((dir / "early_blocks.csv").string(), blocks_csv);
  fmt::print(stderr,
             "wrote {}/trace.csv ({} inputs, {} models), mux_report.csv, mux_folds.csv; "
             "multiplexer {:.5f} GMACs at {}x{}\n",
             o.out_dir, trace.inputs.size(), trace.models.size(), scores.gmacs, o.side, o.side);
}

} // namespace muxsim::learn
