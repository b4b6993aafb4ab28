#pragma once
// A scenario INI (README "Scenario"), read by Boost.Program_options. Every key is known
// here; an unknown key is an error that lists the known ones.
#include "core/cost_breakdown.hpp"
#include "core/policy.hpp"

#include <map>
#include <string>
#include <vector>

namespace muxsim {

struct RunPoint {
  double bandwidth_mbps = 0;
  long phones = 1;
  long seed = 1;
};

struct Scenario {
  std::string path; // the INI file
  std::string name;
  std::string trace; // a trace CSV path, or reconstruct:table1 / reconstruct:table2
  std::vector<std::string> profiles;
  std::string phone_device, cloud_device, mux_device;
  std::string mobile_model, cloud_model, mux_model;
  std::vector<std::string> cloud_models;
  std::vector<std::string> policies, modes;
  std::vector<double> bandwidth_mbps;
  std::vector<long> phones, seeds;
  double wan_mbps = 10000, wan_latency_ms = 0;
  double upload_bytes = 0, download_bytes = 0;
  RadioPower radio;
  long gpu_workers = 1;
  double think_ms = 0; // pause between one phone's requests
  long requests = 0;   // per run; 0 = every input of the trace once
  PolicyParams params;
  // Reconstruction targets (README "Reconstructed traces").
  long reconstruct_inputs = 10000;
  double target_mobile_accuracy = 0, target_cloud_accuracy = 0; // 0: the profile's
  double target_local_fraction = 0, target_hybrid_accuracy = 0, reconstruct_mux_error = 0;

  std::map<std::string, int> key_lines; // where each key was set, for error messages
  // "FILE:LINE: field 'KEY'" for a key of this scenario.
  std::string at(const std::string& key) const;
  std::vector<RunPoint> run_points() const;
};

Scenario read_scenario(const std::string& path);
std::vector<std::string> scenario_keys();
// Paths inside a scenario are relative to the scenario file's folder.
std::string resolve_path(const Scenario& s, const std::string& relative);

} // namespace muxsim
