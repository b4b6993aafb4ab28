#include "learn/zoo/zoo_io.hpp"

#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"

#include <filesystem>

namespace muxsim::learn {

Zoo load_zoo(const std::string& dir) {
  const auto listing = (std::filesystem::path(dir) / "zoo.csv").string();
  if (!std::filesystem::exists(listing))
    throw InputError(listing + ": missing; train a zoo first (muxsim zoo train)");
  const CsvTable table = CsvTable::read(listing);
  table.require_columns({"architecture", "gmacs", "projection_dim", "zoo_images"});
  Zoo zoo;
  for (std::size_t r = 0; r < table.rows(); ++r) {
    const auto arch = table.text(r, "architecture");
    zoo.projection_dim = static_cast<int>(table.integer(r, "projection_dim"));
    ZooNet net(parse_zoo_arch(arch), zoo.projection_dim);
    const auto path = (std::filesystem::path(dir) / ("zoo-" + arch + ".pt")).string();
    try {
      torch::load(net, path);
    } catch (const std::exception&) {
      throw InputError(path + ": cannot load the weights of '" + arch + "'");
    }
    net->eval();
    zoo.nets.push_back(net);
    zoo.names.push_back(arch);
    zoo.gflops.push_back(table.number(r, "gmacs"));
    zoo.zoo_images = table.integer(r, "zoo_images");
  }
  return zoo;
}

// Inference batch: large batches of 28x28 activations cost more in page faults than they
// save (measured: 1000 was 3x slower than 200 here).
constexpr int64_t kEvalBatch = 200;

ZooView run_zoo(Zoo& zoo, const torch::Tensor& images) {
  torch::NoGradGuard no_grad;
  ZooView v;
  std::vector<torch::Tensor> probs;
  for (auto& net : zoo.nets) {
    std::vector<torch::Tensor> p, z;
    for (int64_t first = 0; first < images.size(0); first += kEvalBatch) {
      const auto out = net->forward(images.slice(0, first, first + kEvalBatch));
      p.push_back(torch::softmax(out.logits, 1));
      z.push_back(out.projection);
    }
    probs.push_back(torch::cat(p));
    v.projections.push_back(torch::cat(z));
  }
  v.probabilities = torch::stack(probs, 1);
  return v;
}

std::vector<torch::Tensor> run_cuts(ZooNet& net, const torch::Tensor& images) {
  torch::NoGradGuard no_grad;
  net->eval();
  std::vector<std::vector<torch::Tensor>> parts;
  for (int64_t first = 0; first < images.size(0); first += kEvalBatch) {
    const auto cuts = net->cut_features(images.slice(0, first, first + kEvalBatch));
    parts.resize(cuts.size());
    for (std::size_t c = 0; c < cuts.size(); ++c)
      parts[c].push_back(cuts[c]);
  }
  std::vector<torch::Tensor> out;
  for (auto& p : parts)
    out.push_back(torch::cat(p));
  return out;
}

} // namespace muxsim::learn
