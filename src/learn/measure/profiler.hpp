#pragma once
// `muxsim profile`: CPU latency of models on this machine (docs/imagenet.md), written
// as a device profile with kind=measured.
#include "learn/measure/qengine.hpp"

#include <string>
#include <vector>

namespace muxsim::learn {

struct ProfileOptions {
  std::vector<std::string> architectures; // built-in definitions, random weights
  std::vector<std::string> torchscripts;  // NAME=PATH
  std::string device;                     // default cpu-<CPU model>
  std::string out;                        // profile CSV, written atomically
  std::string reference = "mobilenet_v2"; // ratios are printed against it when profiled
  int runs = 50;
  int warmup = 10;
  int threads = 2;
  QEngine qengine = kDefaultQEngine; // quantized engine of TorchScript int8 models
};

struct MeasuredLatency {
  std::string model;
  double gflops = 0;
  double median_ms = 0;
  double p95_ms = 0;
  std::string sha256; // of the TorchScript archive; empty for built-in architectures
};

// Returns the measurements in the order asked (architectures, then TorchScript models).
std::vector<MeasuredLatency> profile_models(const ProfileOptions& options);

} // namespace muxsim::learn
