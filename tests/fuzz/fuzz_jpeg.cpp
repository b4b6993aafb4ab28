// JPEG images: header and decode.
#include "fuzz_file.hpp"
#include "learn/data/jpeg_image.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return muxsim::fuzz::parse_bytes(data, size, ".jpg",
                                   [](const std::string& path) { muxsim::learn::read_jpeg(path); });
}
