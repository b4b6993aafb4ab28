#include "learn/early/views.hpp"

#include "learn/data/preprocess.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace muxsim::learn {

namespace {

// Uniform in [lo, hi) from 53 bits of the generator: the same on every platform, unlike
// std::uniform_real_distribution.
double uniform(std::mt19937_64& rng, double lo, double hi) {
  return lo + (hi - lo) * static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

struct Crop {
  long top = 0, left = 0, height = 0, width = 0;
};

// torchvision's RandomResizedCrop sampling: up to 10 tries of an area and a log-uniform
// aspect ratio that fit, else the whole image.
Crop random_crop(std::mt19937_64& rng, long height, long width) {
  const double area = static_cast<double>(height * width);
  for (int attempt = 0; attempt < 10; ++attempt) {
    const double target = area * uniform(rng, 0.35, 1.0);
    const double ratio = std::exp(uniform(rng, std::log(3.0 / 4.0), std::log(4.0 / 3.0)));
    const long w = std::lround(std::sqrt(target * ratio));
    const long h = std::lround(std::sqrt(target / ratio));
    if (w < 1 || h < 1 || w > width || h > height) continue;
    const long top = static_cast<long>(uniform(rng, 0, static_cast<double>(height - h + 1)));
    const long left = static_cast<long>(uniform(rng, 0, static_cast<double>(width - w + 1)));
    return {top, left, h, w};
  }
  return {0, 0, height, width};
}

} // namespace

torch::Tensor augment(const torch::Tensor& chw, std::size_t image, int view, const ViewOptions& o) {
  std::seed_seq seq{static_cast<std::uint32_t>(o.seed), static_cast<std::uint32_t>(o.seed >> 32),
                    static_cast<std::uint32_t>(image), static_cast<std::uint32_t>(view)};
  std::mt19937_64 rng(seq);
  const Crop c = random_crop(rng, chw.size(1), chw.size(2));
  auto x = resize_to(chw.slice(1, c.top, c.top + c.height).slice(2, c.left, c.left + c.width),
                     o.crop, o.crop);
  if (uniform(rng, 0, 1) < 0.5) x = x.flip({2});
  const double brightness = uniform(rng, 0.9, 1.1), contrast = uniform(rng, 0.9, 1.1);
  x = x * brightness;
  // Contrast about the view's mean grey level, as torchvision's adjust_contrast does.
  const auto grey = x.size(0) == 3 ? (0.299 * x[0] + 0.587 * x[1] + 0.114 * x[2]).mean() : x.mean();
  return ((x - grey) * contrast + grey).clamp(0.0, 1.0);
}

torch::Tensor make_view(const torch::Tensor& chw, std::size_t image, int view,
                        const ViewOptions& o) {
  return normalise(augment(chw, image, view, o));
}

} // namespace muxsim::learn
