#pragma once
// The airtime of one TCP segment over 802.11g (IEEE 802.11-2016, clauses 17-18: ERP-OFDM,
// with the DSSS/CCK rates 802.11g keeps from 802.11b), and the goodput a station alone gets
// from a PHY rate (docs/wifi-validation.md). A flow-level simulator moves r bits per second
// at a rate of r; 802.11 spends part of every frame's airtime on fixed costs (preamble,
// DIFS and backoff, SIFS and the MAC ACK at a control rate, the MAC, IP and TCP headers, and
// the TCP ACKs the access point sends back on the same air), so goodput is well below r.
namespace muxsim::wifi {

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

// The airtime one full TCP segment (1448 bytes of payload) costs: its data frame exchange
// and half of a TCP ACK's exchange (TCP acknowledges every second segment), the ACK sent at
// the same rate.
double segment_airtime_us(double mbps);

// The goodput of one station alone at PHY rate `mbps`: payload bits per segment airtime.
double goodput_alone_mbps(double mbps);

} // namespace muxsim::wifi
