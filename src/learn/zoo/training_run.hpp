#pragma once
// What every Fashion-MNIST training command shares: where the data is, the schedule, the
// seed and the threads (muxsim zoo train and muxsim mux train).
#include "learn/data/dataset_paths.hpp"

#include <cstdint>
#include <string>

namespace muxsim::learn {

struct TrainingRun {
  std::string data = kFashionMnistDir;
  int epochs = 1;
  int batch = 128;
  double learning_rate = 2e-3;
  long limit = 0; // use only this many images of each set (0: all); for quick runs
  std::uint64_t seed = 1;
  int threads = 2;
  bool progress = true; // one line per epoch on stderr
};

} // namespace muxsim::learn
