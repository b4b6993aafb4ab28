#include "learn/early/feature_head.hpp"

#include "core/base/input_error.hpp"
#include "core/mux/folds.hpp"
#include "core/mux/roc.hpp"
#include "learn/mux/mux_train.hpp"

#include <cmath>
#include <stdexcept>

namespace muxsim::learn {

namespace {

// One head with penalty C, trained on `train_rows`, scoring `score_rows`.
torch::Tensor fit_once(const torch::Tensor& features, const torch::Tensor& targets,
                       const std::vector<std::size_t>& train_rows,
                       const std::vector<std::size_t>& score_rows, const HeadOptions& o, double c) {
  torch::manual_seed(o.seed);
  const auto x_train = features.index_select(0, index_tensor(train_rows));
  const auto y_train = targets.index_select(0, index_tensor(train_rows));
  const auto mean = x_train.mean(0);
  const auto deviation = x_train.std(0).clamp_min(1e-6);
  const auto x = (x_train - mean) / deviation;
  const long width = features.size(1), outputs = targets.size(1);

  torch::nn::Sequential head;
  switch (o.kind) {
  case HeadKind::Mlp:
    head->push_back(torch::nn::Linear(width, o.hidden));
    head->push_back(torch::nn::ReLU());
    head->push_back(torch::nn::Linear(o.hidden, outputs));
    break;
  case HeadKind::Logistic:
    head->push_back(torch::nn::Linear(width, outputs));
    break;
  }
  std::vector<torch::Tensor> weights;
  for (const auto& p : head->named_parameters())
    if (p.key().find("weight") != std::string::npos) weights.push_back(p.value());
  const double n = static_cast<double>(train_rows.size());
  torch::optim::LBFGS optimiser(
      head->parameters(),
      torch::optim::LBFGSOptions(1).max_iter(300).line_search_fn("strong_wolfe"));
  auto closure = [&] {
    optimiser.zero_grad();
    // Per model: mean log-loss over the rows + |w|^2 / (2 n C), summed over the models.
    namespace F = torch::nn::functional;
    auto loss = F::binary_cross_entropy_with_logits(
                    head->forward(x), y_train,
                    F::BinaryCrossEntropyWithLogitsFuncOptions().reduction(torch::kSum)) /
                n;
    for (const auto& w : weights)
      loss = loss + w.pow(2).sum() / (2 * n * c);
    loss.backward();
    return loss;
  };
  optimiser.step(closure);
  torch::NoGradGuard no_grad;
  const auto x_score = (features.index_select(0, index_tensor(score_rows)) - mean) / deviation;
  return torch::sigmoid(head->forward(x_score));
}

// Mean over the models of the AUC of inner out-of-fold scores with penalty C.
double inner_auc(const torch::Tensor& features, const torch::Tensor& targets,
                 const std::vector<std::size_t>& rows, const HeadOptions& o, double c) {
  const auto fold = assign_folds(rows.size(), o.inner_folds, o.seed + 1);
  torch::Tensor scores = torch::zeros({static_cast<long>(rows.size()), targets.size(1)});
  for (int f = 0; f < o.inner_folds; ++f) {
    std::vector<std::size_t> train, score, at;
    for (std::size_t i = 0; i < rows.size(); ++i)
      if (fold[i] == f)
        score.push_back(rows[i]), at.push_back(i);
      else
        train.push_back(rows[i]);
    scores.index_copy_(0, index_tensor(at), fit_once(features, targets, train, score, o, c));
  }
  const auto y = targets.index_select(0, index_tensor(rows));
  double sum = 0;
  int counted = 0;
  for (long m = 0; m < targets.size(1); ++m) {
    std::vector<double> s;
    std::vector<bool> right;
    for (long i = 0; i < scores.size(0); ++i)
      s.push_back(scores[i][m].item<double>()), right.push_back(y[i][m].item<float>() > 0.5f);
    const double auc = roc_auc(s, right);
    if (!std::isnan(auc)) sum += auc, ++counted;
  }
  return counted > 0 ? sum / counted : 0.5;
}

} // namespace

const char* head_kind_name(HeadKind kind) {
  switch (kind) {
  case HeadKind::Logistic:
    return "logistic";
  case HeadKind::Mlp:
    return "mlp";
  }
  throw std::logic_error("unknown head kind");
}

HeadKind parse_head_kind(const std::string& text) {
  for (const auto kind : {HeadKind::Logistic, HeadKind::Mlp})
    if (text == head_kind_name(kind)) return kind;
  throw InputError("command line: --head '" + text + "' must be logistic or mlp");
}

void check_head_options(const HeadOptions& o) {
  if (o.hidden < 1) throw InputError("command line: --hidden must be at least 1");
  if (o.inner_folds < 2) throw InputError("command line: --inner-folds must be at least 2");
  if (o.c_grid.empty()) throw InputError("command line: --c-grid is empty");
  for (const double c : o.c_grid)
    if (!(c > 0) || !std::isfinite(c))
      throw InputError("command line: --c-grid values must be positive and finite");
}

long head_macs(long width, long outputs, const HeadOptions& o) {
  switch (o.kind) {
  case HeadKind::Mlp:
    return width * o.hidden + static_cast<long>(o.hidden) * outputs;
  case HeadKind::Logistic:
    return width * outputs;
  }
  throw std::logic_error("unknown head kind");
}

torch::Tensor fit_and_score_head(const torch::Tensor& features, const torch::Tensor& targets,
                                 const std::vector<std::size_t>& train_rows,
                                 const std::vector<std::size_t>& score_rows, const HeadOptions& o,
                                 double* chosen_c) {
  double best_c = o.c_grid.front();
  if (o.c_grid.size() > 1) {
    double best = -1;
    for (const double c : o.c_grid) {
      const double auc = inner_auc(features, targets, train_rows, o, c);
      if (auc > best) best = auc, best_c = c;
    }
  }
  if (chosen_c) *chosen_c = best_c;
  return fit_once(features, targets, train_rows, score_rows, o, best_c);
}

} // namespace muxsim::learn
