#include "core/base/input_error.hpp"

namespace muxsim {

std::string where(const std::string& file, int line, const std::string& field) {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (!field.empty()) out += ": field '" + field + "'";
  return out;
}

} // namespace muxsim
