#pragma once
// Distilled early heads (docs/imagenet.md): a head on the phone model's pooled activation
// after block k learns to predict the full model's own confidence on the same view, from
// label-free views of the training fold's images (Phuong & Lampert, ICCV 2019, distil early
// exits from unlabelled data). The target is known for any view, labelled or not, so the
// head sees 32 or more examples per image instead of one bit of correctness; and it is what
// predicts the phone model's correctness best. Scores are out of fold: the head of fold f
// trains only on views of images outside fold f and scores the centre view of fold f's.
// Hyperparameters are fixed (DistillOptions), not tuned.
#include "learn/early/early_mux.hpp"
#include "learn/early/views.hpp"

#include <string>
#include <vector>

namespace muxsim::learn {

// The phone model on every view of every image: row i * views + v is view v of image i.
struct ViewFeatures {
  std::vector<int> blocks;           // the blocks kept
  std::vector<torch::Tensor> pooled; // per kept block, [N * views, channels]
  torch::Tensor logits;              // [N * views, classes]: the full model's output
  torch::Tensor max_softmax;         // [N * views]: the full model's top softmax probability
  torch::Tensor margin;              // [N * views]: its top logit less the second
  // With ViewOptions::thumbnail: [N * views, 3, side, side], half precision to keep 32 views
  // of 1,300 images in 1 GB: each view as the light multiplexer sees it.
  torch::Tensor thumbnails;
  int views = 0;
};

// One pass per view, collecting every kept block's activation and the logits together.
ViewFeatures view_features(PhonePrefix& prefix, const std::string& folder,
                           const std::vector<std::string>& files, const std::vector<int>& blocks,
                           const ViewOptions& views, bool progress);

// What the heads regress, from logits [N, classes]: [N].
torch::Tensor max_softmax(const torch::Tensor& logits);
torch::Tensor logit_margin(const torch::Tensor& logits);

struct DistillOptions {
  double ridge_lambda = 10; // on standardised features
  int hidden = 64;          // the MLP's one hidden layer of ReLUs
  int epochs = 10;
  int batch = 256;
  double learning_rate = 1e-3;
  double weight_decay = 1e-4;
  std::uint64_t seed = 1;
  // The light CNN's passes over the views (32 views x 3 = 96 per image, against 15 over the
  // one thumbnail the correctness-trained CNN gets); its other settings are the CNN's.
  int cnn_epochs = 3;
};

// Ridge regression of y_train [n] (or [n, targets], each column on its own) on x_train [n, d]
// (standardised with the training rows' mean and deviation), predicting for x_score [m, d].
torch::Tensor fit_ridge(const torch::Tensor& x_train, const torch::Tensor& y_train,
                        const torch::Tensor& x_score, double lambda);
// The same with a one-hidden-layer MLP trained by Adam on the squared error.
torch::Tensor fit_mlp(const torch::Tensor& x_train, const torch::Tensor& y_train,
                      const torch::Tensor& x_score, const DistillOptions& options);

// The heads: ridge and mlp regress the target itself; student is a linear classifier fitted
// by ridge to the full model's logits, scored by its own predicted logits' target (Phuong &
// Lampert's distilled exit, read by its own confidence). Cnn is not a head on a cut but the
// light multiplexer on each view's thumbnail (train_distilled_cnn), named alike.
enum class DistilledHead { Ridge, Mlp, Student, Cnn };
// What a head learns: the full model's max softmax, or its top logit less the second.
enum class DistilledTarget { Softmax, Margin };

// The heads trained at every cut and the targets of each, in the order of their muxes.
inline constexpr DistilledHead kDistilledHeads[] = {DistilledHead::Ridge, DistilledHead::Mlp,
                                                    DistilledHead::Student};
inline constexpr DistilledTarget kDistilledTargets[] = {DistilledTarget::Softmax,
                                                        DistilledTarget::Margin};

// As the muxes' names spell them: distilled-<head>-<target>[-k<cut>].
const char* distilled_head_name(DistilledHead head);
const char* distilled_target_name(DistilledTarget target);

// One head kind trained on the views `rows` (x_train holds their features, in that order),
// scoring x_score [m, d] for each target of kDistilledTargets, in that order: [m] each. The
// student's ridge on the logits is fitted once for both targets.
std::vector<torch::Tensor> fit_distilled_heads(DistilledHead head, const ViewFeatures& views,
                                               const torch::Tensor& x_train,
                                               const torch::Tensor& rows,
                                               const torch::Tensor& x_score,
                                               const DistillOptions& options);

struct DistilledMux {
  std::string name; // distilled-<ridge|mlp|student>-<softmax|margin>-k<block>
  DistilledHead head = DistilledHead::Ridge;
  DistilledTarget target = DistilledTarget::Softmax;
  int block = 0;
  long prefix_macs = 0, head_macs = 0;
  std::vector<double> score;                     // per input: its centre view's prediction
  std::vector<std::vector<std::size_t>> trained; // per fold: images whose views it trained on
};

// Every head kind and target at every kept block, out of fold by `fold` (per input).
// `prefix_macs[k]`: what blocks 0..k cost.
std::vector<DistilledMux> train_distilled_muxes(const std::vector<long>& prefix_macs,
                                                const ViewFeatures& views,
                                                const PrefixFeatures& centre,
                                                const std::vector<int>& fold, int folds,
                                                const DistillOptions& options, bool progress);

// The paper's light multiplexer distilled the same way (name distilled-cnn-softmax): the 4-conv
// CNN on each view's thumbnail learns the full model's max softmax on that view as a soft
// target, out of fold by `fold`, and scores each image's own thumbnail, [N, 3, side, side].
DistilledMux train_distilled_cnn(const ViewFeatures& views, const torch::Tensor& thumbnails,
                                 const std::vector<int>& fold, int folds,
                                 const MuxTrainOptions& cnn, const DistillOptions& options);

// The heads at one cut, every kind and target in the order of kDistilledHeads x
// kDistilledTargets, named and costed (`width`: the cut's feature width), with a zero score
// for each of `inputs`.
std::vector<DistilledMux> distilled_muxes_at(int cut, long prefix_macs, long width, long classes,
                                             std::size_t inputs, const DistillOptions& options);

} // namespace muxsim::learn
