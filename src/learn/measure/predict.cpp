#include "learn/measure/predict.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/labels.hpp"
#include "core/output/results.hpp"
#include "learn/data/preprocess.hpp"
#include "learn/measure/machine.hpp"
#include "learn/measure/sha256.hpp"
#include "learn/measure/torchscript.hpp"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fmt/format.h>

namespace muxsim::learn {

namespace {

// Once the model's class count is known, every label must index one of its outputs.
void check_label_range(const LabelSet& labels, long classes) {
  for (const auto& in : labels.inputs)
    if (in.label >= classes)
      throw InputError(where(labels.path, in.line, "label") + ": class " +
                       std::to_string(in.label) + " is out of range; the model has " +
                       std::to_string(classes) + " classes");
}

torch::Tensor logits_of(torch::jit::Module& model, const torch::Tensor& batch,
                        const std::string& path) {
  c10::IValue out;
  try {
    out = model.forward({batch});
  } catch (const std::exception& e) {
    // Models traced with batch 1 (like PyTorch's mobile demo models) fail on larger ones.
    throw InputError(fmt::format("{}: the model cannot classify a {}x3x{}x{} batch{} ({})", path,
                                 batch.size(0), batch.size(2), batch.size(3),
                                 batch.size(0) > 1 ? "; try --batch 1" : "", first_line(e.what())));
  }
  if (!out.isTensor()) throw InputError(path + ": the model does not return a tensor");
  const auto logits = out.toTensor();
  if (logits.dim() != 2 || logits.size(0) != batch.size(0))
    throw InputError(path + ": the model does not return [batch, classes] logits");
  return logits;
}

// The top class (the first, on a tie) and its softmax probability, in double precision one
// element at a time: ATen's vectorised softmax rounds differently on each ISA, and the
// probability is written to 6 decimals (docs/reproducibility.md).
std::pair<long, double> top1(const float* logits, long classes) {
  long best = 0;
  for (long k = 1; k < classes; ++k)
    if (logits[k] > logits[best]) best = k;
  double sum = 0;
  for (long k = 0; k < classes; ++k)
    sum += std::exp(static_cast<double>(logits[k]) - logits[best]);
  return {best, 1.0 / sum};
}

} // namespace

PredictSummary predict(const PredictOptions& o) {
  if (o.batch < 1) throw InputError("command line: --batch must be at least 1");
  if (o.threads < 1) throw InputError("command line: --threads must be at least 1");
  const auto start = std::chrono::steady_clock::now();
  use_qengine(o.qengine);
  torch::set_num_threads(o.threads);
  torch::NoGradGuard no_grad;
  auto model = load_torchscript(o.model);
  const LabelSet labels = read_labels(o.labels);
  require_labelled_folder(o.images, labels);

  PredictSummary summary;
  summary.qengine = qengine_in_use();
  summary.isa = cpu_isa();
  // Every row names what its answer depends on: the model's bytes, the engine and the ISA.
  const std::string origin =
      fmt::format("{},{},{}", sha256_of_file(o.model), summary.qengine, summary.isa);
  std::string csv =
      "file_name,predicted_class,predicted_probability,label,correct,model_sha256,qengine,isa\n";
  Sha256 logits_digest; // shows whether two runs computed the same bits
  const auto& inputs = labels.inputs;
  for (std::size_t first = 0; first < inputs.size(); first += o.batch) {
    const std::size_t last = std::min(inputs.size(), first + o.batch);
    std::vector<torch::Tensor> images;
    for (std::size_t i = first; i < last; ++i) {
      const auto path = (std::filesystem::path(o.images) / inputs[i].file_name).string();
      images.push_back(imagenet_input(path, o.resize, o.crop));
    }
    const auto logits =
        logits_of(model, torch::stack(images), o.model).to(torch::kFloat32).contiguous();
    logits_digest.update(logits.data_ptr<float>(), logits.numel() * sizeof(float));
    if (first == 0) check_label_range(labels, logits.size(1));
    const long classes = logits.size(1);
    for (std::size_t i = first; i < last; ++i) {
      const auto [c, prob] = top1(logits.data_ptr<float>() + (i - first) * classes, classes);
      const bool right = c == inputs[i].label;
      csv += fmt::format("{},{},{:.6f},{},{},{}\n", inputs[i].file_name, c, prob, inputs[i].label,
                         right ? 1 : 0, origin);
      summary.correct += right;
    }
  }
  summary.inputs = static_cast<long>(inputs.size());
  summary.logits_sha256 = logits_digest.hex();
  write_atomically(o.out, csv);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

} // namespace muxsim::learn
