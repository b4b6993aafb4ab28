// [mobility]'s inputs: a list of x:y points, a CSV of points, and a CSV of recorded walks.
#include "core/formats/positions.hpp"
#include "fuzz_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return muxsim::fuzz::parse_bytes(data, size, ".csv", [data, size](const std::string& path) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    try {
      muxsim::parse_points(text, "fuzz");
    } catch (const muxsim::InputError&) {
    }
    try {
      muxsim::read_points_csv(path);
    } catch (const muxsim::InputError&) {
    }
    muxsim::read_walks_csv(path);
  });
}
