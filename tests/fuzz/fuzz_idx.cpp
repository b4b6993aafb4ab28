// IDX files (Fashion-MNIST), compressed or not: the first byte picks images (even) or
// labels (odd), the rest is the file.
#include "fuzz_file.hpp"
#include "learn/data/idx_format.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const int dims = data[0] % 2 == 0 ? 3 : 1;
  return muxsim::fuzz::parse_bytes(data + 1, size - 1, ".gz", [dims](const std::string& path) {
    muxsim::learn::idx_shape(muxsim::learn::gunzip(path), path, dims);
  });
}
