#pragma once
// `muxsim zoo dimec` (docs/seed-policies.md, DIMEC-DC): data cartography of the zoo's
// training images gives each a difficulty region; a light classifier on the phone model's
// own features learns to predict the region of an unseen input; two thresholds on its
// outputs, chosen on a validation split the region classifier never saw, place each input
// on the phone, the edge or the cloud. No test label is read before the report.
#include "learn/early/feature_head.hpp"
#include "learn/zoo/cartography.hpp"
#include "learn/zoo/training_run.hpp"

#include <array>
#include <string>
#include <vector>

namespace muxsim::learn {

struct DimecOptions {
  TrainingRun run{kFashionMnistDir, 1};
  std::string zoo;         // folder written by muxsim zoo train
  std::string cartography; // its --cartography CSV
  std::string trace;       // the test images' decision trace
  std::string out;         // receives trace.csv (with `region`) and dimec_report.csv
  std::string phone = "mobile", edge = "resnet", cloud = "wide-resnet";
  double mu = 1.0;             // accuracy - mu x cost
  double edge_offload = 0.1;   // offloading cost of one input to the edge, in cloud-model units
  double cloud_offload = 0.2;  // ... and to the cloud
  long region_samples = 20000; // cartography samples the region classifier trains on
  HeadOptions head;
};

struct Placement {
  double accuracy = 0, cost = 0, share[3] = {0, 0, 0}; // share: phone, edge, cloud
};

// Where thresholds (easy_at, hard_at) place inputs with region probabilities p[i] = {easy,
// medium, hard}: the phone when p_easy >= easy_at, else the cloud when p_hard >= hard_at,
// else the edge. right[i] = {phone, edge, cloud} correctness; cost = tier costs.
std::vector<int> place(const std::vector<std::array<double, 3>>& p, double easy_at, double hard_at);
Placement score_placement(const std::vector<int>& tier,
                          const std::vector<std::array<bool, 3>>& right,
                          const std::array<double, 3>& cost);

void fit_dimec(const DimecOptions& options);

} // namespace muxsim::learn
