#pragma once
// Rate from distance (docs/mobility.md): the power a receiver gets at a distance under
// log-distance path loss, its SNR over thermal noise, and the PHY rate an ideal rate control
// picks for that SNR. The defaults are ns-3 3.37's (YansWifiChannelHelper::Default(),
// YansWifiPhy, IdealWifiManager), so muxsim and ns-3 can be compared without tuning
// (docs/notes/ns3-distance-defaults.md). Both directions of a link see the same loss: phones
// and access points send at the same power.
#include "core/base/scenario.hpp"
#include "core/model/coverage.hpp"
#include "core/model/wifi_timing.hpp"

#include <string>
#include <vector>

namespace muxsim {

// Thermal noise density kT at 290 K with ns-3's Boltzmann constant (1.3803e-23 J/K), in dBm/Hz.
constexpr double kThermalNoiseDbmPerHz = -173.977;

// One step of a rate table: the PHY rate an ideal rate control uses once the SNR is strictly
// above min_snr_db.
struct RateStep {
  double phy_mbps = 0;
  double min_snr_db = 0;
};

class RateTable {
public:
  // ns-3 3.37's IdealWifiManager thresholds for the PHY (BER 1e-6 over the
  // TableBasedErrorRateModel; models/wifi-rate-thresholds.csv gives their source). SNRs are
  // over the noise of the PHY's channel width; as ns-3's manager does, a transmission may
  // narrow to 20 or 40 MHz (from 80), where the noise is 3 or 6 dB lower, so a narrower
  // width's MCS is a step with its threshold lowered by that much.
  static RateTable ideal(const wifi::Phy& phy);
  // A user's CSV of standard,phy_mbps,min_snr_db rows: the rows of the PHY's standard (at
  // least one, each a rate of the standard at the PHY's width or a narrower one), any order.
  static RateTable read(const std::string& path, const wifi::Phy& phy);
  // The highest rate whose threshold the SNR is strictly above; 0 when none is.
  double rate_mbps(double snr_db) const;
  // Ascending in threshold.
  const std::vector<RateStep>& steps() const { return steps_; }

private:
  explicit RateTable(std::vector<RateStep> steps);
  std::vector<RateStep> steps_;
};

class Propagation final : public Coverage {
public:
  // Noise is thermal over `width_mhz` plus the noise figure.
  Propagation(const PropagationConfig& config, RateTable table, int width_mhz = 20);
  double rx_dbm(double distance_m) const;
  // The distance at which the received power is `rx_dbm` (rx_dbm's inverse beyond the
  // reference distance; the reference distance for any stronger power).
  double distance_m(double rx_dbm) const override;
  double noise_dbm() const { return noise_dbm_; }
  LinkBudget at(double distance_m) const override;
  // How far a link reaches: where the power falls to the floor, or the lowest rate's SNR.
  double range_m() const override;
  // The distances at which a phone's rate changes: each rate step's and the floor's, those
  // inside the range, ascending. A phone moving across one of them changes rate there.
  std::vector<double> rate_radii() const override;
  std::vector<double> rates() const override;
  const RateTable& table() const { return table_; }

private:
  PropagationConfig config_;
  RateTable table_;
  double noise_dbm_;
};

// The scenario's propagation: its [propagation] keys and rate table for its standard. Throws
// InputError (at the rate_table key) when the standard has no PHY rates (wifi_standard none).
Propagation propagation_for(const Scenario& s);

} // namespace muxsim
