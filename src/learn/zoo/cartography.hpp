#pragma once
// Reading a zoo's data cartography (`muxsim zoo train --cartography`) for DIMEC-DC. Kept free
// of LibTorch so the fuzz target for this format compiles in seconds.
#include <string>
#include <vector>

namespace muxsim::learn {

// A sample's region from its cartography (Swayamdipta et al.'s data map, read for the
// phone model): easy when confidence >= 0.75 and variability < 0.2, hard when confidence
// < 0.25 and variability < 0.2, medium otherwise (the ambiguous, variable ones included).
int cartography_region(double confidence, double variability);

// Each zoo training image's region (0 easy, 1 medium, 2 hard), from `phone`'s rows of the
// cartography CSV at `path`. Every row's model must be one of `zoo_names`; `phone` must have
// exactly one row per training image train-00000 ... train-(zoo_images - 1). Confidence is a
// mean probability, in [0, 1]; variability its standard deviation, in [0, 0.5]. Any other
// row is refused with file, line and field.
std::vector<int> read_regions(const std::string& path, const std::vector<std::string>& zoo_names,
                              long zoo_images, const std::string& phone,
                              const std::string& zoo_dir);

} // namespace muxsim::learn
