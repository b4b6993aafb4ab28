#include "learn/early/early_mux.hpp"

#include "core/base/input_error.hpp"
#include "learn/data/preprocess.hpp"

#include <filesystem>
#include <fmt/format.h>

namespace muxsim::learn {

PrefixFeatures prefix_features(PhonePrefix& prefix, const std::string& folder,
                               const std::vector<std::string>& files, int resize, int crop) {
  torch::NoGradGuard no_grad;
  std::vector<std::vector<torch::Tensor>> pooled(prefix.blocks().size());
  std::vector<torch::Tensor> logits;
  for (const auto& file : files) {
    const auto image =
        imagenet_input((std::filesystem::path(folder) / file).string(), resize, crop);
    auto pass = prefix.run(image.unsqueeze(0));
    logits.push_back(pass.logits.squeeze(0));
    for (std::size_t b = 0; b < pooled.size(); ++b)
      pooled[b].push_back(pass.pooled[b]);
  }
  PrefixFeatures f;
  for (auto& block : pooled)
    f.pooled.push_back(torch::stack(block));
  f.logits = torch::stack(logits);
  return f;
}

std::vector<EarlyMux> train_early_muxes(const PhonePrefix& prefix, const PrefixFeatures& features,
                                        const std::vector<std::vector<bool>>& correct,
                                        const std::vector<int>& blocks, const HeadOptions& head,
                                        const MuxTrainOptions& train) {
  const auto targets = correctness_tensor(correct);
  const int last = static_cast<int>(prefix.blocks().size()) - 1;
  std::vector<EarlyMux> out;
  for (const int k : blocks) {
    if (k < 0 || k > last)
      throw InputError(fmt::format("command line: --prefix-blocks {} is outside 0..{}, the "
                                   "phone model's blocks",
                                   k, last));
    const auto& x = features.pooled[k];
    std::vector<double> chosen;
    auto fit = [&](const std::vector<std::size_t>& train_rows,
                   const std::vector<std::size_t>& score_rows, int) {
      double c = 0;
      auto scores = fit_and_score_head(x, targets, train_rows, score_rows, head, &c);
      chosen.push_back(c);
      return scores;
    };
    if (train.progress) fmt::print(stderr, "early multiplexer after block {}:\n", k);
    EarlyMux mux;
    mux.block = k;
    mux.prefix_macs = prefix.prefix_macs(k);
    mux.head_macs = head_macs(x.size(1), targets.size(1), head);
    mux.scores =
        out_of_fold(correct.size(), targets.size(1), train.folds, train.seed, fit, train.progress);
    mux.chosen_c = chosen;
    out.push_back(std::move(mux));
  }
  return out;
}

std::string early_blocks_csv(const PhonePrefix& prefix, const std::vector<EarlyMux>& muxes) {
  std::string out = "block,module,channels,block_macs,prefix_macs,head_macs\n";
  for (std::size_t b = 0; b < prefix.blocks().size(); ++b) {
    long head = 0;
    for (const auto& m : muxes)
      if (m.block == static_cast<int>(b)) head = m.head_macs;
    const auto& block = prefix.blocks()[b];
    out += fmt::format("{},{},{},{},{},{}\n", b, block.module, block.channels, block.macs,
                       prefix.prefix_macs(static_cast<int>(b)), head);
  }
  // The classifier after the pool, as one more row: its prefix_macs is the whole model's.
  const int blocks = static_cast<int>(prefix.blocks().size());
  out += fmt::format("{},classifier,{},{},{},0\n", blocks,
                     prefix.classifier_macs() / prefix.blocks().back().channels,
                     prefix.classifier_macs(),
                     prefix.prefix_macs(blocks - 1) + prefix.classifier_macs());
  return out;
}

} // namespace muxsim::learn
