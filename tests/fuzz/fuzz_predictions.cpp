// Per-image predictions CSV (muxsim predict's output, or imported).
#include "core/formats/predictions.hpp"
#include "fuzz_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return muxsim::fuzz::parse_bytes(data, size, ".csv",
                                   [](const std::string& path) { muxsim::read_predictions(path); });
}
