#include "core/trace.hpp"

#include "core/csv.hpp"
#include "core/input_error.hpp"

#include <fmt/format.h>
#include <map>

namespace muxsim {

namespace {
const std::string kCorrect = "correct_";
}

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

DecisionTrace read_trace(const std::string& path) {
  const CsvTable table = CsvTable::read(path);
  table.require_columns({"input_id", "label", "fold", "provenance"});
  DecisionTrace trace;
  for (const auto& column : table.header())
    if (column.rfind(kCorrect, 0) == 0) trace.models.push_back(column.substr(kCorrect.size()));
  if (trace.models.empty())
    throw InputError(where(path, 1, "correct_<model>") + ": no model columns in the trace");
  for (const auto& m : trace.models)
    table.require_columns({"pred_" + m, "conf_" + m, "correct_" + m, "score_" + m});
  // The early multiplexer's columns are optional, but all or none.
  std::size_t early = 0;
  for (const auto& m : trace.models)
    early += table.has_column("early_" + m);
  if (early > 0)
    for (const auto& m : trace.models)
      if (!table.has_column("early_" + m))
        throw InputError(where(path, 1, "early_" + m) +
                         ": missing; early_<model> columns must cover every model or none");
  if (table.rows() == 0) throw InputError(path + ": the trace has no inputs");
  // A class index or fold: an integer in [0, 2^31).
  auto index = [&](std::size_t r, const std::string& column) {
    const long v = table.integer(r, column);
    if (v < 0 || v > 2147483647L)
      throw InputError(where(path, table.line(r), column) +
                       ": must be an integer in [0, 2^31), got " + table.text(r, column));
    return static_cast<int>(v);
  };
  std::map<std::string, int> first_line;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    TraceInput in;
    in.input_id = table.text(r, "input_id");
    const auto [seen, fresh] = first_line.emplace(in.input_id, table.line(r));
    if (!fresh)
      throw InputError(where(path, table.line(r), "input_id") + ": '" + in.input_id +
                       "' appears twice (first on line " + std::to_string(seen->second) + ")");
    in.label = index(r, "label");
    in.fold = index(r, "fold");
    for (const auto& m : trace.models) {
      in.pred.push_back(index(r, "pred_" + m));
      const double conf = table.number(r, "conf_" + m);
      if (conf < 0 || conf > 1)
        throw InputError(where(path, table.line(r), "conf_" + m) + ": must be in [0, 1]");
      in.conf.push_back(conf);
      const long c = table.integer(r, "correct_" + m);
      if (c != 0 && c != 1)
        throw InputError(where(path, table.line(r), "correct_" + m) + ": must be 0 or 1");
      // correct_ is derived from pred_ and label; a trace where they disagree was edited.
      if ((c == 1) != (in.pred.back() == in.label))
        throw InputError(where(path, table.line(r), "correct_" + m) + ": " + std::to_string(c) +
                         " disagrees with pred_" + m + " = " + std::to_string(in.pred.back()) +
                         " and label = " + std::to_string(in.label));
      in.correct.push_back(c == 1);
      const double s = table.number(r, "score_" + m);
      if (s < 0 || s > 1)
        throw InputError(where(path, table.line(r), "score_" + m) + ": must be in [0, 1]");
      in.score.push_back(s);
      if (early > 0) {
        const double e = table.number(r, "early_" + m);
        if (e < 0 || e > 1)
          throw InputError(where(path, table.line(r), "early_" + m) + ": must be in [0, 1]");
        in.early.push_back(e);
      }
    }
    if (table.has_column("region")) {
      const long region = table.integer(r, "region");
      if (region < 0 || region > 2)
        throw InputError(where(path, table.line(r), "region") +
                         ": must be 0 (easy), 1 (medium) or 2 (hard)");
      in.region = static_cast<int>(region);
    }
    if (r == 0) trace.provenance = table.text(r, "provenance");
    trace.inputs.push_back(std::move(in));
  }
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
