#pragma once
// --qengine, for every command that runs a quantized model (docs/reproducibility.md).
#include "cli/options.hpp"
#include "learn/measure/qengine.hpp"

#include <string>

namespace muxsim::cli {

// --qengine is read as text into `text` (which starts as the default's name) and parsed with
// learn::parse_qengine after the options, so a bad name gets the same message everywhere.
inline void add_qengine_option(po::options_description& options, std::string& text) {
  options.add_options()("qengine", po::value(&text)->default_value(text),
                        "quantized engine of int8 models: qnnpack (the same answers on every "
                        "x86-64 CPU) or onednn (faster; answers depend on the CPU's ISA)");
}

} // namespace muxsim::cli
