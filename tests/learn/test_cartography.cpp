// DIMEC-DC's reading of a zoo's data cartography: regions from confidence and variability,
// and every bad row refused with file, line and field.
#include "../unit/test_util.hpp"
#include "learn/zoo/cartography.hpp"

#include <doctest/doctest.h>

using namespace muxsim;
using namespace muxsim::learn;

namespace {

const std::vector<std::string> kZoo = {"mobile", "resnet"};

std::string regions_error(const std::string& rows) {
  const auto path = test::write_temp("carto.csv", "sample,model,confidence,variability\n" + rows);
  return test::error_of([&] { read_regions(path, kZoo, 2, "mobile", "zoo"); });
}

} // namespace

TEST_CASE("cartography: easy, medium and hard from confidence and variability") {
  CHECK(cartography_region(0.9, 0.1) == 0);
  CHECK(cartography_region(0.1, 0.1) == 2);
  CHECK(cartography_region(0.5, 0.1) == 1);
  CHECK(cartography_region(0.9, 0.3) == 1);
  const auto path =
      test::write_temp("carto-good.csv", "sample,model,confidence,variability\n"
                                         "train-00001,mobile,0.1,0.05\ntrain-00000,mobile,0.8,0.1\n"
                                         "train-00000,resnet,0.5,0.4\n");
  CHECK(read_regions(path, kZoo, 2, "mobile", "zoo") == std::vector<int>{0, 2});
}

TEST_CASE("cartography: bad rows are named by line and field") {
  CHECK(regions_error("train-00000,mobile,1.5,0.1\ntrain-00001,mobile,0.5,0.1\n")
            .find("carto.csv:2: field 'confidence'") != std::string::npos);
  CHECK(regions_error("train-00000,mobile,0.5,0.7\ntrain-00001,mobile,0.5,0.1\n")
            .find("carto.csv:2: field 'variability'") != std::string::npos);
  CHECK(regions_error("train-00000,mobile,0.5,0.1\ntrain-00000,mobile,0.5,0.1\n")
            .find("carto.csv:3: field 'sample': 0 appears twice") != std::string::npos);
  CHECK(regions_error("train-00000,mobile,0.5,0.1\ntrain-00002,mobile,0.5,0.1\n")
            .find("carto.csv:3: field 'sample': 2 is not one of the zoo's 2") != std::string::npos);
  CHECK(regions_error("train-00000,vgg,0.5,0.1\n").find("carto.csv:2: field 'model'") !=
        std::string::npos);
  CHECK(regions_error("train-00000,mobile,0.5,0.1\n").find("does not match the zoo") !=
        std::string::npos);
}
