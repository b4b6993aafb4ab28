#include "core/model/wifi_timing.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

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

constexpr double kDataBytes = kMacOverhead + kIpTcpHeaders + kMss;
constexpr double kTcpAckBytes = kMacOverhead + kIpTcpHeaders;
// Bianchi's backoff: W = CWmin + 1 slots at first, doubled up to 6 times (CWmax 1023).
constexpr double kW = kCwMin + 1;
constexpr int kDoublings = 6;

constexpr double kOfdmRates[] = {6, 9, 12, 18, 24, 36, 48, 54};
constexpr double kDsssRates[] = {1, 2, 5.5, 11};

bool is_ofdm(double mbps) {
  return std::find(std::begin(kOfdmRates), std::end(kOfdmRates), mbps) != std::end(kOfdmRates);
}

// A frame on the air and its answer: the PPDU, SIFS and the MAC ACK.
double frame_us(double mbps, double bytes);

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

namespace {

double frame_us(double mbps, double bytes) {
  return ppdu_us(mbps, bytes) + kSifsUs + ppdu_us(control_rate_mbps(mbps), kAckBytes);
}

} // namespace

double exchange_us(double mbps, double frame_bytes) {
  return access_us({}) + frame_us(mbps, frame_bytes);
}

double access_us(const Contention& c) {
  const int n = std::max(1, c.stations);
  // tau: the chance a station sends in a slot; p: that its frame collides. Solved by
  // bisection on p, with + - * / only, so every CPU gets the same bits.
  const auto tau_of = [](double p) {
    double sum = 0, term = 1; // sum of (2p)^k for k < kDoublings
    for (int k = 0; k < kDoublings; ++k, term *= 2 * p)
      sum += term;
    return 2 / (kW + 1 + p * kW * sum);
  };
  const auto power = [](double x, int k) {
    double out = 1;
    for (int i = 0; i < k; ++i)
      out *= x;
    return out;
  };
  double lo = 0, hi = 1;
  for (int i = 0; i < 60 && n > 1; ++i) {
    const double p = (lo + hi) / 2;
    (1 - power(1 - tau_of(p), n - 1) > p ? lo : hi) = p;
  }
  const double tau = tau_of(n > 1 ? (lo + hi) / 2 : 0);
  const double busy = 1 - power(1 - tau, n);                     // someone sends
  const double success = n * tau * power(1 - tau, n - 1) / busy; // exactly one does
  return kDifsUs + (1 - busy) * kSlotUs / (busy * success) +
         (1 - success) / success * c.collision_us;
}

double collision_us(const std::vector<double>& mbps) {
  if (mbps.empty()) return 0;
  // Over pairs of distinct rates, weighted by how many stations have each: a cell of 10^5
  // phones has a handful of rates.
  std::map<double, double> count;
  for (double r : mbps)
    count[r] += 1;
  double sum = 0;
  for (const auto& [a, na] : count)
    for (const auto& [b, nb] : count)
      sum += na * nb * std::max(ppdu_us(a, kDataBytes), ppdu_us(b, kDataBytes));
  const double n = static_cast<double>(mbps.size());
  const double eifs = kSifsUs + ppdu_us(6, kAckBytes) + kDifsUs;
  return sum / (n * n) + eifs;
}

double segment_airtime_us(double mbps, const Contention& c) {
  return frame_us(mbps, kDataBytes) + 0.5 * frame_us(mbps, kTcpAckBytes) + 1.5 * access_us(c);
}

double goodput_mbps(double mbps, const Contention& c) {
  return 8 * kMss / segment_airtime_us(mbps, c);
}

} // namespace muxsim::wifi
