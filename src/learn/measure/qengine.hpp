#pragma once
// The quantized engine int8 models run on, chosen on purpose (docs/reproducibility.md).
// LibTorch's default is the last engine it supports: in Debian's 1.13 that is oneDNN, whose
// int8 kernels depend on the CPU's instruction set, so the same model gives other
// answers on other machines. QNNPACK's x86 kernels are the same on every x86-64 CPU.
#include <string>

namespace muxsim::learn {

// The engines --qengine offers.
enum class QEngine { Qnnpack, Onednn };

inline constexpr QEngine kDefaultQEngine = QEngine::Qnnpack;

// As --qengine spells it.
const char* qengine_name(QEngine engine);

// --qengine's text as an engine; throws InputError naming --qengine and the engines otherwise.
QEngine parse_qengine(const std::string& text);

// Sets the process's quantized engine. Throws InputError naming --qengine for an engine this
// LibTorch was built without.
void use_qengine(QEngine engine);

// The engine in use, as --qengine spells it.
std::string qengine_in_use();

} // namespace muxsim::learn
