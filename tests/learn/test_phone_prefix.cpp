// The phone model cut into blocks (docs/imagenet.md): the cut points found from
// the op sequence agree with torchvision's module names, the MACs match a hand count, and
// the modified graph leaves the model's own output unchanged. Needs the shared quantized
// MobileNetV2; without it each case says it skipped.
#include "../unit/test_util.hpp"
#include "learn/early/phone_prefix.hpp"
#include "learn/measure/torchscript.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>

using namespace muxsim::learn;

namespace {

std::string shared_model() {
  const char* env = std::getenv("MUXSIM_SHARED_DATA");
  const std::string data = env ? env : std::string(MUXSIM_SOURCE_DIR) + "/../shared/data";
  const std::string path = data + "/imagenet-models/mobilenet_v2_quantized.pt";
  return std::filesystem::exists(path) ? path : "";
}

} // namespace

TEST_CASE("phone prefix: 19 blocks, each the torchvision module its weights are named after") {
  const auto path = shared_model();
  if (path.empty()) {
    MESSAGE("skip: no shared MobileNetV2 (set MUXSIM_SHARED_DATA)");
    return;
  }
  PhonePrefix prefix(path);
  REQUIRE(prefix.blocks().size() == 19);
  for (std::size_t b = 0; b < prefix.blocks().size(); ++b)
    CHECK(prefix.blocks()[b].module == "features." + std::to_string(b));
  // Output widths of MobileNetV2's stages (Sandler et al. 2018, Table 2).
  const long widths[] = {32, 16, 24, 24, 32,  32,  32,  64,  64,  64,
                         64, 96, 96, 96, 160, 160, 160, 320, 1280};
  for (std::size_t b = 0; b < 19; ++b)
    CHECK(prefix.blocks()[b].channels == widths[b]);
}

TEST_CASE("phone prefix: MACs of the first blocks, counted by hand") {
  const auto path = shared_model();
  if (path.empty()) {
    MESSAGE("skip: no shared MobileNetV2 (set MUXSIM_SHARED_DATA)");
    return;
  }
  PhonePrefix prefix(path);
  // Stem: 3x3 stride-2 convolution, 3 -> 32 channels, output 112 x 112.
  CHECK(prefix.blocks()[0].macs == 112L * 112 * 32 * 3 * 9);
  // Block 1: depthwise 3x3 on 32 channels, then a 1x1 projection 32 -> 16, at 112 x 112.
  CHECK(prefix.blocks()[1].macs == 112L * 112 * 32 * 9 + 112L * 112 * 16 * 32);
  // Block 2: expand 16 -> 96 at 112 x 112, depthwise 3x3 stride 2 to 56 x 56, project 96 -> 24.
  CHECK(prefix.blocks()[2].macs == 112L * 112 * 96 * 16 + 56L * 56 * 96 * 9 + 56L * 56 * 24 * 96);
  CHECK(prefix.prefix_macs(2) ==
        prefix.blocks()[0].macs + prefix.blocks()[1].macs + prefix.blocks()[2].macs);
  CHECK(prefix.classifier_macs() == 1280L * 1000);
  // The whole network: about 300 M multiply-accumulates, the figure MobileNetV2 is known by
  // (Table I: 299 M).
  const double total = static_cast<double>(prefix.prefix_macs(18) + prefix.classifier_macs());
  CHECK(total == doctest::Approx(300e6).epsilon(0.01));
}

TEST_CASE("phone prefix: the full-depth pass returns the model's own logits") {
  const auto path = shared_model();
  if (path.empty()) {
    MESSAGE("skip: no shared MobileNetV2 (set MUXSIM_SHARED_DATA)");
    return;
  }
  torch::NoGradGuard no_grad;
  PhonePrefix prefix(path);
  auto model = load_torchscript(path);
  torch::manual_seed(3);
  for (int i = 0; i < 3; ++i) {
    const auto image = torch::randn({1, 3, 224, 224});
    const auto pass = prefix.run(image);
    const auto expected = model.forward({image}).toTensor();
    CHECK(torch::equal(pass.logits, expected));
    REQUIRE(pass.pooled.size() == 19);
    CHECK(pass.pooled[18].size(0) == 1280);
  }
}

TEST_CASE("phone prefix: a file that is not a TorchScript archive is an input error") {
  const auto bad = std::filesystem::path(muxsim::test::temp_dir()) / "not-a-model.pt";
  {
    std::FILE* f = std::fopen(bad.c_str(), "w");
    std::fputs("not a model", f);
    std::fclose(f);
  }
  CHECK_THROWS_WITH_AS(PhonePrefix(bad.string()), doctest::Contains("not a TorchScript model"),
                       std::exception);
  std::filesystem::remove(bad);
}
