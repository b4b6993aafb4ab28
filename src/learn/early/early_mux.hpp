#pragma once
// Early multiplexers (docs/imagenet.md): for each cut point k, a head trained
// out of fold on the phone model's pooled activation after block k.
#include "learn/early/feature_head.hpp"
#include "learn/early/phone_prefix.hpp"
#include "learn/mux/mux_train.hpp"

#include <string>
#include <vector>

namespace muxsim::learn {

struct EarlyMux {
  int block = 0;
  long prefix_macs = 0; // blocks 0..block of the phone model
  long head_macs = 0;
  OutOfFoldScores scores;
  std::vector<double> chosen_c; // per outer fold, the penalty the inner folds picked
};

struct PrefixFeatures {
  std::vector<torch::Tensor> pooled; // per block, [N, channels]
  torch::Tensor logits;              // [N, classes], the phone model's own output
};

// One forward pass per image (JPEGs in `folder`, named by `files`), preprocessed as
// muxsim predict does.
PrefixFeatures prefix_features(PhonePrefix& prefix, const std::string& folder,
                               const std::vector<std::string>& files, int resize, int crop);

// A head per block in `blocks`, each out of fold with the same folds as `train` gives.
std::vector<EarlyMux> train_early_muxes(const PhonePrefix& prefix, const PrefixFeatures& features,
                                        const std::vector<std::vector<bool>>& correct,
                                        const std::vector<int>& blocks, const HeadOptions& head,
                                        const MuxTrainOptions& train);

// CSV `block,module,channels,block_macs,prefix_macs,head_macs`: what each cut costs, the
// basis of the early_prefix and early_head profile rows (models/jetson-tx2.csv). A last
// row, module `classifier`, is the linear layer after the pool (channels: its classes).
std::string early_blocks_csv(const PhonePrefix& prefix, const std::vector<EarlyMux>& muxes);

} // namespace muxsim::learn
