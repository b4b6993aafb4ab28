#include "core/model/wifi_timing.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <map>

namespace muxsim::wifi {

namespace {

// Both standards in the 2.4 GHz band, in a BSS of ERP or HT stations only (short slot).
constexpr double kSlotUs = 9, kSifsUs = 10, kCwMin = 15;
// 802.11g stations contend after DIFS; 802.11n's are QoS stations, and best-effort traffic
// waits AIFS[AC_BE], 3 slots after SIFS.
constexpr double kDifsUs = kSifsUs + 2 * kSlotUs, kAifsBeUs = kSifsUs + 3 * kSlotUs;
constexpr double kErpPreambleUs = 16 + 4;            // L-STF, L-LTF and SIGNAL
constexpr double kHtPreambleUs = 16 + 4 + 8 + 4 + 4; // and HT-SIG, HT-STF, one HT-LTF
constexpr double kSymbolUs = 4, kSignalExtensionUs = 6;
constexpr double kServiceBits = 16, kTailBits = 6;
constexpr double kDsssPlcpUs = 192; // long preamble (144 us) and PLCP header (48 us)
// Frame sizes in bytes: a MAC data header (24, or 26 with 802.11n's QoS control) and FCS
// (4) around LLC/SNAP (8) and an IP packet of 20 bytes of IP and 32 of TCP header (with the
// timestamp option) before the data. ACK 14, compressed BlockAck 32.
constexpr double kFcsAndLlc = 4 + 8, kIpTcpHeaders = 20 + 32, kMss = 1448;
constexpr double kAckBytes = 14, kBlockAckBytes = 32;
// A-MPDU limits of 802.11n: 65,535 bytes, a block ack window of 64, and an HT-mixed PPDU
// of at most 5,484 us (aPPDUMaxTime). Each MPDU goes after a 4-byte delimiter, padded to 4.
constexpr double kMaxAmpduBytes = 65535, kMaxPpduUs = 5484, kDelimiterBytes = 4;
constexpr int kBlockAckWindow = 64;
// Bianchi's backoff: W = CWmin + 1 slots at first, doubled up to 6 times (CWmax 1023).
constexpr double kW = kCwMin + 1;
constexpr int kDoublings = 6;

constexpr double kOfdmRates[] = {6, 9, 12, 18, 24, 36, 48, 54};
constexpr double kDsssRates[] = {1, 2, 5.5, 11};
constexpr double kHtRates[] = {6.5, 13, 19.5, 26, 39, 52, 58.5, 65};
// Each MCS's non-HT reference rate, which picks the rate of the control frame answering it.
constexpr double kHtReferenceRates[] = {6, 12, 18, 24, 36, 48, 54, 54};

template <std::size_t N> int index_of(const double (&rates)[N], double mbps) {
  const auto* it = std::find(std::begin(rates), std::end(rates), mbps);
  return it == std::end(rates) ? -1 : static_cast<int>(it - std::begin(rates));
}

bool is_ofdm(double mbps) {
  return index_of(kOfdmRates, mbps) >= 0;
}

double ifs_us(Standard s) {
  return s == Standard::N80211 ? kAifsBeUs : kDifsUs;
}

double data_mpdu_bytes(Standard s) {
  return (s == Standard::N80211 ? 26 : 24) + kFcsAndLlc + kIpTcpHeaders + kMss;
}
double tcp_ack_mpdu_bytes(Standard s) {
  return (s == Standard::N80211 ? 26 : 24) + kFcsAndLlc + kIpTcpHeaders;
}

// The PSDU of `mpdus` MPDUs of `mpdu_bytes`: the MPDU itself, or an A-MPDU of delimited
// subframes, each but the last padded to a multiple of 4 bytes.
double psdu_bytes(const Phy& phy, double mpdu_bytes, int mpdus) {
  if (!phy.aggregation) return mpdu_bytes;
  const double subframe = kDelimiterBytes + mpdu_bytes;
  return (mpdus - 1) * (4 * std::ceil(subframe / 4)) + subframe;
}

// A PPDU of `mpdus` MPDUs and its answer: SIFS and an ACK, or a BlockAck when aggregated.
double frame_us(const Phy& phy, double mbps, double mpdu_bytes, int mpdus) {
  const double answer = phy.aggregation ? kBlockAckBytes : kAckBytes;
  const Standard control = phy.standard == Standard::N80211 ? Standard::G80211 : phy.standard;
  return ppdu_us(phy.standard, mbps, psdu_bytes(phy, mpdu_bytes, mpdus)) + kSifsUs +
         ppdu_us(control, control_rate_mbps(phy.standard, mbps), answer);
}

} // namespace

bool has_rate(Standard s, double mbps) {
  if (s == Standard::N80211) return index_of(kHtRates, mbps) >= 0;
  return is_ofdm(mbps) || index_of(kDsssRates, mbps) >= 0;
}

std::string describe_rates(Standard s) {
  return s == Standard::N80211
             ? "802.11n rate (MCS 0-7 at 20 MHz: 6.5, 13, 19.5, 26, 39, 52, 58.5, 65)"
             : "802.11g rate (1, 2, 5.5, 11, 6, 9, 12, 18, 24, 36, 48, 54)";
}

double ppdu_us(Standard s, double mbps, double bytes) {
  if (s == Standard::G80211 && !is_ofdm(mbps)) return kDsssPlcpUs + std::ceil(8 * bytes / mbps);
  const double symbols = std::ceil((kServiceBits + 8 * bytes + kTailBits) / (4 * mbps));
  const double preamble = s == Standard::N80211 ? kHtPreambleUs : kErpPreambleUs;
  return preamble + symbols * kSymbolUs + kSignalExtensionUs;
}

double control_rate_mbps(Standard s, double mbps) {
  if (s == Standard::N80211) mbps = kHtReferenceRates[index_of(kHtRates, mbps)];
  static constexpr double kOfdmMandatory[] = {6, 12, 24}, kDsssMandatory[] = {1, 2, 5.5, 11};
  const bool ofdm = is_ofdm(mbps);
  const double* first = ofdm ? std::begin(kOfdmMandatory) : std::begin(kDsssMandatory);
  const double* last = ofdm ? std::end(kOfdmMandatory) : std::end(kDsssMandatory);
  double rate = *first;
  for (const double* r = first; r != last; ++r)
    if (*r <= mbps) rate = *r;
  return rate;
}

int segments_per_ppdu(const Phy& phy, double mbps) {
  if (!phy.aggregation) return 1;
  const double mpdu = data_mpdu_bytes(phy.standard);
  int k = 1;
  while (k < kBlockAckWindow && psdu_bytes(phy, mpdu, k + 1) <= kMaxAmpduBytes &&
         ppdu_us(phy.standard, mbps, psdu_bytes(phy, mpdu, k + 1)) <= kMaxPpduUs)
    ++k;
  return k;
}

double access_us(Standard s, const Contention& c) {
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
  return ifs_us(s) + (1 - busy) * kSlotUs / (busy * success) +
         (1 - success) / success * c.collision_us;
}

double exchange_us(const Phy& phy, double mbps, double mpdu_bytes, int mpdus) {
  return access_us(phy.standard, {}) + frame_us(phy, mbps, mpdu_bytes, mpdus);
}

double collision_us(const Phy& phy, const std::vector<double>& mbps) {
  if (mbps.empty()) return 0;
  // Over pairs of distinct rates, weighted by how many stations have each: a cell of 10^5
  // phones has a handful of rates.
  std::map<double, double> count;
  for (double r : mbps)
    count[r] += 1;
  const auto data_us = [&](double r) {
    const double psdu = psdu_bytes(phy, data_mpdu_bytes(phy.standard), segments_per_ppdu(phy, r));
    return ppdu_us(phy.standard, r, psdu);
  };
  double sum = 0;
  for (const auto& [a, na] : count)
    for (const auto& [b, nb] : count)
      sum += na * nb * std::max(data_us(a), data_us(b));
  const double n = static_cast<double>(mbps.size());
  const double eifs = kSifsUs + ppdu_us(Standard::G80211, 6, kAckBytes) + ifs_us(phy.standard);
  return sum / (n * n) + eifs;
}

double segment_airtime_us(const Phy& phy, double mbps, const Contention& c) {
  const int k = segments_per_ppdu(phy, mbps);
  const double access = access_us(phy.standard, c);
  const double data = access + frame_us(phy, mbps, data_mpdu_bytes(phy.standard), k);
  // The TCP ACKs for k segments: k / 2 frames of their own, or one A-MPDU of them.
  const double acks =
      phy.aggregation
          ? access + frame_us(phy, mbps, tcp_ack_mpdu_bytes(phy.standard), (k + 1) / 2)
          : 0.5 * k * (access + frame_us(phy, mbps, tcp_ack_mpdu_bytes(phy.standard), 1));
  return (data + acks) / k;
}

double goodput_mbps(const Phy& phy, double mbps, const Contention& c) {
  return 8 * kMss / segment_airtime_us(phy, mbps, c);
}

} // namespace muxsim::wifi

namespace muxsim {

std::optional<wifi::Phy> wifi_phy(const NetworkConfig& n) {
  switch (n.wifi_standard) {
  case WifiStandard::None:
    return std::nullopt;
  case WifiStandard::G80211:
    return wifi::Phy{wifi::Standard::G80211, false};
  case WifiStandard::N80211:
    return wifi::Phy{wifi::Standard::N80211, n.wifi_aggregation};
  }
  return std::nullopt;
}

} // namespace muxsim
