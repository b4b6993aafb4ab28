#pragma once
// Image preprocessing (docs/imagenet.md): the torchvision ImageNet evaluation recipe,
// and the small square inputs the multiplexer sees.
#include "learn/data/jpeg_image.hpp"

#include <torch/torch.h>

namespace muxsim::learn {

// ImageNet channel statistics, the ones torchvision's classifiers were trained with.
constexpr float kImagenetMean[3] = {0.485f, 0.456f, 0.406f};
constexpr float kImagenetStd[3] = {0.229f, 0.224f, 0.225f};

// Float [3, H, W] in [0, 1].
torch::Tensor to_tensor(const RgbImage& image);
// [3, H, W] resized to height x width: bilinear, antialiased when shrinking.
torch::Tensor resize_to(const torch::Tensor& chw, int height, int width);
// [3, H, W] in [0, 1] normalised with the ImageNet mean and std.
torch::Tensor normalise(const torch::Tensor& chw);

// Resize the shorter side to `resize` (bilinear, antialiased when shrinking; 0 keeps the
// size), take the centre `crop` x `crop`, normalise with the ImageNet mean and std.
torch::Tensor imagenet_input(const RgbImage& image, int resize, int crop);
// The same for the JPEG at `path`; errors name it.
torch::Tensor imagenet_input(const std::string& path, int resize, int crop);

// The whole image squeezed to side x side, normalised like imagenet_input: what the
// multiplexer looks at (a lower resolution keeps it cheap, as the paper intends).
torch::Tensor thumbnail(const RgbImage& image, int side);

} // namespace muxsim::learn
