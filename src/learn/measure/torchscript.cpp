#include "learn/measure/torchscript.hpp"

#include "core/base/input_error.hpp"

#include <filesystem>

namespace muxsim::learn {

std::string first_line(const std::string& text) {
  return text.substr(0, text.find('\n'));
}

torch::jit::Module load_torchscript(const std::string& path) {
  if (!std::filesystem::is_regular_file(path))
    throw InputError(path + ": no such TorchScript file");
  try {
    auto module = torch::jit::load(path, torch::kCPU);
    module.eval();
    return module;
  } catch (const c10::Error& e) {
    throw InputError(path + ": not a TorchScript model (" + first_line(e.what()) + ")");
  }
}

} // namespace muxsim::learn
