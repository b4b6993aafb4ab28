#include "cli/commands.hpp"
#include "cli/learn/qengine_option.hpp"
#include "cli/options.hpp"
#include "core/formats/csv.hpp"
#include "core/base/input_error.hpp"
#include "learn/mux/trace_builder.hpp"

namespace muxsim::cli {

namespace {

std::vector<int> parse_int_list(const std::string& text, const std::string& option) {
  std::vector<int> out;
  for (const auto& item : split(text, ',')) {
    const long k = parse_integer(item, "command line: " + option);
    if (k < 0 || k > 1000)
      throw InputError("command line: " + option + ": " + item + " is not a block");
    out.push_back(static_cast<int>(k));
  }
  return out;
}

PredictionSource parse_source(const std::string& text) {
  const auto eq = text.find('=');
  if (eq == std::string::npos || eq == 0 || eq + 1 == text.size())
    throw InputError("command line: --model '" + text + "' is not NAME=PREDICTIONS.csv");
  return {text.substr(0, eq), text.substr(eq + 1)};
}

} // namespace

int trace_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  learn::TraceBuildOptions o;
  std::vector<std::string> models;
  std::string blocks, head = learn::head_kind_name(o.head.kind),
                      early_scores = learn::early_scores_name(o.early_scores),
                      qengine = learn::qengine_name(o.qengine);
  options.add_options()("labels", po::value(&o.labels)->required(),
                        "CSV file_name,label: the inputs of the trace, in order")(
      "images", po::value(&o.images)->required(), "folder of the JPEG images the labels name")(
      "model", po::value(&models)->required(),
      "NAME=PREDICTIONS.csv, once per model (muxsim predict output or ImageNet-X format)")(
      "truth", po::value(&o.truth),
      "ground truth the imported predictions were made on (file_name,label); each "
      "predictions file without a label column must cover exactly its inputs")(
      "baseline", po::value(&o.baseline),
      "model whose max-softmax confidence is the reference scorer (default: the first)")(
      "out,o", po::value(&o.out_dir)->required(),
      "folder; receives trace.csv, mux_report.csv, mux_folds.csv")(
      "folds", po::value(&o.train.folds)->default_value(o.train.folds), "k of k-fold")(
      "epochs", po::value(&o.train.epochs)->default_value(o.train.epochs), "epochs per fold")(
      "side", po::value(&o.side)->default_value(o.side), "multiplexer input side, in pixels")(
      "seed", po::value(&o.train.seed)->default_value(o.train.seed),
      "fold split and training seed")("threshold",
                                      po::value(&o.threshold)->default_value(o.threshold),
                                      "operating point for the report's TPR/TNR")(
      "threads", po::value(&o.threads)->default_value(o.threads), "LibTorch threads")(
      "prefix-model", po::value(&o.prefix_model),
      "the phone model's TorchScript (a quantized MobileNetV2-style network): also train an "
      "early multiplexer on its pooled activation after each of --prefix-blocks")(
      "prefix-blocks", po::value(&blocks)->default_value("2,4,7,11,14,17,18"),
      "cut points k, comma-separated: block 0 is the stem, 18 MobileNetV2's full feature map")(
      "early-block", po::value(&o.early_block)->default_value(o.early_block),
      "the k whose early multiplexer scores become the trace's early_<model> columns")(
      "head", po::value(&head)->default_value(head),
      "early multiplexer head: logistic (regression) or mlp (one hidden layer)")(
      "hidden", po::value(&o.head.hidden)->default_value(o.head.hidden), "mlp hidden units")(
      "resize", po::value(&o.resize)->default_value(o.resize),
      "the phone model's preprocessing, as muxsim predict: shorter side; 0 keeps the size")(
      "crop", po::value(&o.crop)->default_value(o.crop), "... and centre crop side")(
      "views", po::value(&o.views.views)->default_value(o.views.views),
      "with --prefix-model: label-free views per image (32 or more) on which distilled early "
      "heads (ridge, MLP and a linear student of the logits, at every --prefix-blocks cut) "
      "learn to predict the phone model's own confidence; 0: none")(
      "view-seed", po::value(&o.views.seed)->default_value(o.views.seed),
      "the views' seed: a view is a function of the seed, the image and its number")(
      "early-scores", po::value(&early_scores)->default_value(early_scores),
      "which head's scores at --early-block become early_<model>: logistic (the head trained "
      "on correctness) or, with --views, a distilled one predicting the phone model's max "
      "softmax: distilled-ridge-softmax, distilled-mlp-softmax or distilled-student-softmax")(
      "quiet,q", "no progress lines");
  add_qengine_option(options, qengine);
  po::positional_options_description positional;
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim trace --labels L.csv --images DIR --model NAME=P.csv [--model ...] --out "
      "DIR\n\n"
      "Joins per-input predictions of several models on file name, trains the multiplexer\n"
      "(a 4-conv CNN on side x side thumbnails, one output per model: is it right?) with\n"
      "k-fold cross-validation so every score is out-of-fold, and writes the decision trace,\n"
      "a report (ROC AUC with bootstrap 95% intervals, TPR/TNR per model, learned vs the\n"
      "confidence baseline) and which inputs each fold's network trained on. With\n"
      "--prefix-model, also early multiplexers on the phone model's own activations after\n"
      "block k, same folds, reported beside them, and early_blocks.csv (MACs per cut). With\n"
      "--views, also distilled early heads on label-free views, and mux_view_folds.csv.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  check_preprocessing(o.resize, o.crop);
  for (const auto& m : models)
    o.sources.push_back(parse_source(m));
  o.train.progress = !vm.count("quiet");
  o.prefix_blocks = parse_int_list(blocks, "--prefix-blocks");
  // Kinds are parsed here, once; the learner switches on them.
  o.head.kind = learn::parse_head_kind(head);
  o.early_scores = learn::parse_early_scores(early_scores);
  o.qengine = learn::parse_qengine(qengine);
  learn::build_trace(o);
  return 0;
}

} // namespace muxsim::cli
