#include "core/formats/labels.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <set>

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

void require_labelled_folder(const std::string& folder, const LabelSet& labels) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(folder)) throw InputError(folder + ": no such image folder");
  std::set<std::string> labelled;
  for (const auto& in : labels.inputs)
    labelled.insert(in.file_name);
  std::set<std::string> present;
  for (const auto& entry : fs::directory_iterator(folder)) {
    std::string ext = entry.path().extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ext != ".jpg" && ext != ".jpeg") continue;
    const std::string name = entry.path().filename().string();
    present.insert(name);
    if (!labelled.count(name))
      throw InputError(entry.path().string() + ": image has no label in " + labels.path);
  }
  for (const auto& in : labels.inputs)
    if (!present.count(in.file_name))
      throw InputError(where(labels.path, in.line, "file_name") + ": '" + in.file_name +
                       "' is not in " + folder);
}

} // namespace muxsim
