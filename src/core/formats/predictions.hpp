#pragma once
// Per-input predictions of one model (docs/formats.md), in ImageNet-X's format:
// `file_name,predicted_class,predicted_probability`, optionally with `label` and `correct`
// (what `muxsim predict` adds). Joining several on file name against a label set gives the
// correctness part of a decision trace.
#include "core/formats/labels.hpp"
#include "core/formats/trace.hpp"

#include <map>
#include <string>
#include <vector>

namespace muxsim {

struct Prediction {
  int predicted_class = 0;
  double probability = 0; // softmax confidence of predicted_class
  int label = -1;         // -1 when the file has no label column
  int line = 0;
};

struct PredictionTable {
  std::string path;
  std::map<std::string, Prediction> by_file;
  // "model_sha256=... qengine=... isa=..." for a file muxsim predict measured; empty for
  // imported ones (docs/reproducibility.md).
  std::string origin;
};

PredictionTable read_predictions(const std::string& path);

struct PredictionSource {
  std::string model;
  std::string path;
};

// One trace input per labelled input, in label-file order, with pred/conf/correct per
// source; the provenance is "real", followed by "; MODEL <origin>" for each measured source; scores
// are zero and folds 0 until a multiplexer fills them. Throws InputError when an input is missing
// from a predictions file, or a predictions file's own labels disagree. `truth` (optional, may be
// empty) is the ground truth the predictions were made against, e.g. ImageNet-X's
// filename_label.csv: then a predictions file without a label column must cover exactly the truth's
// inputs, and the truth must agree with `labels`.
DecisionTrace join_predictions(const LabelSet& labels, const std::vector<PredictionSource>& sources,
                               const std::string& truth);

} // namespace muxsim
