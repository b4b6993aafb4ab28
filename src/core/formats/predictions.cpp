#include "core/formats/predictions.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"

namespace muxsim {

namespace {

// What a measured file's answers depend on (docs/reproducibility.md). muxsim
// predict's files (they have a `correct` column) must say it; imported ones may.
std::string read_origin(const CsvTable& table) {
  const char* fields[] = {"model_sha256", "qengine", "isa"};
  bool any = false;
  for (const char* f : fields)
    any = any || table.has_column(f);
  if (!any && !table.has_column("correct")) return "";
  for (const char* f : fields)
    if (!table.has_column(f))
      throw InputError(where(table.name(), 1, f) +
                       ": missing; measured predictions name the model's sha256, the quantized "
                       "engine and the CPU's ISA (model_sha256,qengine,isa)");
  std::string origin;
  for (const char* f : fields) {
    const std::string first = table.rows() ? table.text(0, f) : "";
    for (std::size_t r = 0; r < table.rows(); ++r) {
      const std::string value = table.text(r, f);
      if (value.empty()) throw InputError(where(table.name(), table.line(r), f) + ": empty");
      if (value != first)
        throw InputError(where(table.name(), table.line(r), f) + ": '" + value +
                         "' differs from line " + std::to_string(table.line(0)) + "'s '" + first +
                         "'; a predictions file holds one run");
    }
    origin += std::string(origin.empty() ? "" : " ") + f + "=" + first;
  }
  return origin;
}

} // namespace

PredictionTable read_predictions(const std::string& path) {
  const CsvTable table = CsvTable::read(path);
  table.require_columns({"file_name", "predicted_class", "predicted_probability"});
  const bool labelled = table.has_column("label");
  PredictionTable out{path, {}, read_origin(table)};
  for (std::size_t r = 0; r < table.rows(); ++r) {
    Prediction p;
    p.line = table.line(r);
    p.predicted_class = static_cast<int>(table.integer(r, "predicted_class"));
    p.probability = table.number(r, "predicted_probability");
    if (labelled) p.label = static_cast<int>(table.integer(r, "label"));
    if (p.predicted_class < 0)
      throw InputError(where(path, p.line, "predicted_class") + ": negative class index");
    if (p.probability < 0 || p.probability > 1)
      throw InputError(where(path, p.line, "predicted_probability") + ": must be in [0, 1]");
    const auto [it, fresh] = out.by_file.emplace(table.text(r, "file_name"), p);
    if (!fresh)
      throw InputError(where(path, p.line, "file_name") + ": '" + it->first +
                       "' is already predicted on line " + std::to_string(it->second.line));
  }
  if (out.by_file.empty()) throw InputError(path + ": no predictions");
  return out;
}

namespace {

// The either-side check against the ground truth the predictions were made on.
void check_against_truth(const PredictionTable& predictions, const LabelSet& truth) {
  std::map<std::string, int> truth_lines;
  for (const auto& t : truth.inputs)
    truth_lines.emplace(t.file_name, t.line);
  for (const auto& [file, p] : predictions.by_file)
    if (!truth_lines.count(file))
      throw InputError(where(predictions.path, p.line, "file_name") + ": '" + file +
                       "' is not in the ground truth " + truth.path);
  for (const auto& t : truth.inputs)
    if (!predictions.by_file.count(t.file_name))
      throw InputError(where(truth.path, t.line, "file_name") + ": '" + t.file_name +
                       "' has no prediction in " + predictions.path);
}

InputError label_conflict(const std::string& file, int line, int label, const LabelSet& labels,
                          const LabelledInput& in) {
  return InputError(where(file, line, "label") + ": " + std::to_string(label) + " for '" +
                    in.file_name + "', but " + labels.path + " line " + std::to_string(in.line) +
                    " says " + std::to_string(in.label));
}

} // namespace

DecisionTrace join_predictions(const LabelSet& labels, const std::vector<PredictionSource>& sources,
                               const std::string& truth_path) {
  if (sources.empty()) throw InputError("no predictions to join");
  LabelSet truth;
  std::map<std::string, const LabelledInput*> truth_of;
  if (!truth_path.empty()) {
    truth = read_labels(truth_path);
    for (const auto& t : truth.inputs)
      truth_of.emplace(t.file_name, &t);
    for (const auto& in : labels.inputs) {
      const auto t = truth_of.find(in.file_name);
      if (t == truth_of.end())
        throw InputError(where(labels.path, in.line, "file_name") + ": '" + in.file_name +
                         "' is not in the ground truth " + truth_path);
      if (t->second->label != in.label)
        throw label_conflict(truth_path, t->second->line, t->second->label, labels, in);
    }
  }
  DecisionTrace trace;
  trace.provenance = "real";
  trace.inputs.resize(labels.inputs.size());
  for (std::size_t i = 0; i < labels.inputs.size(); ++i) {
    trace.inputs[i].input_id = labels.inputs[i].file_name;
    trace.inputs[i].label = labels.inputs[i].label;
  }
  for (const auto& source : sources) {
    if (trace.model_index(source.model) >= 0)
      throw InputError("model '" + source.model + "' is given twice");
    trace.models.push_back(source.model);
    const PredictionTable table = read_predictions(source.path);
    if (!table.origin.empty()) trace.provenance += "; " + source.model + " " + table.origin;
    const bool self_labelled = table.by_file.begin()->second.label >= 0;
    if (!self_labelled && !truth_path.empty()) check_against_truth(table, truth);
    for (std::size_t i = 0; i < labels.inputs.size(); ++i) {
      const auto& in = labels.inputs[i];
      const auto p = table.by_file.find(in.file_name);
      if (p == table.by_file.end())
        throw InputError(where(labels.path, in.line, "file_name") + ": '" + in.file_name +
                         "' has no prediction in " + source.path);
      if (self_labelled && p->second.label != in.label)
        throw label_conflict(source.path, p->second.line, p->second.label, labels, in);
      auto& row = trace.inputs[i];
      row.pred.push_back(p->second.predicted_class);
      row.conf.push_back(p->second.probability);
      row.correct.push_back(p->second.predicted_class == in.label);
      row.score.push_back(0.0);
    }
  }
  return trace;
}

} // namespace muxsim
