#pragma once
// `muxsim zoo train`: Algorithm 1, lines 4-10. The six zoo CNNs are trained jointly on
// Fashion-MNIST with cross-entropy plus the contrastive loss (Eq. 2-3), recording data
// cartography on the way (docs/fashion-mnist.md).
#include "learn/zoo/training_run.hpp"
#include "learn/zoo/zoo.hpp"

#include <string>
#include <vector>

namespace muxsim::learn {

struct ZooTrainOptions {
  TrainingRun run{kFashionMnistDir, 2}; // 2 epochs made the committed zoo (scripts/fmnist.sh)
  std::string out;                      // receives zoo-<arch>.pt and zoo.csv
  std::string cartography;              // CSV path; empty: not written
  std::vector<ZooArch> architectures;   // default: all six
  bool contrastive = true;
  double contrastive_weight = 1.0;
  long zoo_images = 50000; // the first ones train the zoo; the rest of the 60,000 train the
                           // multiplexer (muxsim mux train), on inputs the zoo never saw
  int projection_dim = 32;
};

void train_zoo(const ZooTrainOptions& options);

// Fashion-MNIST pixels in [0, 1] mapped to [-1, 1], for every network of the pipeline.
inline constexpr double kPixelShift = 0.5, kPixelScale = 0.5;

} // namespace muxsim::learn
