#include "learn/mux_train.hpp"

#include "core/folds.hpp"
#include "learn/mux_net.hpp"

#include <chrono>
#include <fmt/format.h>

namespace muxsim::learn {

namespace {

torch::Tensor index_tensor(const std::vector<std::size_t>& rows) {
  std::vector<int64_t> r(rows.begin(), rows.end());
  return torch::tensor(r, torch::kLong);
}

// Trains one network on `rows` with per-model binary cross-entropy against correctness;
// a random horizontal flip per image is the only augmentation.
MuxNet train_one(const torch::Tensor& images, const torch::Tensor& targets,
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
      auto x = images.index_select(0, pick);
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

} // namespace

OutOfFoldScores train_out_of_fold(const torch::Tensor& images,
                                  const std::vector<std::vector<bool>>& correct,
                                  const MuxTrainOptions& o) {
  const std::size_t n = correct.size();
  const std::size_t models = correct.front().size();
  auto targets = torch::zeros({static_cast<int64_t>(n), static_cast<int64_t>(models)});
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t m = 0; m < models; ++m)
      targets[i][m] = correct[i][m] ? 1.0f : 0.0f;

  OutOfFoldScores out;
  out.fold = assign_folds(n, o.folds, o.seed);
  out.score.assign(n, std::vector<double>(models, 0.0));
  for (int f = 0; f < o.folds; ++f) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::size_t> train_rows, score_rows;
    for (std::size_t i = 0; i < n; ++i)
      (out.fold[i] == f ? score_rows : train_rows).push_back(i);
    double loss = 0;
    auto net = train_one(images, targets, train_rows, o, f, &loss);
    out.gmacs = net->gmacs();
    net->eval();
    torch::NoGradGuard no_grad;
    const auto s_t = torch::sigmoid(net->forward(images.index_select(0, index_tensor(score_rows))));
    const auto s = s_t.accessor<float, 2>();
    for (std::size_t r = 0; r < score_rows.size(); ++r)
      for (std::size_t m = 0; m < models; ++m)
        out.score[score_rows[r]][m] = s[r][m];
    out.trained.push_back(std::move(train_rows));
    if (o.progress)
      fmt::print(stderr,
                 "fold {}/{}: trained on {} inputs, scored {}, final loss {:.4f}, {:.1f} s\n",
                 f + 1, o.folds, out.trained.back().size(), score_rows.size(), loss,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return out;
}

} // namespace muxsim::learn
