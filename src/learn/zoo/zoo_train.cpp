#include "learn/zoo/zoo_train.hpp"

#include "core/base/input_error.hpp"
#include "core/output/results.hpp"
#include "learn/data/idx.hpp"
#include "learn/mux/losses.hpp"
#include "learn/zoo/zoo.hpp"

#include <chrono>
#include <filesystem>
#include <fmt/format.h>

namespace muxsim::learn {

namespace {

// Data cartography (Swayamdipta et al., used by DIMEC-DC): per training sample and model,
// the gold-label probability at each epoch, summarised as confidence (mean), variability
// (standard deviation) and correctness (fraction of epochs the argmax was right).
std::string cartography_csv(const torch::Tensor& gold, const torch::Tensor& right,
                            const std::vector<ZooArch>& models) {
  // gold, right: [epochs, samples, models]
  const auto confidence = gold.mean(0);
  const auto variability = gold.std(0, /*unbiased=*/false);
  const auto correctness = right.mean(0);
  std::string out = "sample,model,confidence,variability,correctness\n";
  const auto c = confidence.accessor<float, 2>();
  const auto v = variability.accessor<float, 2>();
  const auto k = correctness.accessor<float, 2>();
  for (int64_t s = 0; s < gold.size(1); ++s)
    for (std::size_t m = 0; m < models.size(); ++m)
      out += fmt::format("train-{:05d},{},{:.4f},{:.4f},{:.4f}\n", s, zoo_arch_name(models[m]),
                         c[s][m], v[s][m], k[s][m]);
  return out;
}

// Writes each member's weights and zoo.csv, the listing `zoo eval` and `mux train` read.
void save_zoo(std::vector<ZooNet>& zoo, const ZooTrainOptions& o, int64_t images) {
  std::filesystem::create_directories(o.out);
  std::string listing = "architecture,gmacs,parameters,projection_dim,contrastive,epochs,"
                        "zoo_images,seed\n";
  for (auto& net : zoo) {
    const auto path = (std::filesystem::path(o.out) /
                       fmt::format("zoo-{}.pt", zoo_arch_name(net->architecture())))
                          .string();
    torch::save(net, path + ".tmp");
    std::filesystem::rename(path + ".tmp", path);
    int64_t count = 0;
    for (const auto& p : net->parameters())
      count += p.numel();
    listing += fmt::format("{},{:.6g},{},{},{},{},{},{}\n", zoo_arch_name(net->architecture()),
                           net->gmacs(), count, o.projection_dim, o.contrastive ? 1 : 0,
                           o.run.epochs, images, o.run.seed);
  }
  write_atomically((std::filesystem::path(o.out) / "zoo.csv").string(), listing);
}

} // namespace

void train_zoo(const ZooTrainOptions& o) {
  if (o.run.epochs < 1) throw InputError("command line: --epochs must be at least 1");
  if (o.run.batch < 2) throw InputError("command line: --batch must be at least 2");
  const auto archs = o.architectures.empty() ? zoo_architectures() : o.architectures;
  torch::set_num_threads(o.run.threads);
  torch::manual_seed(o.run.seed);
  std::vector<ZooNet> zoo;
  for (const auto& a : archs)
    zoo.emplace_back(a, o.projection_dim);

  const auto train = read_fashion_mnist(o.run.data, "train");
  const int64_t available =
      o.run.limit > 0 ? std::min<int64_t>(o.run.limit, train.images.size(0)) : train.images.size(0);
  const int64_t n = std::min<int64_t>(o.zoo_images, available);
  if (n < o.run.batch) throw InputError("command line: fewer zoo images than one batch");
  const auto images = (train.images.slice(0, 0, n) - kPixelShift) / kPixelScale;
  const auto labels = train.labels.slice(0, 0, n);

  std::vector<torch::Tensor> params;
  for (auto& net : zoo)
    for (auto& p : net->parameters())
      params.push_back(p);
  torch::optim::Adam optimiser(params, torch::optim::AdamOptions(o.run.learning_rate));
  const auto models = static_cast<int64_t>(zoo.size());
  auto gold = torch::zeros({o.run.epochs, n, models});
  auto right = torch::zeros({o.run.epochs, n, models});

  for (int epoch = 0; epoch < o.run.epochs; ++epoch) {
    const auto start = std::chrono::steady_clock::now();
    const auto order = torch::randperm(n, torch::kLong);
    double ce_sum = 0, con_sum = 0;
    int64_t batches = 0;
    for (int64_t first = 0; first + o.run.batch <= n; first += o.run.batch) {
      const auto pick = order.slice(0, first, first + o.run.batch);
      const auto x = images.index_select(0, pick);
      const auto y = labels.index_select(0, pick);
      std::vector<torch::Tensor> projections, correct;
      auto ce = torch::zeros({});
      for (int64_t m = 0; m < models; ++m) {
        const auto out = zoo[m]->forward(x);
        ce = ce + torch::nn::functional::cross_entropy(out.logits, y);
        projections.push_back(out.projection);
        const auto is_right = (out.logits.argmax(1) == y).to(torch::kFloat32);
        correct.push_back(is_right);
        const auto p_gold = torch::softmax(out.logits.detach(), 1).gather(1, y.unsqueeze(1));
        gold[epoch].index_put_({pick, m}, p_gold.squeeze(1));
        right[epoch].index_put_({pick, m}, is_right);
      }
      auto loss = ce;
      if (o.contrastive) {
        const auto con = contrastive_loss(projections, torch::stack(correct, 1));
        loss = loss + o.contrastive_weight * con;
        con_sum += con.item<double>();
      }
      optimiser.zero_grad();
      loss.backward();
      optimiser.step();
      ce_sum += ce.item<double>() / models;
      ++batches;
    }
    if (o.run.progress)
      fmt::print(stderr, "zoo epoch {}/{}: cross-entropy {:.4f}{}, {:.0f} s\n", epoch + 1,
                 o.run.epochs, ce_sum / batches,
                 o.contrastive ? fmt::format(", contrastive {:.4f}", con_sum / batches) : "",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  save_zoo(zoo, o, n);
  if (!o.cartography.empty()) write_atomically(o.cartography, cartography_csv(gold, right, archs));
}

} // namespace muxsim::learn
