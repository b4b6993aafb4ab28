#include "core/formats/trace.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"

#include <algorithm>
#include <cstdint>
#include <fmt/format.h>

namespace muxsim {

namespace {

const std::string kCorrect = "correct_";

// input_id is unique. Sorting indices costs 4 bytes an input, where a set of the ids would
// cost about as much as the trace. Reports the repeat that comes first in the file.
void require_unique_ids(const DecisionTrace& trace, const std::vector<int>& lines,
                        const std::string& path) {
  std::vector<std::uint32_t> order(trace.inputs.size());
  for (std::uint32_t i = 0; i < order.size(); ++i)
    order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
    return trace.inputs[a].input_id < trace.inputs[b].input_id;
  });
  std::size_t repeat = order.size();
  for (std::size_t k = 1; k < order.size(); ++k)
    if (trace.inputs[order[k]].input_id == trace.inputs[order[k - 1]].input_id &&
        (repeat == order.size() || lines[order[k]] < lines[order[repeat]]))
      repeat = k;
  if (repeat == order.size()) return;
  const TraceInput& in = trace.inputs[order[repeat]];
  throw InputError(where(path, lines[order[repeat]], "input_id") + ": '" + in.input_id +
                   "' appears twice (first on line " + std::to_string(lines[order[repeat - 1]]) +
                   ")");
}

} // namespace

int DecisionTrace::model_index(const std::string& model) const {
  for (std::size_t i = 0; i < models.size(); ++i)
    if (models[i] == model) return static_cast<int>(i);
  return -1;
}

int DecisionTrace::require_model(const std::string& model, const std::string& context) const {
  const int i = model_index(model);
  if (i >= 0) return i;
  throw InputError(context + ": unknown model '" + model + "'; the trace has: " + join(models));
}

double DecisionTrace::accuracy(int model) const {
  if (inputs.empty()) return 0;
  double right = 0;
  for (const auto& in : inputs)
    right += in.correct[model] ? 1 : 0;
  return right / static_cast<double>(inputs.size());
}

