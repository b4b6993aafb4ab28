#pragma once
// `muxsim predict`: a TorchScript classifier over an image folder and its labels, written
// as a predictions CSV (docs/formats.md).
#include "learn/measure/qengine.hpp"

#include <string>

namespace muxsim::learn {

struct PredictOptions {
  std::string model;  // TorchScript archive
  std::string images; // folder holding every file the labels name
  std::string labels; // file_name,label
  std::string out;    // predictions CSV, written atomically
  int batch = 1;      // models traced for mobile (the shared MobileNetV2) take batch 1 only
  int threads = 2;
  int resize = 256; // shorter side before the crop; torchvision's evaluation recipe
  int crop = 224;
  QEngine qengine = kDefaultQEngine;
};

struct PredictSummary {
  long inputs = 0;
  long correct = 0;
  double seconds = 0;
  std::string qengine, isa;  // what the answers depend on (docs/reproducibility.md)
  std::string logits_sha256; // of every logit, float32 in input order
};

PredictSummary predict(const PredictOptions& options);

} // namespace muxsim::learn
