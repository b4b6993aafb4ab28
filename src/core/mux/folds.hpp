#pragma once
// k-fold assignment for out-of-fold multiplexer scores (docs/formats.md, "Decision trace CSV"): the
// multiplexer that scores fold f never trained on it.
#include <cstdint>
#include <vector>

namespace muxsim {

// A seeded assignment of n inputs to folds 0..k-1, sizes differing by at most one.
std::vector<int> assign_folds(std::size_t n, int k, std::uint64_t seed);

} // namespace muxsim
