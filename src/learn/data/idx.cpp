#include "learn/data/idx.hpp"

#include "core/base/input_error.hpp"
#include "learn/data/idx_format.hpp"

#include <filesystem>
#include <vector>

namespace muxsim::learn {

IdxSet read_fashion_mnist(const std::string& dir, const std::string& prefix) {
  const auto images_path =
      (std::filesystem::path(dir) / (prefix + "-images-idx3-ubyte.gz")).string();
  const auto labels_path =
      (std::filesystem::path(dir) / (prefix + "-labels-idx1-ubyte.gz")).string();
  auto image_bytes = gunzip(images_path);
  auto label_bytes = gunzip(labels_path);
  const auto shape = idx_shape(image_bytes, images_path, 3);
  const auto count = idx_shape(label_bytes, labels_path, 1);
  if (count[0] != shape[0])
    throw InputError(labels_path + ": " + std::to_string(count[0]) + " labels for " +
                     std::to_string(shape[0]) + " images in " + images_path);
  if (shape[1] != 28 || shape[2] != 28)
    throw InputError(images_path + ": images of " + std::to_string(shape[1]) + "x" +
                     std::to_string(shape[2]) + " pixels; Fashion-MNIST's are 28x28");
  IdxSet set;
  set.images = torch::from_blob(image_bytes.data() + idx_data_offset(3),
                                {shape[0], 1, shape[1], shape[2]}, torch::kUInt8)
                   .to(torch::kFloat32)
                   .div(255.0f);
  set.labels = torch::from_blob(label_bytes.data() + idx_data_offset(1), {count[0]}, torch::kUInt8)
                   .to(torch::kLong);
  if (set.labels.max().item<int64_t>() > 9)
    throw InputError(labels_path + ": a label above 9; Fashion-MNIST has 10 classes");
  return set;
}

} // namespace muxsim::learn
