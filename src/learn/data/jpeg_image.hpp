#pragma once
// JPEG decoding with libjpeg-turbo. Kept free of LibTorch so callers that only need pixels
// compile fast.
#include <cstdint>
#include <string>
#include <vector>

namespace muxsim::learn {

// 8-bit RGB, row-major, interleaved (H x W x 3).
struct RgbImage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> pixels;
};

// The largest image decoded, so a forged header cannot size a huge buffer.
constexpr long kMaxJpegPixels = 64'000'000;

// Throws InputError naming the file when it is missing, not a regular file, not a JPEG,
// corrupt, or larger than kMaxJpegPixels.
RgbImage read_jpeg(const std::string& path);

} // namespace muxsim::learn
