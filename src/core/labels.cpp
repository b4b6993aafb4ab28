#include "core/labels.hpp"

#include "core/csv.hpp"
#include "core/input_error.hpp"

#include <map>

namespace muxsim {

LabelSet read_labels(const std::string& path) {
  const CsvTable table = CsvTable::read(path);
  table.require_columns({"file_name", "label"});
  LabelSet set{path, {}};
  std::map<std::string, int> seen;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    LabelledInput in{table.text(r, "file_name"), static_cast<int>(table.integer(r, "label")),
                     table.line(r)};
    if (in.file_name.empty()) throw InputError(where(path, in.line, "file_name") + ": empty");
    if (in.label < 0) throw InputError(where(path, in.line, "label") + ": negative class index");
    const auto [it, fresh] = seen.emplace(in.file_name, in.line);
    if (!fresh)
      throw InputError(where(path, in.line, "file_name") + ": '" + in.file_name +
                       "' is already labelled on line " + std::to_string(it->second));
    set.inputs.push_back(std::move(in));
  }
  if (set.inputs.empty()) throw InputError(path + ": no labelled inputs");
  return set;
}

} // namespace muxsim
