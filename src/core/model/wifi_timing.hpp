#pragma once
// The airtime of one TCP segment over 802.11g (IEEE 802.11-2016, clauses 17-18: ERP-OFDM,
// with the DSSS/CCK rates 802.11g keeps from 802.11b) or 802.11n (clause 19: HT-mixed PPDUs
// of one spatial stream at 20 MHz with the 800 ns guard interval, in the 2.4 GHz band), and
// the goodput a station gets from a PHY rate (docs/wifi-validation.md). A flow-level
// simulator moves r bits per second at a rate of r; 802.11 spends part of every frame's
// airtime on fixed costs (preamble, DIFS or AIFS and backoff, SIFS and the MAC ACK at a
// control rate, the MAC, IP and TCP headers, and the TCP ACKs the access point sends back on
// the same air), so goodput is well below r. 802.11n's A-MPDU aggregation pays them once for
// many segments.
#include "core/base/scenario.hpp"

#include <optional>
#include <string>
#include <vector>

namespace muxsim::wifi {

enum class Standard { G80211, N80211 };

// The PHY and MAC a cell's stations use.
struct Phy {
  Standard standard = Standard::G80211;
  bool aggregation = false; // A-MPDU with block acknowledgement (802.11n only)
};

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

// The standard's PHY rates in Mbit/s. 802.11g: 1, 2, 5.5, 11 (DSSS/CCK) and 6, 9, 12, 18, 24,
// 36, 48, 54 (ERP-OFDM). 802.11n: MCS 0-7, 6.5 to 65.
bool has_rate(Standard s, double mbps);
// Its name and its rates, for messages: "802.11g rate (1, 2, ...)".
std::string describe_rates(Standard s);

// The duration of a PPDU carrying `bytes` of PSDU at `mbps`, in microseconds. OFDM symbols
// last 4 us and carry 4 x mbps data bits: the 16-bit SERVICE field, the PSDU and 6 tail bits.
// ERP-OFDM: 16 us preamble and 4 us SIGNAL before them; HT-mixed: 36 us of legacy and HT
// preambles and signal fields (one HT-LTF). Both end with the 6 us signal extension of the
// 2.4 GHz band. DSSS/CCK: the long 192 us PLCP preamble and header, then the PSDU at `mbps`.
double ppdu_us(Standard s, double mbps, double bytes);

// The rate of the MAC ACK or BlockAck answering a frame sent at `mbps`: the highest mandatory
// rate of its modulation (6, 12, 24 for OFDM; 1, 2, 5.5, 11 for DSSS/CCK) not above it, or
// for an HT MCS not above its non-HT reference rate (6, 12, 18, 24, 36, 48, 54, 54).
double control_rate_mbps(Standard s, double mbps);

// How many TCP segments one data PPDU of a saturated station carries: 1, or with A-MPDU as
// many as fit in 65,535 bytes, a 64-frame block ack window and the HT-mixed PPDU's 5,484 us.
int segments_per_ppdu(const Phy& phy, double mbps);

// The air time each successful transmission costs beyond its frames when `c.stations`
// contend, from Bianchi's saturation model (IEEE JSAC 18(3), 2000) with CWmin 15 and 6
// doublings: DIFS (802.11g) or AIFS[AC_BE] (802.11n's QoS stations), the idle backoff slots
// between successes, and the collisions. One station: the IFS and CWmin / 2 slots.
double access_us(Standard s, const Contention& c);

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

} // namespace muxsim::wifi

namespace muxsim {

// The 802.11 PHY whose rates a cell's Wi-Fi rates are, or none when they are goodput.
std::optional<wifi::Phy> wifi_phy(const NetworkConfig& n);

} // namespace muxsim
