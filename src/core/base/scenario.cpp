#include "core/base/scenario.hpp"

#include "core/base/input_error.hpp"

#include <filesystem>

namespace muxsim {

std::string Scenario::at(const std::string& key) const {
  if (set_on_command_line.count(key)) return where("command line --set", 0, key);
  const auto it = key_lines.find(key);
  return where(path, it == key_lines.end() ? 0 : it->second, key);
}

std::string resolve_path(const Scenario& s, const std::string& relative) {
  const std::filesystem::path p(relative);
  if (p.is_absolute()) return relative;
  return (std::filesystem::path(s.path).parent_path() / p).lexically_normal().string();
}

std::vector<RunPoint> Scenario::run_points(const std::vector<double>& bandwidth_mbps) const {
  std::vector<RunPoint> points;
  const std::vector<double> no_rate = {0.0};
  const auto& rates = load.arrival == Arrival::Poisson ? load.arrival_rate_hz : no_rate;
  for (double bw : bandwidth_mbps)
    for (long cells : load.cells)
      for (long n : load.phones)
        for (double rate : rates)
          for (long seed : seeds)
            points.push_back({bw, n, seed, cells, rate, !mobility.access_points.empty()});
  return points;
}

double Scenario::run_count() const {
  const double rates = load.arrival == Arrival::Poisson ? load.arrival_rate_hz.size() : 1;
  double keys = 1;
  for (const KeySweep& sweep : key_sweeps)
    keys *= static_cast<double>(sweep.values.size());
  return static_cast<double>(network.bandwidth_mbps.size()) * load.cells.size() *
         load.phones.size() * rates * seeds.size() * policies.size() * modes.size() * keys;
}

} // namespace muxsim
