#pragma once
// `muxsim mux train`: Algorithm 1, lines 12-19, on Fashion-MNIST. The multiplexer (the
// 4-conv CNN) learns from the zoo's correctness on training images the zoo never saw, with
// L_mux (Eq. 4-7) plus distillation toward the zoo's projected embeddings (Eq. 8). It then
// scores the 10,000 test images, which gives the decision trace.
#include "learn/dataset_paths.hpp"

#include <cstdint>
#include <string>

namespace muxsim::learn {

struct MuxFitOptions {
  std::string data = kFashionMnistDir;
  std::string zoo;                 // folder written by muxsim zoo train
  std::string out;                 // receives trace.csv, mux_report.csv, algorithm2.csv, mux.pt
  std::string baseline = "mobile"; // the phone model; its confidence is the reference scorer
  int epochs = 8;
  int batch = 128;
  double learning_rate = 2e-3;
  double distillation_weight = 1.0;
  long limit = 0; // use only this many training and test images (0: all)
  std::uint64_t seed = 1;
  int threads = 2;
  bool progress = true;
};

void fit_mux(const MuxFitOptions& options);

} // namespace muxsim::learn
