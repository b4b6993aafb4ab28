#pragma once
// The head of an early multiplexer (docs/imagenet.md): from the pooled activation
// after block k of the phone model to one logit per model, "is that model right?".
// Features are standardised with the training rows' mean and deviation; the loss per model
// is the mean log-loss plus an L2 penalty |w|^2 / (2 n C) (scikit-learn's convention);
// L-BFGS with a strong-Wolfe line search, at most 300 iterations. The penalty's C is the
// one tuned hyperparameter, by nested cross-validation: inside each outer fold's training
// rows, an inner k-fold picks from `c_grid` the C with the best mean AUC over the models.
#include <string>
#include <torch/torch.h>
#include <vector>

namespace muxsim::learn {

// The head's form: a logistic regression, or an MLP of one hidden layer of `hidden` ReLUs.
enum class HeadKind { Logistic, Mlp };

// As --head spells it.
const char* head_kind_name(HeadKind kind);

// --head's text as a kind; throws InputError naming --head and the kinds otherwise.
HeadKind parse_head_kind(const std::string& text);

struct HeadOptions {
  HeadKind kind = HeadKind::Logistic;
  int hidden = 64;
  std::vector<double> c_grid{0.001, 0.01, 0.1, 1.0};
  int inner_folds = 4;
  std::uint64_t seed = 1;
};

// Picks C on features[train_rows] by the inner folds, trains on all of train_rows against
// targets[train_rows] ({0,1}, [N, models]) and returns the sigmoid scores of
// features[score_rows], [score_rows, models]. `chosen_c`, when given, receives the C.
torch::Tensor fit_and_score_head(const torch::Tensor& features, const torch::Tensor& targets,
                                 const std::vector<std::size_t>& train_rows,
                                 const std::vector<std::size_t>& score_rows,
                                 const HeadOptions& options, double* chosen_c = nullptr);

// Multiply-accumulates of one head evaluation on `width` features with `outputs` outputs
// (the standardisation folds into the first layer's weights).
long head_macs(long width, long outputs, const HeadOptions& options);

// Throws InputError unless hidden is at least 1, the grid holds positive finite values and
// inner_folds is at least 2 (the kind was checked when --head was parsed).
void check_head_options(const HeadOptions& options);

} // namespace muxsim::learn
