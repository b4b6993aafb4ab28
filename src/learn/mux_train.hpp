#pragma once
// Out-of-fold training of the multiplexer on per-input correctness (README "Multiplexer"):
// k networks, network f trained on every fold but f and scoring only fold f, so no input
// is ever scored by a network that saw it.
#include <cstdint>
#include <torch/torch.h>
#include <vector>

namespace muxsim::learn {

struct MuxTrainOptions {
  int folds = 5;
  int epochs = 15;
  int batch = 64;
  double learning_rate = 1e-3;
  double weight_decay = 1e-4;
  std::uint64_t seed = 1;
  bool progress = true; // one line per fold on stderr
};

struct OutOfFoldScores {
  std::vector<int> fold;                         // per input
  std::vector<std::vector<double>> score;        // [input][model], sigmoid outputs
  std::vector<std::vector<std::size_t>> trained; // [fold] the inputs its network trained on
  double gmacs = 0;                              // of one multiplexer forward pass
};

// images: [N, C, side, side], normalised. correct: [N][models].
OutOfFoldScores train_out_of_fold(const torch::Tensor& images,
                                  const std::vector<std::vector<bool>>& correct,
                                  const MuxTrainOptions& options);

} // namespace muxsim::learn
