#pragma once
// `muxsim trace`: per-input predictions of several models, joined on file name, plus a
// multiplexer trained out-of-fold on the images, written as a decision trace
// (docs/imagenet.md).
#include "core/formats/predictions.hpp"
#include "learn/early/distill.hpp"
#include "learn/early/feature_head.hpp"
#include "learn/measure/qengine.hpp"
#include "learn/mux/mux_train.hpp"

#include <string>
#include <vector>

namespace muxsim::learn {

// Which early head's scores at --early-block fill the trace's early_<model> columns: the
// head trained on correctness, or (with --views) a distilled one predicting the phone
// model's max softmax.
enum class EarlyScores {
  Logistic,
  DistilledRidgeSoftmax,
  DistilledMlpSoftmax,
  DistilledStudentSoftmax
};

// As --early-scores spells it.
std::string early_scores_name(EarlyScores scores);

// --early-scores's text as its scores; throws InputError naming the option and its values.
EarlyScores parse_early_scores(const std::string& text);

struct TraceBuildOptions {
  std::string labels;  // file_name,label
  std::string images;  // the folder the labels name files in
  std::string truth;   // optional ground truth of imported predictions
  std::string out_dir; // receives trace.csv, mux_report.csv, mux_folds.csv
  std::vector<PredictionSource> sources;
  std::string baseline; // model whose confidence is the reference scorer; default first
  int side = 64;        // multiplexer input resolution
  int threads = 2;
  double threshold = 0.5; // operating point of the report
  MuxTrainOptions train;
  // Early multiplexers (docs/imagenet.md): heads on the phone model's prefix.
  std::string prefix_model; // the phone model's TorchScript; empty: none
  std::vector<int> prefix_blocks{2, 4, 7, 11, 14, 17, 18};
  int early_block = 14;         // whose scores become the trace's early_<model> columns
  int resize = 256, crop = 224; // the phone model's preprocessing, as in muxsim predict
  HeadOptions head;
  ViewOptions views; // distilled early heads (learn/early/distill.hpp); views = 0: none
  DistillOptions distill;
  EarlyScores early_scores = EarlyScores::Logistic;
  QEngine qengine = kDefaultQEngine; // the phone model's quantized engine
};

void build_trace(const TraceBuildOptions& options);

} // namespace muxsim::learn
