#include "learn/zoo/cartography.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace muxsim::learn {

int cartography_region(double confidence, double variability) {
  if (variability < 0.2 && confidence >= 0.75) return 0;
  if (variability < 0.2 && confidence < 0.25) return 2;
  return 1;
}

std::vector<int> read_regions(const std::string& path, const std::vector<std::string>& zoo_names,
                              long zoo_images, const std::string& phone,
                              const std::string& zoo_dir) {
  const CsvTable table = CsvTable::read(path);
  table.require_columns({"sample", "model", "confidence", "variability"});
  std::vector<int> region(static_cast<std::size_t>(zoo_images), -1);
  long rows = 0;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const std::string& model = table.text(r, "model");
    if (std::find(zoo_names.begin(), zoo_names.end(), model) == zoo_names.end())
      throw InputError(where(path, table.line(r), "model") + ": '" + model +
                       "' is not in the zoo at " + zoo_dir);
    if (model != phone) continue;
    // Samples are named train-NNNNN, the training image's index.
    const std::string& id = table.text(r, "sample");
    if (id.rfind("train-", 0) != 0)
      throw InputError(where(path, table.line(r), "sample") + ": '" + id +
                       "' is not a training image id train-NNNNN");
    const long sample = parse_integer(id.substr(6), where(path, table.line(r), "sample"));
    if (sample < 0 || sample >= zoo_images)
      throw InputError(where(path, table.line(r), "sample") + ": " + std::to_string(sample) +
                       " is not one of the zoo's " + std::to_string(zoo_images) +
                       " training images");
    auto& slot = region[static_cast<std::size_t>(sample)];
    if (slot >= 0)
      throw InputError(where(path, table.line(r), "sample") + ": " + std::to_string(sample) +
                       " appears twice for '" + phone + "'");
    const double confidence = table.number(r, "confidence");
    const double variability = table.number(r, "variability");
    if (confidence < 0 || confidence > 1)
      throw InputError(where(path, table.line(r), "confidence") + ": " +
                       fmt::format("{}", confidence) + " is not a probability in [0, 1]");
    if (variability < 0 || variability > 0.5)
      throw InputError(where(path, table.line(r), "variability") + ": " +
                       fmt::format("{}", variability) +
                       " is not the standard deviation of probabilities, in [0, 0.5]");
    slot = cartography_region(confidence, variability);
    ++rows;
  }
  if (rows != zoo_images)
    throw InputError(fmt::format("{}: does not match the zoo at {}: it has {} samples of '{}', "
                                 "the zoo trained on {} images",
                                 path, zoo_dir, rows, phone, zoo_images));
  return region;
}

} // namespace muxsim::learn
