#pragma once
// The airtime of one TCP segment over 802.11g (IEEE 802.11-2016, clauses 17-18: ERP-OFDM,
// with the DSSS/CCK rates 802.11g keeps from 802.11b), and the goodput a station alone gets
// from a PHY rate (docs/wifi-validation.md). A flow-level simulator moves r bits per second
// at a rate of r; 802.11 spends part of every frame's airtime on fixed costs (preamble,
// DIFS and backoff, SIFS and the MAC ACK at a control rate, the MAC, IP and TCP headers, and
// the TCP ACKs the access point sends back on the same air), so goodput is well below r.
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

// A PHY rate 802.11g has: 1, 2, 5.5, 11 (DSSS/CCK) or 6, 9, 12, 18, 24, 36, 48, 54 (ERP-OFDM).
bool is_80211g_rate(double mbps);

// The duration of a PPDU carrying `bytes` of MAC frame at `mbps`, in microseconds. ERP-OFDM:
// 16 us preamble, 4 us SIGNAL, 4 us symbols of 4 x mbps data bits holding the 16-bit SERVICE
// field, the frame and 6 tail bits, then the 6 us signal extension. DSSS/CCK: the long
// 192 us PLCP preamble and header, then the frame at `mbps`.
double ppdu_us(double mbps, double bytes);

// The rate of the MAC ACK answering a frame sent at `mbps`: the highest mandatory rate of the
// same modulation not above it (6, 12, 24 for ERP-OFDM; 1, 2, 5.5, 11 for DSSS/CCK).
double control_rate_mbps(double mbps);

// One frame exchange of a station alone: DIFS, the mean backoff (CWmin / 2 slots), the
// frame, SIFS and the MAC ACK.
double exchange_us(double mbps, double frame_bytes);

// Bianchi's saturation model (IEEE JSAC 18(3), 2000) with CWmin 15 and 6 doublings: the air
// time each successful frame costs beyond its own exchange when `c.stations` contend: DIFS,
// the idle backoff slots between successes, and the collisions. One station: DIFS and
// CWmin / 2 slots, no collision.
double access_us(const Contention& c);

// How long a collision among stations at these PHY rates lasts: the longer of two data
// frames, on average over pairs, then EIFS (SIFS, a MAC ACK at 6 Mbit/s, DIFS).
double collision_us(const std::vector<double>& mbps);

// The airtime one full TCP segment (1448 bytes of payload) costs: its data frame exchange
// and half of a TCP ACK's exchange (TCP acknowledges every second segment), the ACK sent at
// the same rate, each frame after its access time.
double segment_airtime_us(double mbps, const Contention& c = {});

// A station's goodput at PHY rate `mbps`: payload bits per segment airtime. Stations sharing
// a cell get these rates' airtime shares (the 802.11 anomaly): SimGrid's Wi-Fi model.
double goodput_mbps(double mbps, const Contention& c = {});

} // namespace muxsim::wifi
