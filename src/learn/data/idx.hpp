#pragma once
// IDX files (the MNIST / Fashion-MNIST format), read straight from their .gz with zlib.
#include "learn/data/dataset_paths.hpp"

#include <string>
#include <torch/torch.h>

namespace muxsim::learn {

struct IdxSet {
  torch::Tensor images; // [N, 1, 28, 28] float in [0, 1]
  torch::Tensor labels; // [N] int64
};

// Reads DIR/{prefix}-images-idx3-ubyte.gz and DIR/{prefix}-labels-idx1-ubyte.gz
// (prefix "train" or "t10k"). A missing file says how to install the Debian dataset; a
// corrupt one names the file and what is wrong.
IdxSet read_fashion_mnist(const std::string& dir, const std::string& prefix);

} // namespace muxsim::learn
