// Decision trace CSV.
#include "core/formats/trace.hpp"
#include "fuzz_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return muxsim::fuzz::parse_bytes(data, size, ".csv",
                                   [](const std::string& path) { muxsim::read_trace(path); });
}
