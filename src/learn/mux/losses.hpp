#pragma once
// The losses of Algorithm 1 (docs/fashion-mnist.md).
#include <torch/torch.h>
#include <vector>

namespace muxsim::learn {

// Smallest probability a log is taken of: the loss stays finite (-log 1e-6 = 13.8).
constexpr double kLogFloor = 1e-6;

// Eq. 2-3, the contrastive loss over the zoo's projected embeddings. For every pair of
// models (i, j) and every input:
//   both right: pull together, -log((1 + cos) / 2)
//   one right, one wrong: push apart, -log((1 - cos) / 2)
//   both wrong: no term.
// The paper takes the log of the cosine itself, which is -inf at cos = 0 and undefined
// below; mapping the cosine to (1 + cos) / 2 in [0, 1] and flooring it at kLogFloor keeps
// the sign and ordering of the paper's terms and makes every term finite and >= 0.
// The result is the sum of terms over the number of (input, pair) slots.
// projections: per model [B, D] unit vectors; correct: [B, models] of 0/1.
torch::Tensor contrastive_loss(const std::vector<torch::Tensor>& projections,
                               const torch::Tensor& correct);

// Eq. 4-7, the multiplexer loss. Its N outputs m (logits) become weights
// w = softmax(m_i / (F_i / F_max)) (Eq. 5-6: divided by each model's relative cost), and
// L_mux = -log(sum_i w_i c_i), the weight put on models that are right (Eq. 7), averaged
// over inputs some model gets right (the rest carry no signal).
// gflops: [models]. correct: [B, models].
torch::Tensor mux_loss(const torch::Tensor& logits, const torch::Tensor& gflops,
                       const torch::Tensor& correct);

// Eq. 8, distillation: the multiplexer's projected embedding p (unit length) is drawn
// toward each zoo model's projection z_i: mean over models and inputs of 1 - cos(p, z_i).
// The zoo's projections are targets (detached).
torch::Tensor distillation_loss(const torch::Tensor& mux_projection,
                                const std::vector<torch::Tensor>& zoo_projections);

} // namespace muxsim::learn
