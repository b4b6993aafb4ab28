#include "core/model/wifi_timing.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace muxsim::wifi {

namespace {

// 802.11g in a BSS of ERP stations only (short slot).
constexpr double kSlotUs = 9, kSifsUs = 10, kCwMin = 15;
constexpr double kDifsUs = kSifsUs + 2 * kSlotUs;
constexpr double kOfdmPreambleUs = 16, kOfdmSignalUs = 4, kSymbolUs = 4, kSignalExtensionUs = 6;
constexpr double kServiceBits = 16, kTailBits = 6;
constexpr double kDsssPlcpUs = 192; // long preamble (144 us) and PLCP header (48 us)
// Frame sizes in bytes: a MAC data header (24) and FCS (4) around LLC/SNAP (8) and an IP
// packet of 20 bytes of IP and 32 of TCP header (with the timestamp option) before the data.
constexpr double kMacOverhead = 24 + 4 + 8, kIpTcpHeaders = 20 + 32, kMss = 1448, kAckBytes = 14;

constexpr double kOfdmRates[] = {6, 9, 12, 18, 24, 36, 48, 54};
constexpr double kDsssRates[] = {1, 2, 5.5, 11};

bool is_ofdm(double mbps) {
  return std::find(std::begin(kOfdmRates), std::end(kOfdmRates), mbps) != std::end(kOfdmRates);
}

} // namespace

bool is_80211g_rate(double mbps) {
  return is_ofdm(mbps) ||
         std::find(std::begin(kDsssRates), std::end(kDsssRates), mbps) != std::end(kDsssRates);
}

double ppdu_us(double mbps, double bytes) {
  if (!is_ofdm(mbps)) return kDsssPlcpUs + std::ceil(8 * bytes / mbps);
  const double symbols = std::ceil((kServiceBits + 8 * bytes + kTailBits) / (4 * mbps));
  return kOfdmPreambleUs + kOfdmSignalUs + symbols * kSymbolUs + kSignalExtensionUs;
}

double control_rate_mbps(double mbps) {
  static constexpr double kOfdmMandatory[] = {6, 12, 24}, kDsssMandatory[] = {1, 2, 5.5, 11};
  const bool ofdm = is_ofdm(mbps);
  const double* first = ofdm ? std::begin(kOfdmMandatory) : std::begin(kDsssMandatory);
  const double* last = ofdm ? std::end(kOfdmMandatory) : std::end(kDsssMandatory);
  double rate = *first;
  for (const double* r = first; r != last; ++r)
    if (*r <= mbps) rate = *r;
  return rate;
}

double exchange_us(double mbps, double frame_bytes) {
  return kDifsUs + kCwMin / 2 * kSlotUs + ppdu_us(mbps, frame_bytes) + kSifsUs +
         ppdu_us(control_rate_mbps(mbps), kAckBytes);
}

double segment_airtime_us(double mbps) {
  return exchange_us(mbps, kMacOverhead + kIpTcpHeaders + kMss) +
         0.5 * exchange_us(mbps, kMacOverhead + kIpTcpHeaders);
}

double goodput_alone_mbps(double mbps) {
  return 8 * kMss / segment_airtime_us(mbps);
}

} // namespace muxsim::wifi
