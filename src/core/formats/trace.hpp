#pragma once
// The decision trace: one row per input, per model the predicted class, its confidence,
// whether it was correct and the multiplexer's score, plus the fold the score came from
// (scores are out-of-fold), and optionally the early multiplexer's score per model. See
// docs/formats.md.
#include <string>
#include <vector>

namespace muxsim {

struct TraceInput {
  std::string input_id;
  int label = 0;
  int fold = 0;
  std::vector<int> pred;     // per model
  std::vector<double> conf;  // per model, softmax confidence of pred
  std::vector<bool> correct; // per model
  std::vector<double> score; // per model, multiplexer's estimate that the model is right
  // per model, the early multiplexer's estimate (it reads the phone model's prefix); empty
  // when the trace has no early_<model> columns
  std::vector<double> early{};
  // DIMEC-DC's predicted difficulty region, 0 easy, 1 medium, 2 hard; -1 when the trace has
  // no `region` column
  int region = -1;
};

struct DecisionTrace {
  std::vector<std::string> models;
  std::vector<TraceInput> inputs;
  // "real", "synthetic" or "reconstructed from published marginals"; written per row so a
  // notebook can never lose it. A real trace built from muxsim's own measurements goes on to
  // name what they depend on, e.g. "real; mobilenet_v2 model_sha256=... qengine=qnnpack
  // isa=avx2" (docs/reproducibility.md).
  std::string provenance;

  bool has_early() const { return !inputs.empty() && !inputs.front().early.empty(); }
  bool has_region() const { return !inputs.empty() && inputs.front().region >= 0; }
  int model_index(const std::string& model) const; // -1 when absent
  // Throws InputError naming the trace's models when `model` is absent.
  int require_model(const std::string& model, const std::string& context) const;
  double accuracy(int model) const;
};

DecisionTrace read_trace(const std::string& path);
std::string trace_csv(const DecisionTrace& trace);

} // namespace muxsim
