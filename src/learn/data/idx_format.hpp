#pragma once
// The IDX file format (MNIST, Fashion-MNIST), read from .gz with zlib. Kept free of LibTorch
// so the fuzz target for this format compiles in seconds.
#include <cstdint>
#include <string>
#include <vector>

namespace muxsim::learn {

// The largest decompressed IDX file read: Fashion-MNIST's training images are 47 MB.
constexpr std::size_t kMaxIdxBytes = std::size_t{512} << 20;

// The whole decompressed file (zlib also reads a file that is not compressed). Throws
// InputError when it is missing, corrupt, or larger than kMaxIdxBytes.
std::vector<unsigned char> gunzip(const std::string& path);

// IDX: magic 0x00 0x00 0x08 (unsigned byte), the number of dimensions, their sizes as
// big-endian uint32, then the data. Returns the sizes; throws InputError naming `path` when
// the magic number, the dimension count or the data length is wrong.
std::vector<int64_t> idx_shape(const std::vector<unsigned char>& bytes, const std::string& path,
                               int dims);

// Where the data starts in an IDX file of `dims` dimensions.
constexpr std::size_t idx_data_offset(int dims) {
  return 4 + 4 * static_cast<std::size_t>(dims);
}

} // namespace muxsim::learn
