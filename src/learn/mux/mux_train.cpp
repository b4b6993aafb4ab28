#include "learn/mux/mux_train.hpp"

#include "core/mux/folds.hpp"
#include "learn/mux/mux_net.hpp"

#include <chrono>
#include <fmt/format.h>

namespace muxsim::learn {

torch::Tensor index_tensor(const std::vector<std::size_t>& rows) {
  std::vector<int64_t> r(rows.begin(), rows.end());
  return torch::tensor(r, torch::kLong);
}

torch::Tensor correctness_tensor(const std::vector<std::vector<bool>>& correct) {
  auto t = torch::zeros(
      {static_cast<int64_t>(correct.size()), static_cast<int64_t>(correct.front().size())});
  auto a = t.accessor<float, 2>();
  for (std::size_t i = 0; i < correct.size(); ++i)
    for (std::size_t m = 0; m < correct[i].size(); ++m)
      a[i][m] = correct[i][m] ? 1.0f : 0.0f;
  return t;
}

MuxNet train_mux_net(const torch::Tensor& images, const torch::Tensor& targets,
                     const std::vector<std::size_t>& rows, const MuxTrainOptions& o, int fold,
                     double* final_loss) {
  torch::manual_seed(o.seed * 1000 + fold);
  MuxNet net(static_cast<int>(targets.size(1)), static_cast<int>(images.size(2)),
             static_cast<int>(images.size(1)));
  torch::optim::AdamW optimiser(
      net->parameters(), torch::optim::AdamWOptions(o.learning_rate).weight_decay(o.weight_decay));
  const auto all = index_tensor(rows);
  net->train();
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    const auto order = all.index_select(0, torch::randperm(all.size(0), torch::kLong));
    double loss_sum = 0;
    long batches = 0;
    for (int64_t first = 0; first < order.size(0); first += o.batch) {
      const auto pick = order.slice(0, first, std::min<int64_t>(first + o.batch, order.size(0)));
      auto x = images.index_select(0, pick).to(torch::kFloat32);
      const auto flip = torch::rand({x.size(0)}) < 0.5;
      x = torch::where(flip.view({-1, 1, 1, 1}), x.flip({3}), x);
      const auto loss =
          torch::binary_cross_entropy_with_logits(net->forward(x), targets.index_select(0, pick));
      optimiser.zero_grad();
      loss.backward();
      optimiser.step();
      loss_sum += loss.item<double>();
      ++batches;
    }
    *final_loss = loss_sum / std::max(1L, batches);
  }
  return net;
}

OutOfFoldScores out_of_fold(std::size_t n, std::size_t models, int folds, std::uint64_t seed,
                            const FoldFit& fit_and_score, bool progress) {
  OutOfFoldScores out;
  out.fold = assign_folds(n, folds, seed);
  out.score.assign(n, std::vector<double>(models, 0.0));
  for (int f = 0; f < folds; ++f) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::size_t> train_rows, score_rows;
    for (std::size_t i = 0; i < n; ++i)
      (out.fold[i] == f ? score_rows : train_rows).push_back(i);
    const auto s_t = fit_and_score(train_rows, score_rows, f);
    const auto s = s_t.accessor<float, 2>();
    for (std::size_t r = 0; r < score_rows.size(); ++r)
      for (std::size_t m = 0; m < models; ++m)
        out.score[score_rows[r]][m] = s[r][m];
    out.trained.push_back(std::move(train_rows));
    if (progress)
      fmt::print(stderr, "fold {}/{}: trained on {} inputs, scored {}, {:.1f} s\n", f + 1, folds,
                 out.trained.back().size(), score_rows.size(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return out;
}

OutOfFoldScores train_out_of_fold(const torch::Tensor& images,
                                  const std::vector<std::vector<bool>>& correct,
                                  const MuxTrainOptions& o) {
  const auto targets = correctness_tensor(correct);
  double gmacs = 0;
  auto fit = [&](const std::vector<std::size_t>& train_rows,
                 const std::vector<std::size_t>& score_rows, int f) {
    double loss = 0;
    auto net = train_mux_net(images, targets, train_rows, o, f, &loss);
    gmacs = net->gmacs();
    if (o.progress) fmt::print(stderr, "fold {}: final loss {:.4f}\n", f + 1, loss);
    net->eval();
    torch::NoGradGuard no_grad;
    return torch::sigmoid(net->forward(images.index_select(0, index_tensor(score_rows))));
  };
  auto out = out_of_fold(correct.size(), correct.front().size(), o.folds, o.seed, fit, o.progress);
  out.gmacs = gmacs;
  return out;
}

} // namespace muxsim::learn
