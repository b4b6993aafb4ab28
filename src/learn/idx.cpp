#include "learn/idx.hpp"

#include "core/input_error.hpp"

#include <array>
#include <filesystem>
#include <memory>
#include <vector>
#include <zlib.h>

namespace muxsim::learn {

namespace {

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
    out.insert(out.end(), buffer.begin(), buffer.begin() + n);
  }
  return out;
}

uint32_t big_endian(const std::vector<unsigned char>& b, std::size_t at) {
  return (uint32_t(b[at]) << 24) | (uint32_t(b[at + 1]) << 16) | (uint32_t(b[at + 2]) << 8) |
         uint32_t(b[at + 3]);
}

// IDX: magic 0x00 0x00 0x08 (unsigned byte) then the number of dimensions, their sizes
// as big-endian uint32, then the data.
std::vector<int64_t> idx_header(const std::vector<unsigned char>& b, const std::string& path,
                                int dims) {
  const std::size_t header = 4 + 4 * static_cast<std::size_t>(dims);
  if (b.size() < header || b[0] != 0 || b[1] != 0 || b[2] != 0x08 || b[3] != dims)
    throw InputError(path + ": not an IDX file of " + std::to_string(dims) +
                     "-dimensional unsigned bytes (bad magic number)");
  std::vector<int64_t> shape;
  std::size_t expected = 1;
  for (int d = 0; d < dims; ++d) {
    shape.push_back(big_endian(b, 4 + 4 * d));
    expected *= static_cast<std::size_t>(shape.back());
  }
  if (b.size() != header + expected)
    throw InputError(path + ": " + std::to_string(b.size() - header) +
                     " data bytes, but the "
                     "header promises " +
                     std::to_string(expected) + " (truncated?)");
  return shape;
}

} // namespace

IdxSet read_fashion_mnist(const std::string& dir, const std::string& prefix) {
  const auto images_path =
      (std::filesystem::path(dir) / (prefix + "-images-idx3-ubyte.gz")).string();
  const auto labels_path =
      (std::filesystem::path(dir) / (prefix + "-labels-idx1-ubyte.gz")).string();
  auto image_bytes = gunzip(images_path);
  auto label_bytes = gunzip(labels_path);
  const auto shape = idx_header(image_bytes, images_path, 3);
  const auto count = idx_header(label_bytes, labels_path, 1);
  if (count[0] != shape[0])
    throw InputError(labels_path + ": " + std::to_string(count[0]) + " labels for " +
                     std::to_string(shape[0]) + " images in " + images_path);
  IdxSet set;
  set.images =
      torch::from_blob(image_bytes.data() + 16, {shape[0], 1, shape[1], shape[2]}, torch::kUInt8)
          .to(torch::kFloat32)
          .div(255.0f);
  set.labels = torch::from_blob(label_bytes.data() + 8, {count[0]}, torch::kUInt8).to(torch::kLong);
  if (set.labels.max().item<int64_t>() > 9)
    throw InputError(labels_path + ": a label above 9; Fashion-MNIST has 10 classes");
  return set;
}

} // namespace muxsim::learn
