#include "learn/zoo/zoo_distill.hpp"

#include "learn/mux/mux_train.hpp"
#include "learn/zoo/zoo_io.hpp"
#include "learn/zoo/zoo_train.hpp"

#include <chrono>
#include <fmt/format.h>
#include <iterator>
#include <numeric>

namespace muxsim::learn {

namespace {

// Every view of every training image, normalised as the zoo sees its inputs: row i * views + v.
torch::Tensor fashion_views(const torch::Tensor& train, const ViewOptions& o) {
  std::vector<torch::Tensor> views;
  views.reserve(static_cast<std::size_t>(train.size(0) * o.views));
  for (int64_t i = 0; i < train.size(0); ++i)
    for (int v = 0; v < o.views; ++v)
      views.push_back(augment(train[i], static_cast<std::size_t>(i), v, o));
  return (torch::stack(views) - kPixelShift) / kPixelScale;
}

// The phone's logits on `images`, in batches.
torch::Tensor phone_logits(ZooNet& phone, const torch::Tensor& images) {
  torch::NoGradGuard no_grad;
  phone->eval();
  std::vector<torch::Tensor> parts;
  for (int64_t first = 0; first < images.size(0); first += 1024)
    parts.push_back(phone->forward(images.slice(0, first, first + 1024)).logits);
  return torch::cat(parts);
}

} // namespace

std::vector<DistilledMux> zoo_distilled_heads(ZooNet& phone, const torch::Tensor& train,
                                              const std::vector<torch::Tensor>& test_cuts,
                                              const ViewOptions& o, const DistillOptions& distill,
                                              bool progress) {
  const auto start = std::chrono::steady_clock::now();
  const auto seconds = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  const auto images = fashion_views(train, o);
  ViewFeatures views;
  views.views = o.views;
  views.pooled = run_cuts(phone, images);
  views.logits = phone_logits(phone, images);
  views.max_softmax = max_softmax(views.logits);
  views.margin = logit_margin(views.logits);
  const double built = seconds();
  // Every view trains every head: the test images are scored, never trained on.
  const auto rows = torch::arange(images.size(0), torch::kLong);
  std::vector<std::size_t> trained(static_cast<std::size_t>(train.size(0)));
  std::iota(trained.begin(), trained.end(), 0);
  constexpr std::size_t targets = std::size(kDistilledTargets);
  std::vector<DistilledMux> out;
  for (std::size_t c = 0; c < test_cuts.size(); ++c) {
    auto cut = distilled_muxes_at(static_cast<int>(c), std::lround(1e9 * phone->cut_gmacs()[c]),
                                  test_cuts[c].size(1), views.logits.size(1),
                                  static_cast<std::size_t>(test_cuts[c].size(0)), distill);
    for (std::size_t h = 0; h < std::size(kDistilledHeads); ++h) {
      const auto s = fit_distilled_heads(kDistilledHeads[h], views, views.pooled[c], rows,
                                         test_cuts[c], distill);
      for (std::size_t t = 0; t < targets; ++t) {
        auto& mux = cut[h * targets + t];
        const auto a = s[t].accessor<float, 1>();
        for (std::size_t i = 0; i < mux.score.size(); ++i)
          mux.score[i] = a[static_cast<long>(i)];
        mux.trained.push_back(trained);
      }
    }
    out.insert(out.end(), std::make_move_iterator(cut.begin()), std::make_move_iterator(cut.end()));
  }
  if (progress)
    fmt::print(stderr,
               "distilled heads: {} views of {} images built and run in {:.0f} s; {} heads "
               "trained in {:.0f} s\n",
               o.views, train.size(0), built, out.size(), seconds() - built);
  return out;
}

} // namespace muxsim::learn
