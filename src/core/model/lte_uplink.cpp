#include "core/model/lte_uplink.hpp"

#include "core/model/lte_tables.hpp"

#include <algorithm>
#include <cmath>

namespace muxsim::lte {

namespace {

constexpr double kSpeedOfLight = 299792458;
constexpr double kThermalDbmPerHz = -174;
constexpr double kResourceBlockHz = 180e3;
// LENA's scheduler picks the CQI for a BER of 5e-5 (hard-coded in pf-ff-mac-scheduler.cc):
// Shannon's capacity with an SNR gap of -ln(5 BER) / 1.5 (7.43 dB).
const double kGap = -std::log(5 * 5e-5) / 1.5;
// A transport block of 7 bytes or less carries no data (LENA's UE MAC serves more only).
constexpr double kLeastDataBytes = 7;
constexpr double kPdcpBytes = 2, kRlcBytes = 2, kLengthIndicatorBytes = 1.5;

double noise_per_block_dbm(double noise_figure_db) {
  return kThermalDbmPerHz + 10 * std::log10(kResourceBlockHz) + noise_figure_db;
}

// What the scheduler gives each of `active` phones with data: an equal block of floor(B / n)
// resource blocks, at least 3, and, when fewer than n such blocks fit, its turn in the share
// of TTIs that many make.
struct Share {
  int blocks;
  double of_ttis;
};
Share share_of(int resource_blocks, int active) {
  const int blocks = std::max(3, resource_blocks / active);
  const int served = std::min(active, resource_blocks / blocks);
  return {blocks, static_cast<double>(served) / active};
}

} // namespace

bool is_bandwidth(int resource_blocks) {
  for (int b : {6, 15, 25, 50, 75, 100})
    if (resource_blocks == b) return true;
  return false;
}

double path_loss_db(double distance_m, double mhz) {
  const double wavelength_m = kSpeedOfLight / (mhz * 1e6);
  return 20 * std::log10(4 * M_PI * distance_m / wavelength_m);
}

double uplink_sinr_db(const Radio& radio, double distance_m) {
  // The sounding signal covers the whole band; power control compensates the path loss the
  // phone measures on the downlink carrier (0.8 dB more than the uplink's at these bands).
  const double band_db = 10 * std::log10(radio.resource_blocks);
  const double sent_dbm =
      std::clamp(band_db + radio.p0_dbm + path_loss_db(distance_m, radio.downlink_mhz),
                 radio.least_dbm, radio.most_dbm);
  const double per_block_dbm = sent_dbm - band_db - path_loss_db(distance_m, radio.uplink_mhz);
  const double sinr_db = per_block_dbm - noise_per_block_dbm(radio.enb_noise_figure_db);
  return std::trunc(sinr_db * 8) / 8; // the scheduler's fixed point, 3 fractional bits
}

double downlink_sinr_db(const Radio& radio, double distance_m) {
  const double per_block_dbm = radio.enb_dbm - 10 * std::log10(radio.resource_blocks);
  return per_block_dbm - path_loss_db(distance_m, radio.downlink_mhz) -
         noise_per_block_dbm(radio.phone_noise_figure_db);
}

int cqi_of_sinr(double sinr_db) {
  const double efficiency = std::log2(1 + std::pow(10, sinr_db / 10) / kGap);
  int cqi = 0;
  while (cqi < kMostCqi && cqi_efficiency(cqi + 1) < efficiency)
    ++cqi;
  return cqi;
}

int mcs_of_cqi(int cqi) {
  int mcs = 0;
  while (mcs < kMostMcs && mcs_efficiency(mcs + 1) <= cqi_efficiency(cqi))
    ++mcs;
  return mcs;
}

int mcs_at(const Radio& radio, double distance_m) {
  if (downlink_sinr_db(radio, distance_m) < kOutOfSyncDb) return -1;
  const int cqi = cqi_of_sinr(uplink_sinr_db(radio, distance_m));
  return cqi == 0 ? -1 : mcs_of_cqi(cqi);
}

double mac_kbps(int mcs, int resource_blocks, int active) {
  const Share share = share_of(resource_blocks, active);
  const double bits = tbs_bits(itbs_of_mcs(mcs), share.blocks);
  return bits / 8 <= kLeastDataBytes ? 0 : bits * share.of_ttis;
}

double payload_mbps(int mcs, int resource_blocks, int active, double payload_bytes,
                    double header_bytes) {
  const Share share = share_of(resource_blocks, active);
  const double block_bytes = tbs_bits(itbs_of_mcs(mcs), share.blocks) / 8.0;
  if (block_bytes <= kLeastDataBytes) return 0;
  const double packet_bytes = payload_bytes + header_bytes + kPdcpBytes;
  // A block of T bytes holds T' bytes of packets and a length indicator each time a packet
  // starts inside it, T' / packet_bytes times on average: T' = (T - 2) / (1 + 1.5 / packet).
  const double carried = (block_bytes - kRlcBytes) / (1 + kLengthIndicatorBytes / packet_bytes);
  return carried * payload_bytes / packet_bytes * 1000 * share.of_ttis * 8 / 1e6;
}

} // namespace muxsim::lte
