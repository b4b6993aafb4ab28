#pragma once
// Out-of-fold training of the multiplexer on per-input correctness (docs/imagenet.md):
// k networks, network f trained on every fold but f and scoring only fold f, so no input
// is ever scored by a network that saw it.
#include "learn/mux/mux_net.hpp"

#include <cstdint>
#include <functional>
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

// The k-fold loop every multiplexer shares: `fit_and_score(train_rows, score_rows, fold)`
// trains one network on train_rows only and returns its sigmoid scores, [score_rows, models].
using FoldFit = std::function<torch::Tensor(const std::vector<std::size_t>& train_rows,
                                            const std::vector<std::size_t>& score_rows, int fold)>;
OutOfFoldScores out_of_fold(std::size_t inputs, std::size_t models, int folds, std::uint64_t seed,
                            const FoldFit& fit_and_score, bool progress);

// Rows of a tensor, by index.
torch::Tensor index_tensor(const std::vector<std::size_t>& rows);
// [N][models] correctness as a float {0, 1} tensor.
torch::Tensor correctness_tensor(const std::vector<std::vector<bool>>& correct);

// One 4-conv CNN trained on `rows` of images ([N, C, side, side], normalised, any float type)
// with per-output binary cross-entropy against targets [N, outputs] in [0, 1] (correctness, or
// a soft target such as a confidence); a random horizontal flip per image is the only
// augmentation. The last epoch's mean loss goes to final_loss.
MuxNet train_mux_net(const torch::Tensor& images, const torch::Tensor& targets,
                     const std::vector<std::size_t>& rows, const MuxTrainOptions& options, int fold,
                     double* final_loss);

// The 4-conv CNN on thumbnails. images: [N, C, side, side], normalised. correct: [N][models].
OutOfFoldScores train_out_of_fold(const torch::Tensor& images,
                                  const std::vector<std::vector<bool>>& correct,
                                  const MuxTrainOptions& options);

} // namespace muxsim::learn
