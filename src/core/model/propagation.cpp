#include "core/model/propagation.hpp"

#include "core/base/input_error.hpp"
#include "core/base/limits.hpp"
#include "core/formats/csv.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace muxsim {

namespace {

// ns-3 3.37's IdealWifiManager thresholds (SNR in dB, 20 MHz, 800 ns guard interval): the
// SNR at which TableBasedErrorRateModel's 1-bit error rate reaches the manager's BER 1e-6;
// 9 Mbit/s has no table row and takes YansErrorRateModel's BPSK 3/4 bound. Computed from
// ns-3's formulas and tables, not run: docs/notes/ns3-distance-defaults.md. The same numbers,
// with source and kind, are models/wifi-rate-thresholds.csv (a test keeps them equal).
const std::vector<RateStep> kIdeal80211g = {{6, 1.465},   {9, 3.809},   {12, 4.475},  {18, 6.985},
                                            {24, 10.375}, {36, 13.465}, {48, 17.865}, {54, 19.125}};
const std::vector<RateStep> kIdeal80211n = {{6.5, 1.465},   {13, 4.475},  {19.5, 6.985},
                                            {26, 10.375},   {39, 13.465}, {52, 17.865},
                                            {58.5, 19.125}, {65, 20.775}};

const char* standard_name(wifi::Standard s) {
  return s == wifi::Standard::N80211 ? "802.11n" : "802.11g";
}

} // namespace

RateTable::RateTable(std::vector<RateStep> steps) : steps_(std::move(steps)) {
  std::stable_sort(steps_.begin(), steps_.end(), [](const RateStep& a, const RateStep& b) {
    return a.min_snr_db < b.min_snr_db;
  });
}

RateTable RateTable::ideal(wifi::Standard standard) {
  return RateTable(standard == wifi::Standard::N80211 ? kIdeal80211n : kIdeal80211g);
}

RateTable RateTable::read(const std::string& path, wifi::Standard standard) {
  CsvReader csv(path);
  csv.require_columns({"standard", "phy_mbps", "min_snr_db"});
  const std::size_t col_standard = csv.column_index("standard");
  const std::size_t col_rate = csv.column_index("phy_mbps");
  const std::size_t col_snr = csv.column_index("min_snr_db");
  std::vector<RateStep> steps;
  while (csv.next()) {
    if (csv.text(col_standard) != standard_name(standard)) continue;
    const RateStep step{csv.number(col_rate), csv.number(col_snr)};
    const std::string at = csv.name() + ":" + std::to_string(csv.line());
    if (!wifi::has_rate(standard, step.phy_mbps))
      throw InputError(at + ": field 'phy_mbps': " + csv.text(col_rate) + " is not an " +
                       wifi::describe_rates(standard));
    for (const RateStep& s : steps)
      if (s.phy_mbps == step.phy_mbps)
        throw InputError(at + ": field 'phy_mbps': rate " + csv.text(col_rate) +
                         " is listed twice for " + standard_name(standard));
    steps.push_back(step);
  }
  if (steps.empty())
    throw InputError(csv.name() + ": field 'standard': no rows for " + standard_name(standard) +
                     ", the scenario's wifi_standard");
  return RateTable(std::move(steps));
}

double RateTable::rate_mbps(double snr_db) const {
  double best = 0;
  for (const RateStep& s : steps_)
    if (snr_db > s.min_snr_db) best = std::max(best, s.phy_mbps);
  return best;
}

Propagation::Propagation(const PropagationConfig& config, RateTable table)
    : config_(config), table_(std::move(table)),
      noise_dbm_(kThermalNoiseDbmPerHz + 10 * std::log10(kChannelWidthHz) +
                 config.noise_figure_db) {}

// ns-3's LogDistancePropagationLossModel: no more loss than the reference's closer in.
double Propagation::rx_dbm(double distance_m) const {
  const double d = std::max(distance_m, config_.reference_distance_m);
  return config_.tx_power_dbm - config_.reference_loss_db -
         10 * config_.path_loss_exponent * std::log10(d / config_.reference_distance_m);
}

double Propagation::distance_m(double rx_dbm) const {
  const double loss = config_.tx_power_dbm - config_.reference_loss_db - rx_dbm;
  if (loss <= 0) return config_.reference_distance_m;
  return config_.reference_distance_m * std::pow(10, loss / (10 * config_.path_loss_exponent));
}

LinkBudget Propagation::at(double distance_m) const {
  LinkBudget b;
  b.rx_dbm = rx_dbm(distance_m);
  b.snr_db = b.rx_dbm - noise_dbm_;
  if (b.rx_dbm >= config_.min_rssi_dbm) b.phy_mbps = table_.rate_mbps(b.snr_db);
  return b;
}

double Propagation::range_m() const {
  if (table_.steps().empty()) return 0;
  const double weakest =
      std::max(config_.min_rssi_dbm, noise_dbm_ + table_.steps().front().min_snr_db);
  return distance_m(weakest);
}

std::vector<double> Propagation::rate_radii() const {
  std::vector<double> radii = {range_m()};
  for (const RateStep& s : table_.steps()) {
    const double r = distance_m(noise_dbm_ + s.min_snr_db);
    if (r < radii.front()) radii.push_back(r);
  }
  std::sort(radii.begin(), radii.end());
  radii.erase(std::unique(radii.begin(), radii.end()), radii.end());
  return radii;
}

Propagation propagation_for(const Scenario& s) {
  const std::optional<wifi::Phy> phy = wifi_phy(s.network);
  if (!phy)
    throw InputError(s.at("mobility.access_points") +
                     ": rates from distance need PHY rates: set [network] wifi_standard to "
                     "802.11g or 802.11n");
  RateTable table = s.propagation.rate_table.empty()
                        ? RateTable::ideal(phy->standard)
                        : RateTable::read(s.propagation.rate_table, phy->standard);
  Propagation propagation(s.propagation, std::move(table));
  // Crossings are solved in metres: a range beyond any floor (1e9 m) is a typo in a power or
  // an exponent, and would make them infinite.
  if (!(propagation.range_m() <= kLargestValue))
    throw InputError(s.at("propagation.tx_power_dbm") +
                     ": with these [propagation] settings a link reaches farther than 1e9 m; "
                     "check tx_power_dbm, path_loss_exponent and reference_loss_db");
  return propagation;
}

} // namespace muxsim
