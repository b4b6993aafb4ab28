#pragma once
// The quantized engine int8 models run on, chosen on purpose (docs/reproducibility.md).
// LibTorch's default is the last engine it supports: in Debian's 1.13 that is oneDNN, whose
// int8 kernels depend on the CPU's instruction set, so the same model gives other
// answers on other machines. QNNPACK's x86 kernels are the same on every x86-64 CPU.
#include <string>

namespace muxsim::learn {

inline constexpr const char* kDefaultQEngine = "qnnpack";

// Sets the process's quantized engine: "qnnpack" or "onednn". Throws InputError naming
// --qengine for another name or an engine this LibTorch was built without.
void use_qengine(const std::string& name);

// The engine in use, as --qengine spells it.
std::string qengine_in_use();

} // namespace muxsim::learn
