#pragma once
// Label-free views of an image (docs/imagenet.md, "Distilled early heads"): the augmentations
// a distilled early head trains on. Each view is a random resized crop (area 35-100 % of the
// image, aspect ratio 3/4 to 4/3) scaled to the phone model's input, flipped with
// probability 1/2, with brightness and contrast each scaled by a factor in [0.9, 1.1]. A
// view is a function of (seed, image, view) alone, so views are the same whatever order or
// subset of images is built.
#include <cstdint>
#include <torch/torch.h>

namespace muxsim::learn {

struct ViewOptions {
  int views = 0; // per image; 0: no distilled heads
  std::uint64_t seed = 1;
  int crop = 224;    // the phone model's input side
  int thumbnail = 0; // with > 0, each view is also kept squeezed to this side for the light CNN
};

// View `view` of image number `image`, [C, H, W] in [0, 1] (RGB or greyscale): [C, crop, crop]
// in [0, 1].
torch::Tensor augment(const torch::Tensor& chw, std::size_t image, int view,
                      const ViewOptions& options);
// The same for an ImageNet image, [3, H, W] in [0, 1]: normalised as the phone model expects.
torch::Tensor make_view(const torch::Tensor& chw, std::size_t image, int view,
                        const ViewOptions& options);

} // namespace muxsim::learn
