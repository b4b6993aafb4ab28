#include "core/formats/profile.hpp"

#include "core/base/input_error.hpp"
#include "core/base/limits.hpp"
#include "core/formats/csv.hpp"

namespace muxsim {

namespace {

constexpr ProfileKind kKinds[] = {ProfileKind::Published, ProfileKind::Measured,
                                  ProfileKind::Derived};

// The kind column's value as a kind; one message naming file, line and field otherwise.
ProfileKind parse_kind(const std::string& text, const std::string& path, int line) {
  for (ProfileKind kind : kKinds)
    if (text == profile_kind_name(kind)) return kind;
  throw InputError(where(path, line, "kind") + ": '" + text +
                   "' is not one of published, measured, derived");
}

} // namespace

const char* profile_kind_name(ProfileKind kind) {
  switch (kind) {
  case ProfileKind::Published:
    return "published";
  case ProfileKind::Measured:
    return "measured";
  case ProfileKind::Derived:
    return "derived";
  }
  return "derived";
}

void ProfileSet::load(const std::string& path) {
  const CsvTable table = CsvTable::read(path);
  table.require_columns(
      {"device", "model", "flops", "latency_ms", "energy_mj", "accuracy", "source", "kind"});
  for (std::size_t r = 0; r < table.rows(); ++r) {
    ModelProfile p;
    p.device = table.text(r, "device");
    p.model = table.text(r, "model");
    p.gflops = table.number(r, "flops");
    p.latency_ms = table.number(r, "latency_ms");
    p.energy_mj = table.number(r, "energy_mj");
    p.accuracy = table.number(r, "accuracy");
    p.source = table.text(r, "source");
    const int line = table.line(r);
    if (p.device.empty()) throw InputError(where(path, line, "device") + ": empty");
    if (p.model.empty()) throw InputError(where(path, line, "model") + ": empty");
    for (auto [field, value] :
         {std::pair{"flops", p.gflops}, {"latency_ms", p.latency_ms}, {"energy_mj", p.energy_mj}})
      if (value < 0 || value > kLargestValue)
        throw InputError(where(path, line, field) + ": " +
                         (value < 0 ? "negative value" : "above 1e9"));
    if (p.accuracy < 0 || p.accuracy > 1)
      throw InputError(where(path, line, "accuracy") + ": must be a fraction in [0, 1]");
    if (p.source.empty())
      throw InputError(where(path, line, "source") + ": every figure needs a source");
    p.kind = parse_kind(table.text(r, "kind"), path, line);
    // A timing depends on the machine: a measured row names the quantized engine and the
    // CPU's instruction set it ran with (docs/reproducibility.md).
    if (p.kind == ProfileKind::Measured)
      for (const char* field : {"qengine", "isa"})
        if (!table.has_column(field) || table.text(r, field).empty())
          throw InputError(where(path, line, field) +
                           ": a measured row names the quantized engine and the CPU's "
                           "instruction set it ran with (columns qengine, isa)");
    if (has(p.device, p.model))
      throw InputError(where(path, line, "model") + ": " + p.device + "/" + p.model +
                       " is profiled twice");
    rows_.push_back(p);
  }
}

void ProfileSet::add(const ModelProfile& row) {
  rows_.push_back(row);
}

bool ProfileSet::has(const std::string& device, const std::string& model) const {
  for (const auto& r : rows_)
    if (r.device == device && r.model == model) return true;
  return false;
}

const ModelProfile& ProfileSet::get(const std::string& device, const std::string& model) const {
  std::vector<std::string> known;
  for (const auto& r : rows_) {
    if (r.device == device && r.model == model) return r;
    if (r.device == device) known.push_back(r.model);
  }
  throw InputError("unknown model '" + model + "' on device '" + device + "'; known: " +
                   (known.empty() ? "(no profile loaded for this device)" : join(known)));
}

} // namespace muxsim
