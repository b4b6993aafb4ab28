#pragma once
// Where the Debian package dataset-fashion-mnist installs its gzipped IDX files.

namespace muxsim::learn {

inline constexpr const char* kFashionMnistDir = "/usr/share/datasets/fashion-mnist";

} // namespace muxsim::learn
