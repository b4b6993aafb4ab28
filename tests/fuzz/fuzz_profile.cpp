// Device profile CSV.
#include "core/formats/profile.hpp"
#include "fuzz_file.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  return muxsim::fuzz::parse_bytes(data, size, ".csv", [](const std::string& path) {
    muxsim::ProfileSet profiles;
    profiles.load(path);
  });
}
