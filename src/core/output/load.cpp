#include "core/output/load.hpp"

#include "core/model/wifi_timing.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace muxsim {

namespace {

// The share of the air a cell's stations can fill with their own bits. Air times are a lone
// station's; with several stations contending, backoff and collisions take their share
// (wifi::goodput_mbps with up to kMostContenders), so the air fills before those times sum
// to 1. Goodput rates (wifi_standard = none) have no such cost.
double air_capacity(const Scenario& s, long cell_phones, double rate) {
  const std::optional<wifi::Phy> phy = wifi_phy(s.network);
  if (!phy || !wifi::find_mode(*phy, rate, true)) return 1.0;
  const int stations = static_cast<int>(std::min<long>(cell_phones, wifi::kMostContenders));
  const wifi::Contention crowd{stations, wifi::collision_us(*phy, {rate})};
  return wifi::goodput_mbps(*phy, rate, crowd) / wifi::goodput_mbps(*phy, rate);
}

} // namespace

void fill_offered_load(Summary& s, const Scenario& scenario, const RunPoint& point,
                       long cell_phones, double cell_mbps) {
  const LoadConfig& load = scenario.load;
  const double per_phone_hz = load.arrival == Arrival::Poisson
                                  ? point.arrival_rate_hz
                                  : 1e3 / (load.think_ms + s.latency_ms_mean);
  // Nothing to load: no request, or requests that take no time in a loop without a pause.
  if (!(per_phone_hz > 0) || !std::isfinite(per_phone_hz) || s.requests == 0) return;
  const double cell_hz = per_phone_hz * static_cast<double>(cell_phones);
  const double all_hz = per_phone_hz * static_cast<double>(point.total_phones());
  const double cells_per_edge =
      static_cast<double>(std::min(scenario.servers.cells_per_edge, point.cells));
  s.load_air = cell_hz * (s.upload_air_ms_mean + s.download_air_ms_mean) * 1e-3 /
               air_capacity(scenario, cell_phones, cell_mbps);
  s.load_wan = all_hz * s.wan_bytes_mean * 8 / (scenario.network.wan_mbps * 1e6);
  s.load_edge = cell_hz * cells_per_edge * s.edge_busy_ms_mean * 1e-3 /
                static_cast<double>(scenario.servers.edge_workers);
  // With a queue per model, each has gpu_workers workers; the queues are taken as evenly
  // loaded.
  const double cloud_queues =
      scenario.servers.queue_per_model ? static_cast<double>(scenario.cloud_models.size()) : 1.0;
  s.load_cloud = all_hz * s.cloud_busy_ms_mean * 1e-3 /
                 (static_cast<double>(scenario.servers.gpu_workers) * cloud_queues);
  s.load_max = std::max({s.load_air, s.load_wan, s.load_edge, s.load_cloud});
}

double overload_threshold(Arrival arrival, Mode mode) {
  if (arrival == Arrival::Poisson) return kNearCapacity;
  // A closed loop in closed form: its phones' requests are spaced by their lone latency, so
  // the loads pass 1 only when phones would queue behind each other; one phone never does.
  return mode == Mode::ClosedForm ? 1.0 : std::numeric_limits<double>::infinity();
}

std::string overloaded_resources(const Summary& s, double threshold) {
  std::string out;
  const std::pair<const char*, double> loads[] = {
      {"air", s.load_air}, {"wan", s.load_wan}, {"edge", s.load_edge}, {"cloud", s.load_cloud}};
  for (const auto& [name, load] : loads)
    if (load >= threshold) out += (out.empty() ? "" : "+") + std::string(name);
  return out;
}

} // namespace muxsim
