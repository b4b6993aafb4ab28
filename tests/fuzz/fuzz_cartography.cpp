// Data cartography CSV, read for DIMEC-DC against a three-model zoo of 4 training images.
#include "fuzz_file.hpp"
#include "learn/zoo/cartography.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return muxsim::fuzz::parse_bytes(data, size, ".csv", [](const std::string& path) {
    muxsim::learn::read_regions(path, {"mobile", "resnet", "wide-resnet"}, 4, "mobile", "zoo");
  });
}
