// JPEG decoding refuses corrupt files; preprocessing normalises as torchvision does; a
// measured profile parses back as a profile.
#include "../unit/test_util.hpp"
#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"
#include "core/formats/profile.hpp"
#include "learn/data/preprocess.hpp"
#include "learn/measure/machine.hpp"
#include "learn/measure/profiler.hpp"
#include "learn/measure/torchscript.hpp"

#include <cstdio>
#include <doctest/doctest.h>
#include <fstream>
#include <jpeglib.h>
#include <unistd.h>

using namespace muxsim;
using namespace muxsim::learn;

namespace {

std::string temp(const std::string& name) {
  return test::temp_dir() + "/" + name;
}

// A w x h JPEG of one grey level, written with libjpeg-turbo.
std::string write_grey_jpeg(const std::string& name, int w, int h, unsigned char level) {
  const std::string path = temp(name);
  FILE* f = std::fopen(path.c_str(), "wb");
  jpeg_compress_struct info{};
  jpeg_error_mgr err{};
  info.err = jpeg_std_error(&err);
  jpeg_create_compress(&info);
  jpeg_stdio_dest(&info, f);
  info.image_width = w;
  info.image_height = h;
  info.input_components = 3;
  info.in_color_space = JCS_RGB;
  jpeg_set_defaults(&info);
  jpeg_set_quality(&info, 100, TRUE);
  jpeg_start_compress(&info, TRUE);
  std::vector<unsigned char> row(static_cast<std::size_t>(w) * 3, level);
  while (info.next_scanline < info.image_height) {
    JSAMPROW r = row.data();
    jpeg_write_scanlines(&info, &r, 1);
  }
  jpeg_finish_compress(&info);
  jpeg_destroy_compress(&info);
  std::fclose(f);
  return path;
}

} // namespace

TEST_CASE("JPEG: decoded to RGB; truncated or foreign files are an InputError naming them") {
  const auto good = write_grey_jpeg("good.jpg", 40, 30, 128);
  const auto image = read_jpeg(good);
  CHECK(image.width == 40);
  CHECK(image.height == 30);
  CHECK(std::abs(int(image.pixels[0]) - 128) <= 2);

  std::ifstream in(good, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), {});
  const auto cut = temp("cut.jpg");
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  CHECK_THROWS_WITH_AS(read_jpeg(cut), doctest::Contains("cut.jpg: not a readable JPEG"),
                       InputError);
  const auto text = temp("text.jpg");
  std::ofstream(text) << "hello";
  CHECK_THROWS_WITH_AS(read_jpeg(text), doctest::Contains("text.jpg: not a readable JPEG"),
                       InputError);
  CHECK_THROWS_AS(read_jpeg(temp("absent.jpg")), InputError);
}

// The frame header (SOF0: FF C0, length, precision, height, width) is rewritten to claim
// 65500 x 65500 pixels; the decoder must refuse it before sizing a buffer from it.
TEST_CASE("JPEG: a header claiming more than 64 megapixels is refused before decoding") {
  const auto path = write_grey_jpeg("huge.jpg", 16, 16, 100);
  std::string bytes;
  {
    std::ifstream in(path, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  const auto sof = bytes.find("\xFF\xC0");
  REQUIRE(sof != std::string::npos);
  for (std::size_t i = sof + 5; i < sof + 9; i += 2) {
    bytes[i] = static_cast<char>(0xFF);
    bytes[i + 1] = static_cast<char>(0xDC);
  }
  std::ofstream(path, std::ios::binary) << bytes;
  CHECK_THROWS_WITH_AS(read_jpeg(path), doctest::Contains("65500x65500 pixels, more than"),
                       InputError);
}

TEST_CASE("preprocessing: resize the shorter side, centre crop, ImageNet mean/std") {
  const auto image = read_jpeg(write_grey_jpeg("wide.jpg", 300, 240, 200));
  const auto x = imagenet_input(image, 256, 224);
  CHECK(x.sizes() == torch::IntArrayRef{3, 224, 224});
  for (int c = 0; c < 3; ++c)
    CHECK(x[c].mean().item<double>() ==
          doctest::Approx((200 / 255.0 - kImagenetMean[c]) / kImagenetStd[c]).epsilon(0.02));
  CHECK(thumbnail(image, 64).sizes() == torch::IntArrayRef{3, 64, 64});
  CHECK_THROWS_AS(imagenet_input(image, 0, 256), InputError); // 240 px high: no 256 crop
}

TEST_CASE("TorchScript: a file that is not a model is an InputError naming it") {
  const auto fake = temp("fake.pt");
  std::ofstream(fake) << "not a zip archive";
  CHECK_THROWS_WITH_AS(load_torchscript(fake), doctest::Contains("fake.pt: not a TorchScript"),
                       InputError);
}

TEST_CASE("muxsim profile output parses back as a measured profile") {
  ProfileOptions o;
  o.architectures = {"mux-cnn64"};
  o.out = temp("profile.csv");
  o.device = "test-cpu";
  o.warmup = 2;
  const auto rows = profile_models(o);
  REQUIRE(rows.size() == 1);
  ProfileSet set;
  set.load(o.out);
  const auto& p = set.get("test-cpu", "mux-cnn64");
  CHECK(p.kind == ProfileKind::Measured);
  CHECK(p.latency_ms == doctest::Approx(rows[0].median_ms).epsilon(1e-3));
  CHECK(p.latency_ms > 0);
  CHECK(p.gflops == doctest::Approx(0.003982).epsilon(1e-3));
  CHECK(p.source.find("LibTorch") != std::string::npos);
  CHECK(p.source.find("quantized engine qnnpack") != std::string::npos);
  const CsvTable written = CsvTable::read(o.out);
  CHECK(written.text(0, "qengine") == "qnnpack");
  CHECK(written.text(0, "isa") == cpu_isa());
  CHECK_THROWS_WITH_AS(parse_qengine("fbgemm"), doctest::Contains("--qengine 'fbgemm'"),
                       InputError);
  CHECK(parse_qengine("onednn") == QEngine::Onednn);
  CHECK(qengine_name(parse_qengine("qnnpack")) == std::string("qnnpack"));
  o.runs = 10;
  CHECK_THROWS_AS(profile_models(o), InputError);
}
