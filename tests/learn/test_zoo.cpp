// The Fashion-MNIST zoo: six members of graded cost, at least 30x apart, with unit-length
// projections (Eq. 1); the IDX reader refuses corrupt files.
#include "../unit/test_util.hpp"
#include "core/base/input_error.hpp"
#include "learn/data/idx.hpp"
#include "learn/mux/mux_net.hpp"
#include "learn/zoo/zoo.hpp"

#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <zlib.h>

using namespace muxsim;
using namespace muxsim::learn;

TEST_CASE("zoo: six members, ordered by cost, the largest at least 30x the smallest") {
  const auto& members = zoo_architectures();
  REQUIRE(members.size() == 6);
  double previous = 0, smallest = 0, largest = 0;
  for (const auto arch : members) {
    ZooNet net(arch, 32);
    CAPTURE(zoo_arch_name(arch));
    CHECK(parse_zoo_arch(zoo_arch_name(arch)) == arch);
    CHECK(net->gmacs() > previous);
    previous = net->gmacs();
    if (smallest == 0) smallest = net->gmacs();
    largest = net->gmacs();
    net->eval();
    const auto out = net->forward(torch::randn({3, 1, 28, 28}));
    CHECK(out.logits.sizes() == torch::IntArrayRef{3, 10});
    CHECK(out.projection.norm(2, 1).sub(1).abs().max().item<double>() < 1e-5);
  }
  CHECK(largest / smallest >= 30);
  // tiny by hand: 14*14*8*1*9 + 7*7*16*8*9 + 16*10
  CHECK(ZooNet(ZooArch::Tiny, 32)->gmacs() * 1e9 == doctest::Approx(70720.0));
  // the Fashion-MNIST multiplexer, as the derived profiles quote it
  CHECK(MuxNet(6, 28, 1)->gmacs() * 1e9 == doctest::Approx(844608.0));
  CHECK_THROWS_WITH_AS(parse_zoo_arch("vgg"), doctest::Contains("unknown zoo architecture 'vgg'"),
                       InputError);
}

namespace {
std::string gz_file(const std::string& name, const std::string& bytes) {
  const std::string dir = test::temp_dir() + "/idx";
  std::filesystem::create_directories(dir);
  gzFile f = gzopen((dir + "/" + name).c_str(), "wb");
  gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size()));
  gzclose(f);
  return dir;
}
std::string header(int dims, std::vector<uint32_t> sizes) {
  std::string h = {0, 0, 8, static_cast<char>(dims)};
  for (auto s : sizes)
    h += {char(s >> 24), char(s >> 16), char(s >> 8), char(s)};
  return h;
}
} // namespace

TEST_CASE("IDX: a good pair reads; bad magic, truncation and a missing file are named") {
  gz_file("x-images-idx3-ubyte.gz", header(3, {2, 28, 28}) + std::string(2 * 784, '\x80'));
  const auto dir = gz_file("x-labels-idx1-ubyte.gz", header(1, {2}) + std::string("\x03\x07", 2));
  const auto set = read_fashion_mnist(dir, "x");
  CHECK(set.images.sizes() == torch::IntArrayRef{2, 1, 28, 28});
  CHECK(set.labels[1].item<int64_t>() == 7);
  CHECK(set.images.max().item<double>() == doctest::Approx(128 / 255.0));

  gz_file("y-images-idx3-ubyte.gz", header(3, {2, 28, 28}) + std::string(100, 'x'));
  gz_file("y-labels-idx1-ubyte.gz", header(1, {2}) + std::string("\x03\x07", 2));
  CHECK_THROWS_WITH_AS(read_fashion_mnist(dir, "y"), doctest::Contains("truncated"), InputError);
  gz_file("z-images-idx3-ubyte.gz", "GIF89a not an idx file at all");
  gz_file("z-labels-idx1-ubyte.gz", header(1, {2}) + std::string("\x03\x07", 2));
  CHECK_THROWS_WITH_AS(read_fashion_mnist(dir, "z"), doctest::Contains("bad magic number"),
                       InputError);
  // Sizes whose product overflows 64 bits must not pass for a match with the data.
  gz_file("o-images-idx3-ubyte.gz",
          header(3, {0xFFFFFFFFu, 0xFFFFFFFFu, 0x10u}) + std::string(16, 'x'));
  gz_file("o-labels-idx1-ubyte.gz", header(1, {2}) + std::string("\x03\x07", 2));
  CHECK_THROWS_WITH_AS(read_fashion_mnist(dir, "o"), doctest::Contains("do not match"), InputError);
  gz_file("s-images-idx3-ubyte.gz", header(3, {2, 2, 2}) + std::string(8, 'x'));
  gz_file("s-labels-idx1-ubyte.gz", header(1, {2}) + std::string("\x03\x07", 2));
  CHECK_THROWS_WITH_AS(read_fashion_mnist(dir, "s"), doctest::Contains("are 28x28"), InputError);
  CHECK_THROWS_WITH_AS(read_fashion_mnist(dir, "absent"),
                       doctest::Contains("apt-get install dataset-fashion-mnist"), InputError);
  std::filesystem::remove_all(dir);
}
