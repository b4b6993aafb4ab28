#pragma once
// The airtime of one TCP segment over 802.11g, n, ac or ax (the standards' rows are in
// wifi_standards.hpp), and the goodput a station gets from a PHY rate
// (docs/wifi-validation.md). A flow-level simulator moves r bits per second at a rate of r;
// 802.11 spends part of every frame's airtime on fixed costs (preamble, DIFS or AIFS and
// backoff, SIFS and the MAC ACK at a control rate, the MAC, IP and TCP headers, and the TCP
// ACKs the access point sends back on the same air), so goodput is well below r. A-MPDU
// aggregation (802.11n's option; always on in 802.11ac and ax) pays them once for many
// segments.
#include "core/base/scenario.hpp"
#include "core/model/wifi_standards.hpp"

#include <optional>
#include <string>
#include <vector>

namespace muxsim::wifi {

// What a station's frames meet on the air: how many stations contend for it, and how long a
// collision among them lasts.
struct Contention {
  int stations = 1;
  double collision_us = 0;
};

// TCP clocks the uploads of a cell: a station sends only when acknowledgements come back,
// and the access point sends those for all of them, so however many stations have data, few
// hold a frame at any moment. Measured against ns-3 (docs/wifi-validation.md): Bianchi's
// model with at most 3 contenders fits saturated TCP cells of 1 to 20 stations.
constexpr int kMostContenders = 3;

// The duration of a PPDU carrying `bytes` of PSDU at `mbps` (one of the PHY's rates, at its
// width or a narrower one), in microseconds: the preamble and signal fields, then data
// symbols of N_DBPS bits carrying the 16-bit SERVICE field, the PSDU and 6 tail bits per BCC
// encoder. ERP-OFDM: 20 us (L-STF, L-LTF, SIGNAL), 4 us symbols, then the 6 us signal
// extension of the 2.4 GHz band; DSSS/CCK: the long 192 us PLCP preamble and header, then the
// PSDU at `mbps`. HT-mixed: 20 us, HT-SIG (8), HT-STF (4) and an HT-LTF (4) per stream group,
// then 4 us symbols (3.6 with the 400 ns guard interval, the total rounded up to 4 us), and
// the signal extension in 2.4 GHz. VHT: 20 us, VHT-SIG-A (8), VHT-STF (4), VHT-LTFs (4 each)
// and VHT-SIG-B (4). HE SU: 20 us, RL-SIG (4), HE-SIG-A (8), HE-STF (4), HE-LTFs (4x: 16 us
// with the 3.2 us guard interval, 2x: 6.4 us plus the guard interval otherwise), then 12.8 us
// symbols plus the guard interval, and no packet extension.
double ppdu_us(const Phy& phy, double mbps, double bytes);

// The rate of the MAC ACK or BlockAck answering a frame sent at `mbps`: the highest mandatory
// rate of its modulation (6, 12, 24 for OFDM; 1, 2, 5.5, 11 for DSSS/CCK) not above it, or
// for an HT, VHT or HE MCS not above its non-HT reference rate (6, 12, 18, 24, 36, 48, 54 for
// MCS 0-6, 54 above). It goes as a non-HT PPDU.
double control_rate_mbps(const Phy& phy, double mbps);

// How many TCP segments one data PPDU of a saturated station carries: 1, or with A-MPDU as
// many as fit in the PHY's A-MPDU length, its block ack window and a PPDU's 5,484 us.
int segments_per_ppdu(const Phy& phy, double mbps);
// The TCP segments `bytes` of payload go in (at least one).
int segments_of(double bytes);

// The air time each successful transmission costs beyond its frames when `c.stations`
// contend, from Bianchi's saturation model (IEEE JSAC 18(3), 2000) with CWmin 15 and 6
// doublings: DIFS (802.11g) or AIFS[AC_BE] (the QoS stations of n, ac and ax), the idle
// backoff slots between successes, and the collisions. One station: the IFS and CWmin / 2
// slots.
double access_us(const Phy& phy, const Contention& c);
// How many collisions a successful transmission follows on average, in the same model: the
// chance a busy slot is a collision over the chance it is a success.
double collisions_per_success(int stations);

// One transmission of a station alone: its access time, a PPDU of `mpdus` MPDUs of
// `mpdu_bytes` (an A-MPDU when the PHY aggregates), SIFS and the ACK or BlockAck.
double exchange_us(const Phy& phy, double mbps, double mpdu_bytes, int mpdus = 1);

// How long a collision among stations at these PHY rates lasts: the longer of two data
// PPDUs, on average over pairs, then EIFS (SIFS, a MAC ACK at 6 Mbit/s, the IFS).
double collision_us(const Phy& phy, const std::vector<double>& mbps);

// The airtime one full TCP segment (1448 bytes of payload) costs: its share of a data
// transmission and of the TCP ACKs that answer it (TCP acknowledges every second segment;
// the access point sends them at the same rate, aggregated when the PHY aggregates), each
// transmission after its access time.
double segment_airtime_us(const Phy& phy, double mbps, const Contention& c = {});

// A station's goodput at PHY rate `mbps`: payload bits per segment airtime. Stations sharing
// a cell get these rates' airtime shares (the 802.11 anomaly): SimGrid's Wi-Fi model.
double goodput_mbps(const Phy& phy, double mbps, const Contention& c = {});

// A transfer short enough for one A-MPDU goes alone as one exchange, not at the saturated
// rate: on an idle medium the station sends after the IFS without backoff, its PPDU's fixed
// costs (preamble, SIFS, BlockAck) are spread over its own segments, and the access point's
// TCP acknowledgements follow the data, so they do not delay it. Longer transfers, and PHYs
// that do not aggregate, move at goodput_mbps. A 28.6 KB upload at 802.11ax MCS 11 takes
// 623 us alone this way, 695 us at the saturated rate (docs/wifi5-6.md, "Messages").
bool fits_one_ppdu(const Phy& phy, double mbps, double bytes);
double message_airtime_us(const Phy& phy, double mbps, double bytes);
// The A-MPDU carrying a message of `bytes` in one PPDU: its full TCP segments' MPDUs, each
// after a delimiter and padded to 4 bytes, then the last segment's.
double message_psdu_bytes(const Phy& phy, double bytes);
// Pieces of exchanges, for the trigger rounds of uplink OFDMA (wifi_ofdma.hpp): SIFS, the
// IFS a QoS station waits (AIFS[AC_BE]), a backoff of CWmin / 2 slots, a non-HT control frame
// of `bytes` at `mbps`, the HE-LTFs of one PPDU, and a BlockAck bitmap (64 or 256 frames).
double sifs_us(const Phy& phy);
double ifs_us(const Phy& phy);
double mean_backoff_us();
double control_frame_us(const Phy& phy, double mbps, double bytes);
double he_training_us(const Phy& phy);
double block_ack_bitmap_bytes(const Phy& phy);

// The rate a transfer of `bytes` moves at alone: bytes over message_airtime_us when it fits
// one PPDU, else goodput_mbps.
double transfer_goodput_mbps(const Phy& phy, double mbps, double bytes);

} // namespace muxsim::wifi

namespace muxsim {

// The 802.11 PHY whose rates a cell's Wi-Fi rates are, or none when they are goodput.
std::optional<wifi::Phy> wifi_phy(const NetworkConfig& n);

} // namespace muxsim
