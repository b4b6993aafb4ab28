#include "learn/early/distill.hpp"

#include "learn/data/jpeg_image.hpp"
#include "learn/data/preprocess.hpp"
#include "learn/mux/mux_train.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>
#include <iterator>
#include <stdexcept>

namespace muxsim::learn {

namespace {

struct Standardised {
  torch::Tensor train, score;
};

// Both sets scaled by the training rows' mean and deviation.
Standardised standardise(const torch::Tensor& x_train, const torch::Tensor& x_score) {
  const auto mean = x_train.mean(0);
  const auto deviation = x_train.std(0).clamp_min(1e-6);
  return {(x_train - mean) / deviation, (x_score - mean) / deviation};
}

// The rows of the views of images outside fold f, and the images they come from.
std::vector<std::size_t> view_rows(const std::vector<int>& fold, int f, int views,
                                   std::vector<std::size_t>& images) {
  std::vector<std::size_t> rows;
  for (std::size_t i = 0; i < fold.size(); ++i) {
    if (fold[i] == f) continue;
    images.push_back(i);
    for (int v = 0; v < views; ++v)
      rows.push_back(i * static_cast<std::size_t>(views) + static_cast<std::size_t>(v));
  }
  return rows;
}

// The images in fold f: the ones its heads score.
std::vector<std::size_t> fold_members(const std::vector<int>& fold, int f) {
  std::vector<std::size_t> members;
  for (std::size_t i = 0; i < fold.size(); ++i)
    if (fold[i] == f) members.push_back(i);
  return members;
}

// What the head costs per input on top of the prefix, on `width` features.
long distilled_head_macs(DistilledHead head, long width, long classes, const DistillOptions& o) {
  switch (head) {
  case DistilledHead::Ridge:
    return width;
  case DistilledHead::Mlp:
    return width * o.hidden + o.hidden;
  case DistilledHead::Student:
    return width * classes;
  case DistilledHead::Cnn:
    break;
  }
  throw std::logic_error("the distilled CNN is not a head on a cut");
}

} // namespace

const char* distilled_head_name(DistilledHead head) {
  switch (head) {
  case DistilledHead::Ridge:
    return "ridge";
  case DistilledHead::Mlp:
    return "mlp";
  case DistilledHead::Student:
    return "student";
  case DistilledHead::Cnn:
    return "cnn";
  }
  throw std::logic_error("unknown distilled head");
}

const char* distilled_target_name(DistilledTarget target) {
  switch (target) {
  case DistilledTarget::Softmax:
    return "softmax";
  case DistilledTarget::Margin:
    return "margin";
  }
  throw std::logic_error("unknown distilled target");
}

ViewFeatures view_features(PhonePrefix& prefix, const std::string& folder,
                           const std::vector<std::string>& files, const std::vector<int>& blocks,
                           const ViewOptions& o, bool progress) {
  torch::NoGradGuard no_grad;
  ViewFeatures f;
  f.blocks = blocks;
  f.views = o.views;
  std::vector<std::vector<torch::Tensor>> pooled(blocks.size());
  std::vector<torch::Tensor> logits, thumbnails;
  const auto start = std::chrono::steady_clock::now();
  for (std::size_t i = 0; i < files.size(); ++i) {
    const auto chw = to_tensor(read_jpeg((std::filesystem::path(folder) / files[i]).string()));
    for (int v = 0; v < o.views; ++v) {
      const auto view = make_view(chw, i, v, o);
      // Resizing commutes with the (affine) normalisation, so this is thumbnail() of the view.
      if (o.thumbnail > 0)
        thumbnails.push_back(resize_to(view, o.thumbnail, o.thumbnail).to(torch::kHalf));
      auto pass = prefix.run(view.unsqueeze(0));
      logits.push_back(pass.logits.squeeze(0));
      for (std::size_t b = 0; b < blocks.size(); ++b)
        pooled[b].push_back(pass.pooled[static_cast<std::size_t>(blocks[b])]);
    }
    if (progress && (i + 1) % 100 == 0)
      fmt::print(stderr, "views: {} of {} images, {:.0f} s\n", i + 1, files.size(),
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  for (auto& block : pooled)
    f.pooled.push_back(torch::stack(block));
  if (!thumbnails.empty()) f.thumbnails = torch::stack(thumbnails);
  f.logits = torch::stack(logits);
  f.max_softmax = max_softmax(f.logits);
  f.margin = logit_margin(f.logits);
  return f;
}

torch::Tensor max_softmax(const torch::Tensor& logits) {
  return std::get<0>(torch::softmax(logits.to(torch::kFloat64), 1).max(1)).to(torch::kFloat32);
}

torch::Tensor logit_margin(const torch::Tensor& logits) {
  const auto top = std::get<0>(logits.topk(2, 1));
  return top.select(1, 0) - top.select(1, 1);
}

torch::Tensor fit_ridge(const torch::Tensor& x_train, const torch::Tensor& y_train,
                        const torch::Tensor& x_score, double lambda) {
  const auto s = standardise(x_train.to(torch::kFloat64), x_score.to(torch::kFloat64));
  // A column per target: y [n] is one, logits [n, classes] are many, solved together.
  const bool one = y_train.dim() == 1;
  const auto y = (one ? y_train.unsqueeze(1) : y_train).to(torch::kFloat64);
  const auto y_mean = y.mean(0);
  const long d = s.train.size(1);
  // W = (X'X + lambda I)^-1 X'(Y - mean Y); features are centred, so no intercept is needed.
  const auto gram = s.train.t().mm(s.train) + lambda * torch::eye(d, torch::kFloat64);
  const auto w = torch::linalg::solve(gram, s.train.t().mm(y - y_mean), true);
  const auto predicted = (s.score.mm(w) + y_mean).to(torch::kFloat32);
  return one ? predicted.squeeze(1) : predicted;
}

torch::Tensor fit_mlp(const torch::Tensor& x_train, const torch::Tensor& y_train,
                      const torch::Tensor& x_score, const DistillOptions& o) {
  torch::manual_seed(o.seed);
  const auto s = standardise(x_train, x_score);
  torch::nn::Sequential mlp(torch::nn::Linear(x_train.size(1), o.hidden), torch::nn::ReLU(),
                            torch::nn::Linear(o.hidden, 1));
  torch::optim::Adam adam(mlp->parameters(),
                          torch::optim::AdamOptions(o.learning_rate).weight_decay(o.weight_decay));
  const long n = s.train.size(0);
  for (int epoch = 0; epoch < o.epochs; ++epoch) {
    const auto order = torch::randperm(n, torch::kLong);
    for (long at = 0; at < n; at += o.batch) {
      const auto rows = order.slice(0, at, std::min(n, at + o.batch));
      adam.zero_grad();
      const auto loss = torch::mse_loss(mlp->forward(s.train.index_select(0, rows)).squeeze(1),
                                        y_train.index_select(0, rows));
      loss.backward();
      adam.step();
    }
  }
  torch::NoGradGuard no_grad;
  return mlp->forward(s.score).squeeze(1);
}

std::vector<torch::Tensor> fit_distilled_heads(DistilledHead head, const ViewFeatures& views,
                                               const torch::Tensor& x_train,
                                               const torch::Tensor& rows,
                                               const torch::Tensor& x_score,
                                               const DistillOptions& o) {
  if (head == DistilledHead::Cnn)
    throw std::logic_error("the distilled CNN trains on thumbnails (train_distilled_cnn)");
  if (head == DistilledHead::Student) {
    const auto logits =
        fit_ridge(x_train, views.logits.index_select(0, rows), x_score, o.ridge_lambda);
    return {max_softmax(logits), logit_margin(logits)};
  }
  std::vector<torch::Tensor> out;
  for (const auto* y : {&views.max_softmax, &views.margin}) {
    const auto y_train = y->index_select(0, rows);
    out.push_back(head == DistilledHead::Mlp
                      ? fit_mlp(x_train, y_train, x_score, o)
                      : fit_ridge(x_train, y_train, x_score, o.ridge_lambda));
  }
  return out;
}

std::vector<DistilledMux> distilled_muxes_at(int cut, long prefix_macs, long width, long classes,
                                             std::size_t inputs, const DistillOptions& o) {
  std::vector<DistilledMux> out;
  for (const auto head : kDistilledHeads)
    for (const auto target : kDistilledTargets) {
      DistilledMux mux;
      mux.name = fmt::format("distilled-{}-{}-k{}", distilled_head_name(head),
                             distilled_target_name(target), cut);
      mux.head = head;
      mux.target = target;
      mux.block = cut;
      mux.prefix_macs = prefix_macs;
      mux.head_macs = distilled_head_macs(head, width, classes, o);
      mux.score.assign(inputs, 0);
      out.push_back(std::move(mux));
    }
  return out;
}

std::vector<DistilledMux> train_distilled_muxes(const std::vector<long>& prefix_macs,
                                                const ViewFeatures& views,
                                                const PrefixFeatures& centre,
                                                const std::vector<int>& fold, int folds,
                                                const DistillOptions& o, bool progress) {
  constexpr std::size_t targets = std::size(kDistilledTargets);
  std::vector<DistilledMux> out;
  for (std::size_t b = 0; b < views.blocks.size(); ++b) {
    const int k = views.blocks[b];
    const auto& x_views = views.pooled[b];
    auto cut = distilled_muxes_at(k, prefix_macs[static_cast<std::size_t>(k)], x_views.size(1),
                                  views.logits.size(1), fold.size(), o);
    for (int f = 0; f < folds; ++f) {
      std::vector<std::size_t> images;
      const auto rows = index_tensor(view_rows(fold, f, views.views, images));
      const auto scored = fold_members(fold, f);
      const auto x_train = x_views.index_select(0, rows);
      const auto x_score =
          centre.pooled[static_cast<std::size_t>(k)].index_select(0, index_tensor(scored));
      for (std::size_t h = 0; h < std::size(kDistilledHeads); ++h) {
        const auto s = fit_distilled_heads(kDistilledHeads[h], views, x_train, rows, x_score, o);
        for (std::size_t t = 0; t < targets; ++t) {
          auto& mux = cut[h * targets + t];
          const auto a = s[t].accessor<float, 1>();
          for (std::size_t j = 0; j < scored.size(); ++j)
            mux.score[scored[j]] = a[static_cast<long>(j)];
          mux.trained.push_back(images);
        }
      }
    }
    if (progress) fmt::print(stderr, "distilled heads at k{}: trained\n", k);
    out.insert(out.end(), std::make_move_iterator(cut.begin()), std::make_move_iterator(cut.end()));
  }
  return out;
}

DistilledMux train_distilled_cnn(const ViewFeatures& views, const torch::Tensor& thumbnails,
                                 const std::vector<int>& fold, int folds,
                                 const MuxTrainOptions& cnn, const DistillOptions& o) {
  MuxTrainOptions options = cnn;
  options.epochs = o.cnn_epochs;
  const auto targets = views.max_softmax.unsqueeze(1);
  DistilledMux mux;
  mux.head = DistilledHead::Cnn;
  mux.target = DistilledTarget::Softmax;
  mux.name = fmt::format("distilled-{}-{}", distilled_head_name(mux.head),
                         distilled_target_name(mux.target));
  mux.score.assign(fold.size(), 0);
  for (int f = 0; f < folds; ++f) {
    const auto start = std::chrono::steady_clock::now();
    std::vector<std::size_t> images;
    const auto rows = view_rows(fold, f, views.views, images);
    const auto scored = fold_members(fold, f);
    double loss = 0;
    auto net = train_mux_net(views.thumbnails, targets, rows, options, f, &loss);
    mux.head_macs = std::lround(1e9 * net->gmacs());
    net->eval();
    torch::NoGradGuard no_grad;
    const auto s = torch::sigmoid(net->forward(thumbnails.index_select(0, index_tensor(scored))));
    for (std::size_t j = 0; j < scored.size(); ++j)
      mux.score[scored[j]] = s[static_cast<long>(j)][0].item<double>();
    mux.trained.push_back(std::move(images));
    if (cnn.progress)
      fmt::print(stderr,
                 "distilled-cnn-softmax fold {}/{}: {} views, final loss {:.4f}, {:.0f} s\n", f + 1,
                 folds, rows.size(), loss,
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  return mux;
}

} // namespace muxsim::learn
