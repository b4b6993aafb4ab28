#include "learn/data/idx_format.hpp"

#include "core/base/input_error.hpp"

#include <array>
#include <filesystem>
#include <memory>
#include <zlib.h>

namespace muxsim::learn {

std::vector<unsigned char> gunzip(const std::string& path) {
  if (!std::filesystem::exists(path))
    throw InputError(path + ": missing; install the dataset with "
                            "'apt-get install dataset-fashion-mnist' or pass --data DIR");
  std::unique_ptr<gzFile_s, int (*)(gzFile)> file(gzopen(path.c_str(), "rb"), &gzclose);
  if (!file) throw InputError(path + ": cannot open");
  std::vector<unsigned char> out;
  std::array<unsigned char, 1 << 16> buffer;
  for (;;) {
    const int n = gzread(file.get(), buffer.data(), buffer.size());
    if (n < 0) throw InputError(path + ": corrupt gzip data");
    if (n == 0) break;
    if (out.size() + static_cast<std::size_t>(n) > kMaxIdxBytes)
      throw InputError(path + ": more than " + std::to_string(kMaxIdxBytes >> 20) +
                       " MiB decompressed; not an IDX dataset muxsim reads");
    out.insert(out.end(), buffer.begin(), buffer.begin() + n);
  }
  return out;
}

namespace {

uint32_t big_endian(const std::vector<unsigned char>& b, std::size_t at) {
  return (uint32_t(b[at]) << 24) | (uint32_t(b[at + 1]) << 16) | (uint32_t(b[at + 2]) << 8) |
         uint32_t(b[at + 3]);
}

} // namespace

std::vector<int64_t> idx_shape(const std::vector<unsigned char>& b, const std::string& path,
                               int dims) {
  const std::size_t header = idx_data_offset(dims);
  if (b.size() < header || b[0] != 0 || b[1] != 0 || b[2] != 0x08 || b[3] != dims)
    throw InputError(path + ": not an IDX file of " + std::to_string(dims) +
                     "-dimensional unsigned bytes (bad magic number)");
  std::vector<int64_t> shape;
  // The product is compared as it grows, so sizes whose product overflows are refused too.
  const std::size_t data = b.size() - header;
  std::size_t expected = 1;
  for (int d = 0; d < dims; ++d) {
    shape.push_back(big_endian(b, 4 + 4 * static_cast<std::size_t>(d)));
    const auto size = static_cast<std::size_t>(shape.back());
    if (size != 0 && expected > data / size) {
      expected = data + 1; // more than the file holds
      break;
    }
    expected *= size;
  }
  if (data != expected)
    throw InputError(path + ": " + std::to_string(data) +
                     " data bytes, but the header's sizes do not match them (truncated?)");
  return shape;
}

} // namespace muxsim::learn
