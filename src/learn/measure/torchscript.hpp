#pragma once
// Loading TorchScript archives with errors a user can act on.
#include <string>
#include <torch/script.h>

namespace muxsim::learn {

// Throws InputError naming the file when it is missing or not a TorchScript model.
torch::jit::Module load_torchscript(const std::string& path);

// LibTorch's own messages carry a C++ backtrace; keep the first line for the user.
std::string first_line(const std::string& text);

} // namespace muxsim::learn
