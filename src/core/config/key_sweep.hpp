#pragma once
// Sweeps of any one-valued key (docs/formats.md, "Sweeps"). Beside the five native sweeps
// (seeds, bandwidth_mbps, cells, phones, arrival_rate_hz), any numeric, choice or flag key
// takes a list or a range: `gpu_workers = 1,2,4`, `upload_bytes = 10000:100000:log:3`,
// `wifi_standard = 802.11g,802.11n`. Each value is run as a sub-scenario, the file read
// again with `--set key=value`, so every rule between keys holds at every value; the key's
// value is a column of results.
#include "core/config/scenario_keys.hpp"

#include <string>
#include <utility>
#include <vector>

namespace muxsim {

// Whether `raw` gives a key of this kind several values; then `values` holds them, each
// checked as the key's one value would be.
bool read_key_sweep(const KeySpec& spec, const std::string& raw, const std::string& at,
                    std::vector<std::string>& values);

// Every combination of the swept keys' values, each as "section.key=value" settings, in
// the order the keys appear in the key table.
std::vector<std::vector<std::string>> key_sweep_settings(const std::vector<KeySweep>& sweeps);

// For commands that build one run (muxsim platform, reconstruct): throws InputError naming
// the first swept key, which they would otherwise read at its first value alone.
void refuse_key_sweeps(const Scenario& s, const std::string& command);

// A results column for a swept key: its name without the section.
std::string key_sweep_column(const std::string& key);

} // namespace muxsim
