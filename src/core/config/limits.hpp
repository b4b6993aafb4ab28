#pragma once
// Limits on values read from files (docs/limits.md).

namespace muxsim {

// Times, rates, sizes and costs above 1e9 in their unit (ms, Mbit/s, bytes, mJ, G MACs)
// cannot be simulated faithfully: the engine's clock and rates are doubles, and sums of such
// values lose the small ones. They are refused where they are read.
constexpr double kLargestValue = 1e9;

} // namespace muxsim
