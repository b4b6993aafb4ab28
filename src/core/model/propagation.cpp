#include "core/model/propagation.hpp"

#include "core/base/input_error.hpp"
#include "core/base/limits.hpp"
#include "core/formats/csv.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace muxsim {

namespace {

// ns-3 3.37's IdealWifiManager thresholds (SNR in dB, 800 ns guard interval): the SNR at
// which TableBasedErrorRateModel's 1-bit error rate reaches the manager's BER 1e-6; 9 Mbit/s
// has no table row and takes YansErrorRateModel's BPSK 3/4 bound. 802.11g's were computed
// from ns-3's formulas and tables (docs/notes/ns3-distance-defaults.md). The same numbers,
// with source and kind, are models/wifi-rate-thresholds.csv (a test keeps them equal).
const std::vector<RateStep> kIdeal80211g = {{6, 1.465},   {9, 3.809},   {12, 4.475},  {18, 6.985},
                                            {24, 10.375}, {36, 13.465}, {48, 17.865}, {54, 19.125}};
// HT, VHT and HE MCS 0-9 share the table's rows whatever the width and guard interval (ns-3's
// ErrorRateModel::CalculateSnr, run by validation/ns3/thresholds.cc).
constexpr double kMcsSnrDb[] = {1.465,  4.475,  6.985,  10.375, 13.465,
                                17.865, 19.125, 20.775, 24.525, 25.905};
// HE MCS 10 and 11 (1024-QAM) have no table row: ns-3 falls back to YansErrorRateModel,
// whose threshold depends on the rate, hence on the width (up to 40 MHz, or 80 and 160) and
// the guard interval (800, 1600, 3200 ns). Run by validation/ns3/thresholds.cc.
constexpr double kHe1024QamSnrDb[2][2][3] = {
    {{33.2769, 33.0286, 32.5711}, {33.4764, 33.2281, 32.7706}},  // MCS 10
    {{35.1860, 34.9377, 34.4802}, {35.3855, 35.1372, 34.6797}}}; // MCS 11

double mcs_snr_db(const wifi::Phy& phy, const wifi::Mode& m) {
  if (m.mcs < 10) return kMcsSnrDb[m.mcs];
  const int wide = m.width_mhz >= 80 ? 1 : 0;
  const int guard = phy.guard_ns == 800 ? 0 : phy.guard_ns == 1600 ? 1 : 2;
  return kHe1024QamSnrDb[m.mcs - 10][wide][guard];
}

const char* standard_name(const wifi::Phy& phy) {
  return wifi::spec(phy.standard).name;
}

} // namespace

RateTable::RateTable(std::vector<RateStep> steps) {
  std::stable_sort(steps.begin(), steps.end(), [](const RateStep& a, const RateStep& b) {
    return a.min_snr_db < b.min_snr_db;
  });
  // A step no faster than one reached at a lower SNR never changes the rate (a narrower
  // width's MCS that a wider one beats): it is left out, and so is the distance it falls at.
  for (const RateStep& s : steps)
    if (steps_.empty() || s.phy_mbps > steps_.back().phy_mbps) steps_.push_back(s);
}

RateTable RateTable::ideal(const wifi::Phy& phy) {
  if (phy.standard == wifi::Standard::G80211) return RateTable(kIdeal80211g);
  std::vector<RateStep> steps;
  for (const wifi::Mode& m : wifi::modes_up_to_width(phy)) {
    const double narrower_db = 10 * std::log10(static_cast<double>(phy.width_mhz) / m.width_mhz);
    steps.push_back({m.mbps, mcs_snr_db(phy, m) - narrower_db});
  }
  return RateTable(std::move(steps));
}

RateTable RateTable::read(const std::string& path, const wifi::Phy& phy) {
  CsvReader csv(path);
  csv.require_columns({"standard", "phy_mbps", "min_snr_db"});
  const std::size_t col_standard = csv.column_index("standard");
  const std::size_t col_rate = csv.column_index("phy_mbps");
  const std::size_t col_snr = csv.column_index("min_snr_db");
  std::vector<RateStep> steps;
  while (csv.next()) {
    if (csv.text(col_standard) != standard_name(phy)) continue;
    const RateStep step{csv.number(col_rate), csv.number(col_snr)};
    const std::string at = csv.name() + ":" + std::to_string(csv.line());
    if (!wifi::find_mode(phy, step.phy_mbps, true))
      throw InputError(at + ": field 'phy_mbps': " + csv.text(col_rate) + " is not an " +
                       wifi::describe_rates(phy) + " or a narrower width's");
    for (const RateStep& s : steps)
      if (s.phy_mbps == step.phy_mbps)
        throw InputError(at + ": field 'phy_mbps': rate " + csv.text(col_rate) +
                         " is listed twice for " + standard_name(phy));
    steps.push_back(step);
  }
  if (steps.empty())
    throw InputError(csv.name() + ": field 'standard': no rows for " + standard_name(phy) +
                     ", the scenario's wifi_standard");
  return RateTable(std::move(steps));
}

double RateTable::rate_mbps(double snr_db) const {
  double best = 0;
  for (const RateStep& s : steps_)
    if (snr_db > s.min_snr_db) best = std::max(best, s.phy_mbps);
  return best;
}

Propagation::Propagation(const PropagationConfig& config, RateTable table, int width_mhz)
    : config_(config), table_(std::move(table)),
      noise_dbm_(kThermalNoiseDbmPerHz + 10 * std::log10(width_mhz * 1e6) +
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

std::vector<double> Propagation::rates() const {
  std::vector<double> rates;
  for (const RateStep& step : table_.steps())
    rates.push_back(step.phy_mbps);
  std::sort(rates.begin(), rates.end());
  return rates;
}

Propagation propagation_for(const Scenario& s) {
  const std::optional<wifi::Phy> phy = wifi_phy(s.network);
  if (!phy)
    throw InputError(s.at("mobility.access_points") +
                     ": rates from distance need PHY rates: set [network] wifi_standard to "
                     "802.11g, n, ac or ax");
  RateTable table = s.propagation.rate_table.empty()
                        ? RateTable::ideal(*phy)
                        : RateTable::read(s.propagation.rate_table, *phy);
  Propagation propagation(s.propagation, std::move(table), phy->width_mhz);
  // Crossings are solved in metres: a range beyond any floor (1e9 m) is a typo in a power or
  // an exponent, and would make them infinite.
  if (!(propagation.range_m() <= kLargestValue))
    throw InputError(s.at("propagation.tx_power_dbm") +
                     ": with these [propagation] settings a link reaches farther than 1e9 m; "
                     "check tx_power_dbm, path_loss_exponent and reference_loss_db");
  return propagation;
}

} // namespace muxsim
