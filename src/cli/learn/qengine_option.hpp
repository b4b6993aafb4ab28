#pragma once
// --qengine, for every command that runs a quantized model (docs/reproducibility.md).
#include "cli/options.hpp"
#include "learn/measure/qengine.hpp"

#include <string>

namespace muxsim::cli {

inline void add_qengine_option(po::options_description& options, std::string& qengine) {
  options.add_options()("qengine", po::value(&qengine)->default_value(qengine),
                        "quantized engine of int8 models: qnnpack (the same answers on every "
                        "x86-64 CPU) or onednn (faster; answers depend on the CPU's ISA)");
}

} // namespace muxsim::cli
