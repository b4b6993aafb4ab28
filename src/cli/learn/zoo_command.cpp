#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/base/input_error.hpp"
#include "learn/data/idx.hpp"
#include "learn/mux/mux_fit.hpp"
#include "learn/zoo/zoo_dimec.hpp"
#include "learn/zoo/zoo_early.hpp"
#include "learn/zoo/zoo_eval.hpp"
#include "learn/zoo/zoo_train.hpp"

#include <fmt/format.h>

namespace muxsim::cli {

namespace {

// "muxsim zoo train ...": the verb of these two-word commands; the rest are its options.
std::vector<std::string> after_verb(const std::vector<std::string>& args, const std::string& noun,
                                    const std::string& verb) {
  if (args.empty() || args[0] != verb)
    throw InputError("command line: usage: muxsim " + noun + " " + verb +
                     " [options] (see --help)");
  return {args.begin() + 1, args.end()};
}

// The options of a TrainingRun, the same for zoo train and mux train. `limit_help` says
// which images --limit cuts.
void add_training_run_options(po::options_description& options, learn::TrainingRun& run,
                              const std::string& limit_help) {
  options.add_options()("data", po::value(&run.data)->default_value(run.data),
                        "folder of the Fashion-MNIST .gz IDX files")(
      "epochs", po::value(&run.epochs)->default_value(run.epochs), "passes over its images")(
      "batch", po::value(&run.batch)->default_value(run.batch), "batch size")(
      "lr", po::value(&run.learning_rate)->default_value(run.learning_rate), "Adam learning rate")(
      "limit", po::value(&run.limit)->default_value(run.limit), limit_help.c_str())(
      "seed", po::value(&run.seed)->default_value(run.seed), "initialisation and shuffling seed")(
      "threads", po::value(&run.threads)->default_value(run.threads),
      "LibTorch threads")("quiet,q", "no progress lines");
}

int zoo_eval_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::string zoo, trace, data = learn::kFashionMnistDir;
  int stride = 1, threads = 2;
  options.add_options()("zoo", po::value(&zoo)->required(), "folder written by muxsim zoo train")(
      "trace", po::value(&trace)->required(), "decision trace of the Fashion-MNIST test images")(
      "data", po::value(&data)->default_value(data), "folder of the Fashion-MNIST .gz files")(
      "stride", po::value(&stride)->default_value(stride), "check every Nth input (1: all)")(
      "threads", po::value(&threads)->default_value(threads), "LibTorch threads");
  po::positional_options_description positional;
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim zoo eval --zoo DIR --trace T.csv [--stride N]\n\n"
      "Runs the zoo's weights over the test images a trace names and checks that every\n"
      "prediction in the trace is theirs. Exit status 1 when any differs.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  long mismatched = 0;
  fmt::print("model,inputs,mismatched,trace_accuracy,weights_accuracy\n");
  for (const auto& c : learn::check_trace_against_zoo(zoo, trace, data, stride, threads)) {
    fmt::print("{},{},{},{:.4f},{:.4f}\n", c.model, c.inputs, c.mismatched, c.trace_accuracy,
               c.weights_accuracy);
    mismatched += c.mismatched;
  }
  if (mismatched)
    fmt::print(stderr, "muxsim: {} predictions differ from the weights'\n", mismatched);
  return mismatched ? 1 : 0;
}

int zoo_early_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  learn::ZooEarlyOptions o;
  std::string head = learn::head_kind_name(o.head.kind);
  add_training_run_options(options, o.run,
                           "use only N multiplexer training and N test images (0: all)");
  options.add_options()("zoo", po::value(&o.zoo)->required(), "folder written by muxsim zoo train")(
      "trace", po::value(&o.trace)->required(),
      "decision trace of the test images, scored by the distilled multiplexer")(
      "out,o", po::value(&o.out)->required(), "folder; receives early_report.csv")(
      "baseline", po::value(&o.baseline)->default_value(o.baseline),
      "the phone's zoo member, whose layers are cut")("head", po::value(&head)->default_value(head),
                                                      "logistic or mlp")(
      "hidden", po::value(&o.head.hidden)->default_value(o.head.hidden), "mlp hidden units")(
      "views", po::value(&o.views.views)->default_value(o.views.views),
      "label-free views per training image (32 or more) on which distilled heads (ridge, MLP "
      "and a linear student of the logits, at every cut) learn the phone's own confidence; "
      "0: none");
  po::positional_options_description positional;
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim zoo early --zoo DIR --trace T.csv --out DIR [options]\n\n"
      "Early multiplexers on the committed zoo: cuts the phone's zoo member after each layer,\n"
      "trains a head per cut on the multiplexer's training images (C by nested folds), scores\n"
      "the trace's test images, and reports them beside the trace's distilled multiplexer and\n"
      "the phone model's confidence (AUC with bootstrap 95% intervals, MACs per scorer).";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  o.run.progress = !vm.count("quiet");
  o.head.kind = learn::parse_head_kind(head);
  learn::fit_zoo_early(o);
  return 0;
}

