#pragma once
// A trained zoo on disk (zoo.csv plus zoo-<arch>.pt, written by muxsim zoo train), and
// running it over a set of images.
#include "learn/zoo/zoo.hpp"

#include <string>
#include <torch/torch.h>
#include <vector>

namespace muxsim::learn {

struct Zoo {
  std::vector<ZooNet> nets;
  std::vector<std::string> names;
  std::vector<double> gflops;
  int projection_dim = 0;
  long zoo_images = 0; // the training images the zoo learned from (the first ones)
};

// Throws InputError naming the file when the listing or a weight file is missing or bad.
Zoo load_zoo(const std::string& dir);

struct ZooView {
  torch::Tensor probabilities;            // [N, models, 10]
  std::vector<torch::Tensor> projections; // per model [N, D]
};

ZooView run_zoo(Zoo& zoo, const torch::Tensor& images);

// Pooled activations of `net` at each of its cuts (ZooNet::cut_features), [N, C] per cut.
std::vector<torch::Tensor> run_cuts(ZooNet& net, const torch::Tensor& images);

} // namespace muxsim::learn
