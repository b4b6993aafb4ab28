#include "learn/zoo_distill.hpp"

#include "learn/mux_train.hpp"
#include "learn/zoo_io.hpp"
#include "learn/zoo_train.hpp"

#include <chrono>
#include <fmt/format.h>
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
  std::vector<DistilledMux> out;
  for (std::size_t c = 0; c < test_cuts.size(); ++c)
    for (const std::string head : kDistilledHeads)
      for (const std::string target : kDistilledTargets) {
        DistilledMux mux;
        mux.name = fmt::format("distilled-{}-{}-k{}", head, target, c);
        mux.block = static_cast<int>(c);
        mux.prefix_macs = std::lround(1e9 * phone->cut_gmacs()[c]);
        mux.head_macs =
            distilled_head_macs(head, test_cuts[c].size(1), views.logits.size(1), distill);
        const auto s =
            fit_distilled_head(head, target, views, views.pooled[c], rows, test_cuts[c], distill);
        const auto a = s.accessor<float, 1>();
        for (int64_t i = 0; i < s.size(0); ++i)
          mux.score.push_back(a[i]);
        mux.trained.push_back(trained);
        out.push_back(std::move(mux));
      }
  if (progress)
    fmt::print(stderr,
               "distilled heads: {} views of {} images built and run in {:.0f} s; {} heads "
               "trained in {:.0f} s\n",
               o.views, train.size(0), built, out.size(), seconds() - built);
  return out;
}

} // namespace muxsim::learn
