#include "learn/data/preprocess.hpp"

#include "core/base/input_error.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace muxsim::learn {

torch::Tensor resize_to(const torch::Tensor& chw, int height, int width) {
  namespace F = torch::nn::functional;
  const bool shrinking = height < chw.size(1) || width < chw.size(2);
  return F::interpolate(chw.unsqueeze(0), F::InterpolateFuncOptions()
                                              .size(std::vector<int64_t>{height, width})
                                              .mode(torch::kBilinear)
                                              .align_corners(false)
                                              .antialias(shrinking))
      .squeeze(0);
}

torch::Tensor normalise(const torch::Tensor& chw) {
  const auto mean = torch::tensor({kImagenetMean[0], kImagenetMean[1], kImagenetMean[2]});
  const auto std = torch::tensor({kImagenetStd[0], kImagenetStd[1], kImagenetStd[2]});
  return (chw - mean.view({3, 1, 1})) / std.view({3, 1, 1});
}

torch::Tensor to_tensor(const RgbImage& image) {
  auto hwc = torch::from_blob(const_cast<std::uint8_t*>(image.pixels.data()),
                              {image.height, image.width, 3}, torch::kUInt8);
  return hwc.permute({2, 0, 1}).to(torch::kFloat32).div(255.0f).contiguous();
}

torch::Tensor imagenet_input(const RgbImage& image, int resize, int crop) {
  auto chw = to_tensor(image);
  if (resize > 0) {
    // torchvision Resize(int): the shorter side becomes `resize`; the longer keeps the ratio,
    // truncated.
    const bool portrait = image.height > image.width;
    const int shorter = std::min(image.height, image.width);
    const long longer = static_cast<long>(resize) * std::max(image.height, image.width) / shorter;
    // A strip of an image would become a huge one: bounded like a decoded JPEG.
    if (longer * resize > kMaxJpegPixels)
      throw InputError(fmt::format("image of {}x{} would be {} pixels long at --resize {}",
                                   image.width, image.height, longer, resize));
    const int side = static_cast<int>(longer);
    chw = resize_to(chw, portrait ? side : resize, portrait ? resize : side);
  }
  const int h = static_cast<int>(chw.size(1)), w = static_cast<int>(chw.size(2));
  if (h < crop || w < crop)
    throw InputError(
        fmt::format("image of {}x{} is smaller than the --crop of {}; raise --resize", w, h, crop));
  // The offset is floor((H - crop) / 2), as in the reference measurement of the shared
  // data (78.5% top-1). torchvision rounds instead: 2 px instead of 1 on the 227-px images
  // (docs/imagenet.md).
  const int top = (h - crop) / 2;
  const int left = (w - crop) / 2;
  return normalise(chw.slice(1, top, top + crop).slice(2, left, left + crop));
}

torch::Tensor imagenet_input(const std::string& path, int resize, int crop) {
  const RgbImage image = read_jpeg(path);
  try {
    return imagenet_input(image, resize, crop);
  } catch (const InputError& e) {
    throw InputError(path + ": " + e.what());
  }
}

torch::Tensor thumbnail(const RgbImage& image, int side) {
  return normalise(resize_to(to_tensor(image), side, side));
}

} // namespace muxsim::learn
