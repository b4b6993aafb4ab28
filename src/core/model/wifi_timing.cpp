#include "core/model/wifi_timing.hpp"

#include <algorithm>
#include <cmath>
#include <map>

namespace muxsim::wifi {

namespace {

// Short slot (a BSS of ERP, HT, VHT or HE stations only) in both bands; SIFS 10 us in the
// 2.4 GHz band, 16 us in the 5 GHz band, where OFDM PPDUs have no signal extension.
constexpr double kSlotUs = 9, kCwMin = 15;
double sifs_us(const StandardSpec& s) {
  return s.band_5ghz ? 16 : 10;
}
double signal_extension_us(const StandardSpec& s) {
  return s.band_5ghz ? 0 : 6;
}
constexpr double kLegacyPreambleUs = 16 + 4; // L-STF, L-LTF and L-SIG (or SIGNAL)
constexpr double kServiceBits = 16, kTailBits = 6;
constexpr double kDsssPlcpUs = 192; // long preamble (144 us) and PLCP header (48 us)
// Frame sizes in bytes: a MAC data header (24, or 26 with QoS control) and FCS (4) around
// LLC/SNAP (8) and an IP packet of 20 bytes of IP and 32 of TCP header (with the timestamp
// option) before the data. ACK 14; compressed BlockAck 32, or 56 with a 256-frame bitmap.
constexpr double kFcsAndLlc = 4 + 8, kIpTcpHeaders = 20 + 32, kMss = 1448;
constexpr double kAckBytes = 14, kBlockAckBytes = 32, kLongBlockAckBytes = 56;
// A PPDU lasts at most 5,484 us (aPPDUMaxTime of HT, VHT and HE). Each MPDU of an A-MPDU goes
// after a 4-byte delimiter, padded to 4.
constexpr double kMaxPpduUs = 5484, kDelimiterBytes = 4;
// Bianchi's backoff: W = CWmin + 1 slots at first, doubled up to 6 times (CWmax 1023).
constexpr double kW = kCwMin + 1;
constexpr int kDoublings = 6;

// 802.11g stations contend after DIFS (SIFS + 2 slots); the QoS stations of n, ac and ax
// send best-effort traffic after AIFS[AC_BE] (SIFS + 3 slots).
double ifs_us(const StandardSpec& s) {
  return sifs_us(s) + (s.format == PpduFormat::ErpOfdm ? 2 : 3) * kSlotUs;
}

double data_mpdu_bytes(const StandardSpec& s) {
  return s.mac_header_bytes + kFcsAndLlc + kIpTcpHeaders + kMss;
}
double tcp_ack_mpdu_bytes(const StandardSpec& s) {
  return s.mac_header_bytes + kFcsAndLlc + kIpTcpHeaders;
}

// HT, VHT and HE send one long training field per stream, rounded up to an even count.
double training_fields(int streams) {
  return streams == 1 ? 1 : 2 * std::ceil(streams / 2.0);
}

// BCC encoders, each ending in 6 tail bits: HT adds one above 300 Mbit/s; VHT one per 600
// Mbit/s (540 with the 800 ns guard interval), as ns-3 3.37 counts them; HE, one.
double encoders(const StandardSpec& s, const Phy& phy, double mbps) {
  if (s.format == PpduFormat::HtMixed) return mbps > 300 ? 2 : 1;
  if (s.format == PpduFormat::Vht) return std::ceil(mbps / (phy.guard_ns == 400 ? 600 : 540));
  return 1;
}

// A non-HT OFDM PPDU (a control frame, or 802.11g's data) at `mbps`: 4 us symbols of 4r bits.
double non_ht_us(const StandardSpec& s, double mbps, double bytes) {
  const double symbols = std::ceil((kServiceBits + 8 * bytes + kTailBits) / (4 * mbps));
  return kLegacyPreambleUs + 4 * symbols + signal_extension_us(s);
}

// An HE-LTF: 4x (16 us) with the 3.2 us guard interval, else 2x (6.4 us plus the guard).
double he_ltf_us(const Phy& phy) {
  return phy.guard_ns == 3200 ? 16 : 6.4 + phy.guard_ns / 1000.0;
}

// The PSDU of `mpdus` MPDUs of `mpdu_bytes`: the MPDU itself, or an A-MPDU of delimited
// subframes, each but the last padded to a multiple of 4 bytes.
double psdu_bytes(const Phy& phy, double mpdu_bytes, int mpdus) {
  if (!phy.aggregation) return mpdu_bytes;
  const double subframe = kDelimiterBytes + mpdu_bytes;
  return (mpdus - 1) * (4 * std::ceil(subframe / 4)) + subframe;
}

// A PPDU of `psdu` bytes and its answer: SIFS and an ACK, or a BlockAck when aggregated.
double exchange_of_psdu_us(const Phy& phy, double mbps, double psdu) {
  const StandardSpec& s = spec(phy.standard);
  const double block_ack = phy.block_ack_frames > 64 ? kLongBlockAckBytes : kBlockAckBytes;
  const double answer = phy.aggregation ? block_ack : kAckBytes;
  const double control = control_rate_mbps(phy, mbps);
  const double answer_us = s.format == PpduFormat::ErpOfdm ? ppdu_us(phy, control, answer)
                                                           : non_ht_us(s, control, answer);
  return ppdu_us(phy, mbps, psdu) + sifs_us(s) + answer_us;
}

// A PPDU of `mpdus` MPDUs of `mpdu_bytes` and its answer.
double frame_us(const Phy& phy, double mbps, double mpdu_bytes, int mpdus) {
  return exchange_of_psdu_us(phy, mbps, psdu_bytes(phy, mpdu_bytes, mpdus));
}

} // namespace

double ppdu_us(const Phy& phy, double mbps, double bytes) {
  const StandardSpec& s = spec(phy.standard);
  const std::optional<Mode> mode = find_mode(phy, mbps, true);
  // A rate outside the standard's (a caller's mistake) is timed as an OFDM rate would be.
  const double bits_per_symbol = mode ? mode->bits_per_symbol : 4 * mbps;
  if (s.format == PpduFormat::ErpOfdm) {
    if (bits_per_symbol == 0) return kDsssPlcpUs + std::ceil(8 * bytes / mbps);
    return non_ht_us(s, mbps, bytes);
  }
  const double symbols =
      std::ceil((kServiceBits + 8 * bytes + kTailBits * encoders(s, phy, mbps)) / bits_per_symbol);
  const double ltfs = training_fields(phy.streams);
  if (s.format == PpduFormat::HeSu)
    return kLegacyPreambleUs + 4 + 8 + 4 + ltfs * he_ltf_us(phy) + symbols * symbol_us(phy);
  // HT and VHT: with the short guard interval the data field is rounded up to 4 us.
  const double data_us = 4 * std::ceil(symbols * symbol_us(phy) / 4 - 1e-9);
  const double preamble = s.format == PpduFormat::HtMixed ? 8 + 4 + 4 * ltfs // HT-SIG, -STF, -LTFs
                                                          : 8 + 4 + 4 * ltfs + 4; // and VHT-SIG-B
  return kLegacyPreambleUs + preamble + data_us + signal_extension_us(s);
}

double control_rate_mbps(const Phy& phy, double mbps) {
  const std::optional<Mode> mode = find_mode(phy, mbps, true);
  const double reference = mode ? mode->reference_mbps : mbps;
  static constexpr double kOfdmMandatory[] = {6, 12, 24}, kDsssMandatory[] = {1, 2, 5.5, 11};
  const bool dsss = mode && mode->bits_per_symbol == 0;
  const double* first = dsss ? std::begin(kDsssMandatory) : std::begin(kOfdmMandatory);
  const double* last = dsss ? std::end(kDsssMandatory) : std::end(kOfdmMandatory);
  double rate = *first;
  for (const double* r = first; r != last; ++r)
    if (*r <= reference) rate = *r;
  return rate;
}

int segments_per_ppdu(const Phy& phy, double mbps) {
  if (!phy.aggregation) return 1;
  const double mpdu = data_mpdu_bytes(spec(phy.standard));
  int k = 1;
  while (k < phy.block_ack_frames && psdu_bytes(phy, mpdu, k + 1) <= phy.ampdu_bytes &&
         ppdu_us(phy, mbps, psdu_bytes(phy, mpdu, k + 1)) <= kMaxPpduUs)
    ++k;
  return k;
}

namespace {

// Bianchi's saturation model for n contenders: the chance that a slot is busy, and that a
// busy slot is one station's success, not a collision.
struct Slots {
  double busy = 0, success = 1;
};

Slots bianchi(int stations) {
  const int n = std::max(1, stations);
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
  return {busy, success};
}

} // namespace

double access_us(const Phy& phy, const Contention& c) {
  const Slots s = bianchi(c.stations);
  return ifs_us(spec(phy.standard)) + (1 - s.busy) * kSlotUs / (s.busy * s.success) +
         (1 - s.success) / s.success * c.collision_us;
}

double collisions_per_success(int stations) {
  const Slots s = bianchi(stations);
  return (1 - s.success) / s.success;
}

double exchange_us(const Phy& phy, double mbps, double mpdu_bytes, int mpdus) {
  return access_us(phy, {}) + frame_us(phy, mbps, mpdu_bytes, mpdus);
}

double collision_us(const Phy& phy, const std::vector<double>& mbps) {
  if (mbps.empty()) return 0;
  const StandardSpec& s = spec(phy.standard);
  // Over pairs of distinct rates, weighted by how many stations have each: a cell of 10^5
  // phones has a handful of rates.
  std::map<double, double> count;
  for (double r : mbps)
    count[r] += 1;
  const auto data_us = [&](double r) {
    const double psdu = psdu_bytes(phy, data_mpdu_bytes(s), segments_per_ppdu(phy, r));
    return ppdu_us(phy, r, psdu);
  };
  double sum = 0;
  for (const auto& [a, na] : count)
    for (const auto& [b, nb] : count)
      sum += na * nb * std::max(data_us(a), data_us(b));
  const double n = static_cast<double>(mbps.size());
  const double eifs = sifs_us(s) + non_ht_us(s, 6, kAckBytes) + ifs_us(s);
  return sum / (n * n) + eifs;
}

double segment_airtime_us(const Phy& phy, double mbps, const Contention& c) {
  const StandardSpec& s = spec(phy.standard);
  const int k = segments_per_ppdu(phy, mbps);
  const double access = access_us(phy, c);
  const double data = access + frame_us(phy, mbps, data_mpdu_bytes(s), k);
  // The TCP ACKs for k segments: k / 2 frames of their own, or one A-MPDU of them.
  const double acks = phy.aggregation
                          ? access + frame_us(phy, mbps, tcp_ack_mpdu_bytes(s), (k + 1) / 2)
                          : 0.5 * k * (access + frame_us(phy, mbps, tcp_ack_mpdu_bytes(s), 1));
  return (data + acks) / k;
}

double goodput_mbps(const Phy& phy, double mbps, const Contention& c) {
  return 8 * kMss / segment_airtime_us(phy, mbps, c);
}

int segments_of(double bytes) {
  return std::max(1, static_cast<int>(std::ceil(bytes / kMss)));
}

bool fits_one_ppdu(const Phy& phy, double mbps, double bytes) {
  return phy.aggregation && bytes > 0 && segments_of(bytes) <= segments_per_ppdu(phy, mbps);
}

double message_psdu_bytes(const Phy& phy, double bytes) {
  const StandardSpec& s = spec(phy.standard);
  const int n = segments_of(bytes);
  // n - 1 full MPDUs, padded, then the last with what is left of the payload.
  const double full = kDelimiterBytes + data_mpdu_bytes(s);
  const double last = kDelimiterBytes + tcp_ack_mpdu_bytes(s) + (bytes - (n - 1) * kMss);
  return (n - 1) * (4 * std::ceil(full / 4)) + last;
}

double message_airtime_us(const Phy& phy, double mbps, double bytes) {
  return ifs_us(spec(phy.standard)) +
         exchange_of_psdu_us(phy, mbps, message_psdu_bytes(phy, bytes));
}

double sifs_us(const Phy& phy) {
  return sifs_us(spec(phy.standard));
}
double ifs_us(const Phy& phy) {
  return ifs_us(spec(phy.standard));
}
double mean_backoff_us() {
  return kCwMin / 2 * kSlotUs;
}
double control_frame_us(const Phy& phy, double mbps, double bytes) {
  return non_ht_us(spec(phy.standard), mbps, bytes);
}
double he_training_us(const Phy& phy) {
  return training_fields(phy.streams) * he_ltf_us(phy);
}
double block_ack_bitmap_bytes(const Phy& phy) {
  return phy.block_ack_frames > 64 ? 32 : 8;
}

double transfer_goodput_mbps(const Phy& phy, double mbps, double bytes) {
  if (!fits_one_ppdu(phy, mbps, bytes)) return goodput_mbps(phy, mbps);
  return 8 * bytes / message_airtime_us(phy, mbps, bytes);
}

} // namespace muxsim::wifi

namespace muxsim {

std::optional<wifi::Phy> wifi_phy(const NetworkConfig& n) {
  // An LTE cell has no 802.11 PHY, whatever a sweep left in the Wi-Fi keys.
  if (n.link == AccessLink::Lte || n.wifi_standard == WifiStandard::None) return std::nullopt;
  const auto standard = static_cast<wifi::Standard>(static_cast<int>(n.wifi_standard) - 1);
  wifi::Phy phy = wifi::default_phy(standard);
  if (wifi::spec(standard).aggregation != wifi::Aggregation::Never)
    phy.aggregation = n.wifi_aggregation;
  if (n.wifi_channel_mhz > 0) phy.width_mhz = n.wifi_channel_mhz;
  if (n.wifi_guard_ns > 0) phy.guard_ns = n.wifi_guard_ns;
  phy.streams = n.wifi_streams;
  phy.ampdu_bytes = n.wifi_ampdu_bytes;
  phy.block_ack_frames = n.wifi_block_ack_frames;
  phy.uplink_ofdma = standard == wifi::Standard::AX80211 && n.wifi_ofdma == WifiOfdma::Ideal;
  return phy;
}

} // namespace muxsim