namespace {

struct ModelColumns {
  std::size_t pred, conf, correct, score, early;
};

// Where each field of a trace is, found once from the header.
struct TraceColumns {
  std::vector<ModelColumns> models;
  bool early = false, region = false;
  std::size_t id, label, fold, provenance, region_column = 0;
};

// The trace's models (one per correct_<model> column) and where every column is.
TraceColumns trace_columns(const CsvReader& csv, const std::string& path, DecisionTrace& trace) {
  csv.require_columns({"input_id", "label", "fold", "provenance"});
  for (const auto& column : csv.header())
    if (column.rfind(kCorrect, 0) == 0) trace.models.push_back(column.substr(kCorrect.size()));
  if (trace.models.empty())
    throw InputError(where(path, 1, "correct_<model>") + ": no model columns in the trace");
  for (const auto& m : trace.models)
    csv.require_columns({"pred_" + m, "conf_" + m, "correct_" + m, "score_" + m});
  // The early multiplexer's columns are optional, but all or none.
  TraceColumns c;
  for (const auto& m : trace.models)
    c.early = c.early || csv.has_column("early_" + m);
  if (c.early)
    for (const auto& m : trace.models)
      if (!csv.has_column("early_" + m))
        throw InputError(where(path, 1, "early_" + m) +
                         ": missing; early_<model> columns must cover every model or none");
  for (const auto& m : trace.models)
    c.models.push_back({csv.column_index("pred_" + m), csv.column_index("conf_" + m),
                        csv.column_index("correct_" + m), csv.column_index("score_" + m),
                        c.early ? csv.column_index("early_" + m) : 0});
  c.id = csv.column_index("input_id");
  c.label = csv.column_index("label");
  c.fold = csv.column_index("fold");
  c.provenance = csv.column_index("provenance");
  c.region = csv.has_column("region");
  if (c.region) c.region_column = csv.column_index("region");
  return c;
}

// A class index or fold: an integer in [0, 2^31).
int read_index(const CsvReader& csv, std::size_t column, const std::string& path) {
  const long v = csv.integer(column);
  if (v < 0 || v > 2147483647L)
    throw InputError(where(path, csv.line(), csv.header()[column]) +
                     ": must be an integer in [0, 2^31), got " + csv.text(column));
  return static_cast<int>(v);
}

double read_probability(const CsvReader& csv, std::size_t column, const std::string& path) {
  const double v = csv.number(column);
  if (v < 0 || v > 1)
    throw InputError(where(path, csv.line(), csv.header()[column]) + ": must be in [0, 1]");
  return v;
}

// One model's fields of the current row.
void read_model(const CsvReader& csv, const ModelColumns& c, const std::string& model,
                const std::string& path, bool early, TraceInput& in) {
  in.pred.push_back(read_index(csv, c.pred, path));
  in.conf.push_back(read_probability(csv, c.conf, path));
  const long right = csv.integer(c.correct);
  if (right != 0 && right != 1)
    throw InputError(where(path, csv.line(), "correct_" + model) + ": must be 0 or 1");
  // correct_ is derived from pred_ and label; a trace where they disagree was edited.
  if ((right == 1) != (in.pred.back() == in.label))
    throw InputError(where(path, csv.line(), "correct_" + model) + ": " + std::to_string(right) +
                     " disagrees with pred_" + model + " = " + std::to_string(in.pred.back()) +
                     " and label = " + std::to_string(in.label));
  in.correct.push_back(right == 1);
  in.score.push_back(read_probability(csv, c.score, path));
  if (early) in.early.push_back(read_probability(csv, c.early, path));
}

TraceInput read_input(const CsvReader& csv, const TraceColumns& c,
                      const std::vector<std::string>& models, const std::string& path) {
  TraceInput in;
  in.input_id = csv.text(c.id);
  in.label = read_index(csv, c.label, path);
  in.fold = read_index(csv, c.fold, path);
  in.pred.reserve(models.size());
  in.conf.reserve(models.size());
  in.correct.reserve(models.size());
  in.score.reserve(models.size());
  for (std::size_t m = 0; m < models.size(); ++m)
    read_model(csv, c.models[m], models[m], path, c.early, in);
  if (c.region) {
    const long region = csv.integer(c.region_column);
    if (region < 0 || region > 2)
      throw InputError(where(path, csv.line(), "region") +
                       ": must be 0 (easy), 1 (medium) or 2 (hard)");
    in.region = static_cast<int>(region);
  }
  return in;
}

} // namespace

DecisionTrace read_trace(const std::string& path) {
  // Read a record at a time: a trace of millions of inputs is never held as text.
  CsvReader csv(path);
  DecisionTrace trace;
  const TraceColumns columns = trace_columns(csv, path, trace);
  std::vector<int> lines; // each input's line, for the duplicate check at the end
  // Reserved once: growing by doubling would hold two copies of the inputs for a moment.
  const std::size_t most = count_lines(path);
  trace.inputs.reserve(most);
  lines.reserve(most);
  while (csv.next()) {
    lines.push_back(csv.line());
    if (trace.inputs.empty()) trace.provenance = csv.text(columns.provenance);
    trace.inputs.push_back(read_input(csv, columns, trace.models, path));
  }
  if (trace.inputs.empty()) throw InputError(path + ": the trace has no inputs");
  require_unique_ids(trace, lines, path);
  return trace;
}

std::string trace_csv(const DecisionTrace& trace) {
  std::string out = "input_id,label,fold";
  for (const auto& m : trace.models)
    out += fmt::format(",pred_{0},conf_{0},correct_{0},score_{0}", m);
  if (trace.has_early())
    for (const auto& m : trace.models)
      out += ",early_" + m;
  if (trace.has_region()) out += ",region";
  out += ",provenance\n";
  for (const auto& in : trace.inputs) {
    out += fmt::format("{},{},{}", in.input_id, in.label, in.fold);
    for (std::size_t m = 0; m < trace.models.size(); ++m)
      out += fmt::format(",{},{:.6f},{},{:.6f}", in.pred[m], in.conf[m], in.correct[m] ? 1 : 0,
                         in.score[m]);
    for (const double e : in.early)
      out += fmt::format(",{:.6f}", e);
    if (trace.has_region()) out += fmt::format(",{}", in.region);
    out += "," + trace.provenance + "\n";
  }
  return out;
}

} // namespace muxsim