int zoo_dimec_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  learn::DimecOptions o;
  add_training_run_options(options, o.run, "use only N validation and N test images (0: all)");
  options.add_options()("zoo", po::value(&o.zoo)->required(), "folder written by muxsim zoo train")(
      "cartography", po::value(&o.cartography)->required(),
      "the CSV muxsim zoo train --cartography wrote for this zoo")(
      "trace", po::value(&o.trace)->required(), "decision trace of the test images")(
      "out,o", po::value(&o.out)->required(),
      "folder; receives trace.csv (with a region column) and dimec_report.csv")(
      "phone", po::value(&o.phone)->default_value(o.phone), "zoo member on the phone")(
      "edge", po::value(&o.edge)->default_value(o.edge), "zoo member on the edge server")(
      "cloud", po::value(&o.cloud)->default_value(o.cloud), "zoo member in the cloud")(
      "mu", po::value(&o.mu)->default_value(o.mu),
      "thresholds maximise accuracy - mu x cost on the validation split; at least 0")(
      "edge-offload", po::value(&o.edge_offload)->default_value(o.edge_offload),
      "cost of sending one input to the edge, in cloud-inference units")(
      "cloud-offload", po::value(&o.cloud_offload)->default_value(o.cloud_offload),
      "cost of sending one input to the cloud, in cloud-inference units")(
      "region-samples", po::value(&o.region_samples)->default_value(o.region_samples),
      "cartography samples (evenly spaced) the region classifier trains on");
  po::positional_options_description positional;
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim zoo dimec --zoo DIR --cartography C.csv --trace T.csv --out DIR\n\n"
      "DIMEC-DC: the cartography's difficulty regions (easy, medium, hard) train a region\n"
      "classifier on the phone model's features; thresholds on its outputs, chosen on the\n"
      "images after the zoo's (never the test images), place each test input on the phone,\n"
      "the edge or the cloud. Writes the trace with a region column for policy dimec-dc.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  o.run.progress = !vm.count("quiet");
  learn::fit_dimec(o);
  return 0;
}

} // namespace

int zoo_command(const std::vector<std::string>& raw) {
  if (!raw.empty() && raw[0] == "eval") return zoo_eval_command({raw.begin() + 1, raw.end()});
  if (!raw.empty() && raw[0] == "early") return zoo_early_command({raw.begin() + 1, raw.end()});
  if (!raw.empty() && raw[0] == "dimec") return zoo_dimec_command({raw.begin() + 1, raw.end()});
  if (!raw.empty() && (raw[0] == "--help" || raw[0] == "-h")) {
    fmt::print(
        "usage: muxsim zoo train [options]   (train the zoo; muxsim zoo train --help)\n"
        "       muxsim zoo eval [options]    (check a trace against the weights)\n"
        "       muxsim zoo early [options]   (early multiplexers on the phone's zoo member)\n");
    return 0;
  }
  const auto args = after_verb(raw, "zoo", "train");
  po::options_description options("Options");
  learn::ZooTrainOptions o;
  std::vector<std::string> archs;
  add_training_run_options(options, o.run, "use only the first N training images (0: all 60,000)");
  options.add_options()("out,o", po::value(&o.out)->required(),
                        "folder; receives zoo-<arch>.pt and zoo.csv")(
      "cartography", po::value(&o.cartography), "CSV of per-sample training dynamics to write")(
      "arch", po::value(&archs),
      "zoo members (repeatable; default all six: tiny, mobile, small, resnet, medium, "
      "wide-resnet)")("no-contrastive", "cross-entropy only: the ablation")(
      "contrastive-weight", po::value(&o.contrastive_weight)->default_value(o.contrastive_weight),
      "weight of the contrastive loss (Eq. 2-3)")(
      "zoo-images", po::value(&o.zoo_images)->default_value(o.zoo_images),
      "the first N training images train the zoo; the rest are left for the multiplexer")(
      "projection-dim", po::value(&o.projection_dim)->default_value(o.projection_dim),
      "dimension of the projection heads (Eq. 1)");
  po::positional_options_description positional;
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim zoo train --out DIR [options]\n\n"
      "Algorithm 1, lines 4-10: trains the six-CNN zoo jointly on Fashion-MNIST with\n"
      "cross-entropy plus the contrastive loss of Eq. 2-3, and records data cartography\n"
      "(confidence, variability, correctness per training sample and model).";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  for (const auto& arch : archs)
    o.architectures.push_back(learn::parse_zoo_arch(arch));
  o.contrastive = !vm.count("no-contrastive");
  o.run.progress = !vm.count("quiet");
  learn::train_zoo(o);
  return 0;
}

int mux_command(const std::vector<std::string>& raw) {
  if (!raw.empty() && (raw[0] == "--help" || raw[0] == "-h"))
    return mux_command({"train", "--help"});
  const auto args = after_verb(raw, "mux", "train");
  po::options_description options("Options");
  learn::MuxFitOptions o;
  add_training_run_options(options, o.run,
                           "use only N multiplexer training and N test images (0: all)");
  options.add_options()("zoo", po::value(&o.zoo)->required(), "folder written by muxsim zoo train")(
      "out,o", po::value(&o.out)->required(),
      "folder; receives trace.csv, mux_report.csv, algorithm2.csv and mux.pt")(
      "baseline", po::value(&o.baseline)->default_value(o.baseline),
      "the phone's model, whose confidence is the reference scorer")(
      "distillation-weight",
      po::value(&o.distillation_weight)->default_value(o.distillation_weight),
      "weight of the distillation loss (Eq. 8)");
  po::positional_options_description positional;
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim mux train --zoo DIR --out DIR [options]\n\n"
      "Algorithm 1, lines 12-19: trains the multiplexer on training images the zoo did not\n"
      "see, with L_mux (Eq. 4-7), per-model cross-entropy and distillation toward the zoo's\n"
      "projections (Eq. 8); scores the test images into a decision trace, and evaluates\n"
      "Algorithm 2 (argmax and a threshold sweep) in algorithm2.csv.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  o.run.progress = !vm.count("quiet");
  learn::fit_mux(o);
  return 0;
}

} // namespace muxsim::cli
