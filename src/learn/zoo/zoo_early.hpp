#pragma once
// `muxsim zoo early` (docs/fashion-mnist.md): the early multiplexer
// applied to the committed zoo. The phone's zoo member is cut after each of its layers; a
// head per cut learns every zoo member's correctness on the multiplexer's training images
// (those after the zoo's share) and scores the test images of a decision trace, beside the
// trace's own distilled multiplexer and the phone model's confidence; with --views, heads
// distilled from the phone model's own confidence on label-free views beside them.
#include "learn/early/distill.hpp"
#include "learn/early/feature_head.hpp"
#include "learn/zoo/training_run.hpp"

#include <string>

namespace muxsim::learn {

struct ZooEarlyOptions {
  TrainingRun run{kFashionMnistDir, 1};
  std::string zoo;   // folder written by muxsim zoo train
  std::string trace; // the decision trace of the test images (t10k-NNNNN ids)
  std::string out;   // receives early_report.csv
  std::string baseline = "mobile";
  HeadOptions head;
  // With views > 0, distilled heads too (learn/zoo/zoo_distill.hpp), on that many views of each
  // training image at the zoo's 28 x 28.
  ViewOptions views{0, 1, 28};
  DistillOptions distill;
};

void fit_zoo_early(const ZooEarlyOptions& options);

} // namespace muxsim::learn
