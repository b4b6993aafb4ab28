#include "learn/mux/trace_builder.hpp"

#include "core/base/input_error.hpp"
#include "core/mux/mux_report.hpp"
#include "core/output/results.hpp"
#include "learn/data/preprocess.hpp"
#include "learn/early/early_mux.hpp"
#include "learn/measure/machine.hpp"
#include "learn/measure/qengine.hpp"
#include "learn/measure/sha256.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>
#include <optional>
#include <stdexcept>

namespace muxsim::learn {

namespace {

constexpr EarlyScores kAllEarlyScores[] = {
    EarlyScores::Logistic, EarlyScores::DistilledRidgeSoftmax, EarlyScores::DistilledMlpSoftmax,
    EarlyScores::DistilledStudentSoftmax};

// The distilled head whose softmax scores `scores` names; none for the logistic head.
std::optional<DistilledHead> distilled_head(EarlyScores scores) {
  switch (scores) {
  case EarlyScores::Logistic:
    return std::nullopt;
  case EarlyScores::DistilledRidgeSoftmax:
    return DistilledHead::Ridge;
  case EarlyScores::DistilledMlpSoftmax:
    return DistilledHead::Mlp;
  case EarlyScores::DistilledStudentSoftmax:
    return DistilledHead::Student;
  }
  throw std::logic_error("unknown early scores");
}

// One message for a name that is none of the scores and for a distilled one without --views.
InputError early_scores_refused(const std::string& text) {
  return InputError("command line: --early-scores '" + text +
                    "' must be logistic, or with --views distilled-ridge-softmax, "
                    "distilled-mlp-softmax or distilled-student-softmax");
}

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

// The early multiplexers of --prefix-model: the heads trained on correctness, and with
// --views the distilled ones. Scorers point into it.
struct EarlyHeads {
  std::vector<EarlyMux> logistic;
  std::vector<DistilledMux> distilled;
  std::string blocks_csv;
};

// --views: the distilled heads, timed, beside the correctness-trained ones.
void add_distilled_scorers(const TraceBuildOptions& o, PhonePrefix& prefix,
                           const PrefixFeatures& features, const torch::Tensor& thumbnails,
                           const std::vector<std::string>& files, DecisionTrace& trace,
                           const OutOfFoldScores& scores, std::vector<ReportScorer>& scorers,
                           EarlyHeads& heads) {
  ViewOptions views = o.views;
  views.crop = o.crop;
  views.thumbnail = o.side;
  const auto start = std::chrono::steady_clock::now();
  const auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  const auto view_set =
      view_features(prefix, o.images, files, o.prefix_blocks, views, o.train.progress);
  const double built = seconds();
  DistillOptions distill = o.distill;
  distill.seed = o.train.seed;
  std::vector<long> prefix_macs;
  for (std::size_t k = 0; k < prefix.blocks().size(); ++k)
    prefix_macs.push_back(prefix.prefix_macs(static_cast<int>(k)));
  heads.distilled = train_distilled_muxes(prefix_macs, view_set, features, scores.fold,
                                          o.train.folds, distill, o.train.progress);
  const double trained = seconds();
  heads.distilled.push_back(
      train_distilled_cnn(view_set, thumbnails, scores.fold, o.train.folds, o.train, distill));
  fmt::print(stderr,
             "distilled heads: {} views of {} images built and run in {:.0f} s; {} heads "
             "x {} folds trained in {:.0f} s; the light CNN on the views in {:.0f} s\n",
             views.views, files.size(), built, heads.distilled.size() - 1, o.train.folds,
             trained - built, seconds() - trained);
  for (const auto& mux : heads.distilled) {
    const auto* s = &mux.score;
    scorers.push_back({mux.name, 1e-9 * static_cast<double>(mux.prefix_macs + mux.head_macs),
                       [s](std::size_t i, std::size_t) { return (*s)[i]; }});
    if (mux.head == distilled_head(o.early_scores) && mux.target == DistilledTarget::Softmax &&
        mux.block == o.early_block)
      for (std::size_t i = 0; i < trace.inputs.size(); ++i)
        // A regression may overshoot [0, 1]; a trace's scores are probabilities.
        trace.inputs[i].early.assign(trace.models.size(), std::clamp(mux.score[i], 0.0, 1.0));
  }
}

// Which images' views each distilled head of each fold trained on, so the out-of-fold
// property extends to views (tests/integration/imagenet.sh): one row per (head, fold, image).
std::string view_folds_csv(const DecisionTrace& trace, const std::vector<DistilledMux>& heads) {
  std::string out = "head,network,trained_on\n";
  for (const auto& h : heads)
    for (std::size_t f = 0; f < h.trained.size(); ++f)
      for (const auto i : h.trained[f])
        out += fmt::format("{},{},{}\n", h.name, f, trace.inputs[i].input_id);
  return out;
}

// Runs the phone model's prefix on every image (and, with --views, on its views), trains the
// early heads out of fold with the CNN's folds, adds them to the report and fills the
// trace's early_<model> columns from --early-scores at --early-block.
void add_early_scorers(const TraceBuildOptions& o, DecisionTrace& trace,
                       const torch::Tensor& thumbnails, const OutOfFoldScores& scores,
                       const std::vector<std::vector<bool>>& correct,
                       std::vector<ReportScorer>& scorers, EarlyHeads& heads) {
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
  heads.logistic = train_early_muxes(prefix, features, correct, o.prefix_blocks, o.head, o.train);
  for (const auto& mux : heads.logistic) {
    // Same folds as the CNN, so mux_folds.csv vouches for these scores too.
    if (mux.scores.fold != scores.fold)
      throw std::logic_error("early multiplexer folds differ from the CNN's");
    const auto* s = &mux.scores.score;
    scorers.push_back({fmt::format("early-k{}", mux.block),
                       1e-9 * static_cast<double>(mux.prefix_macs + mux.head_macs),
                       [s](std::size_t i, std::size_t m) { return (*s)[i][m]; }});
    if (mux.block == o.early_block && o.early_scores == EarlyScores::Logistic)
      for (std::size_t i = 0; i < trace.inputs.size(); ++i)
        trace.inputs[i].early = mux.scores.score[i];
  }
  heads.blocks_csv = early_blocks_csv(prefix, heads.logistic);
  if (o.views.views > 0)
    add_distilled_scorers(o, prefix, features, thumbnails, files, trace, scores, scorers, heads);
}
} // namespace

std::string early_scores_name(EarlyScores scores) {
  const auto head = distilled_head(scores);
  return head ? fmt::format("distilled-{}-{}", distilled_head_name(*head),
                            distilled_target_name(DistilledTarget::Softmax))
              : "logistic";
}

EarlyScores parse_early_scores(const std::string& text) {
  for (const auto scores : kAllEarlyScores)
    if (text == early_scores_name(scores)) return scores;
  throw early_scores_refused(text);
}

void build_trace(const TraceBuildOptions& o) {
  if (o.side < 16) throw InputError("command line: --side must be at least 16");
  if (o.threads < 1) throw InputError("command line: --threads must be at least 1");
  if (o.train.epochs < 1) throw InputError("command line: --epochs must be at least 1");
  check_head_options(o.head);
  if (!o.prefix_model.empty() && std::find(o.prefix_blocks.begin(), o.prefix_blocks.end(),
                                           o.early_block) == o.prefix_blocks.end())
    throw InputError(fmt::format("command line: --early-block {} must be one of --prefix-blocks",
                                 o.early_block));
  if (o.views.views < 0) throw InputError("command line: --views must be 0 or more");
  if (o.early_scores != EarlyScores::Logistic && o.views.views == 0)
    throw early_scores_refused(early_scores_name(o.early_scores));
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
  // The report's early scorers read their scores from these.
  EarlyHeads heads;
  if (!o.prefix_model.empty()) add_early_scorers(o, trace, images, scores, correct, scorers, heads);
  std::filesystem::create_directories(o.out_dir);
  const std::filesystem::path dir(o.out_dir);
  write_atomically((dir / "trace.csv").string(), trace_csv(trace));
  write_atomically((dir / "mux_report.csv").string(),
                   mux_report_csv(trace, scorers, o.threshold, o.train.seed));
  write_atomically((dir / "mux_folds.csv").string(), folds_csv(trace, scores));
  if (!heads.blocks_csv.empty())
    write_atomically((dir / "early_blocks.csv").string(), heads.blocks_csv);
  if (!heads.distilled.empty())
    write_atomically((dir / "mux_view_folds.csv").string(), view_folds_csv(trace, heads.distilled));
  fmt::print(stderr,
             "wrote {}/trace.csv ({} inputs, {} models), mux_report.csv, mux_folds.csv; "
             "multiplexer {:.5f} GMACs at {}x{}\n",
             o.out_dir, trace.inputs.size(), trace.models.size(), scores.gmacs, o.side, o.side);
}

} // namespace muxsim::learn
