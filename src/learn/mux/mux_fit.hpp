#pragma once
// `muxsim mux train`: Algorithm 1, lines 12-19, on Fashion-MNIST. The multiplexer (the
// 4-conv CNN) learns from the zoo's correctness on training images the zoo never saw, with
// L_mux (Eq. 4-7) plus distillation toward the zoo's projected embeddings (Eq. 8). It then
// scores the 10,000 test images, which gives the decision trace.
#include "learn/zoo/training_run.hpp"

#include <string>

namespace muxsim::learn {

struct MuxFitOptions {
  TrainingRun run{kFashionMnistDir, 8};
  std::string zoo;                 // folder written by muxsim zoo train
  std::string out;                 // receives trace.csv, mux_report.csv, algorithm2.csv, mux.pt
  std::string baseline = "mobile"; // the phone model; its confidence is the reference scorer
  double distillation_weight = 1.0;
};

void fit_mux(const MuxFitOptions& options);

} // namespace muxsim::learn
