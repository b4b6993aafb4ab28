#pragma once
// The 802.11 standards muxsim times, as rows of one table: 802.11g (IEEE 802.11-2016 clauses
// 17-18: ERP-OFDM and the DSSS/CCK rates it keeps), 802.11n (clause 19: HT-mixed PPDUs),
// 802.11ac (clause 21: VHT PPDUs) and 802.11ax (802.11ax-2021 clause 27: HE SU PPDUs). A row
// says what a standard's PPDUs are made of and which channel widths, guard intervals, spatial
// streams and aggregates it has; the timing model (wifi_timing.hpp) reads rows, not names.
#include <optional>
#include <string>
#include <vector>

namespace muxsim::wifi {

// In the order of the [network] wifi_standard key's values after none.
enum class Standard { G80211, N80211, AC80211, AX80211 };

// How a standard's data PPDUs are built (wifi_timing.cpp times each).
enum class PpduFormat { ErpOfdm, HtMixed, Vht, HeSu };

// Whether a standard's stations send A-MPDUs: never (802.11g), when configured (802.11n), or
// always (VHT and HE PPDUs carry an A-MPDU even for one MPDU).
enum class Aggregation { Never, Optional, Always };

struct StandardSpec {
  Standard standard;
  const char* name;
  PpduFormat format;
  bool band_5ghz;              // 5 GHz: SIFS 16 us, no signal extension
  std::vector<int> widths_mhz; // channel widths it has
  int default_width_mhz;       // ns-3 3.37's (WifiPhy ChannelSettings for the standard)
  std::vector<int> guards_ns;  // guard intervals it has
  int default_guard_ns;        // ns-3 3.37's (HtConfiguration, HeConfiguration)
  int most_streams;            // spatial streams
  Aggregation aggregation;     // A-MPDU
  double most_ampdu_bytes;     // the longest A-MPDU it allows
  int most_block_ack_frames;   // the largest block ack window it allows
  double mac_header_bytes;     // 24, or 26 for QoS stations (n, ac, ax)
};

const StandardSpec& spec(Standard s);
// Every row, in Standard's order.
const std::vector<StandardSpec>& standards();

// The PHY and MAC a cell's stations use.
struct Phy {
  Standard standard = Standard::G80211;
  bool aggregation = false; // A-MPDU with block acknowledgement
  int width_mhz = 20;
  int streams = 1;
  int guard_ns = 800;
  double ampdu_bytes = 65535; // the longest A-MPDU a station builds (ns-3's BE_MaxAmpduSize)
  int block_ack_frames = 64;  // the block ack window (ns-3's MpduBufferSize)
  bool uplink_ofdma = false;  // 802.11ax: the access point triggers uploads (wifi_ofdma.hpp)
};

// A standard's PHY at its defaults: ns-3 3.37's width and guard interval, one stream, A-MPDU
// where the standard has it, at most 65,535 bytes in a 64-frame window (ns-3's
// BE_MaxAmpduSize and MpduBufferSize defaults).
Phy default_phy(Standard s);

// One way to send data: a PHY rate and what it is made of.
struct Mode {
  double mbps = 0;            // the PHY rate
  double bits_per_symbol = 0; // N_DBPS; 0 for DSSS/CCK
  double reference_mbps = 0;  // the non-HT rate whose modulation picks the control rate
  int mcs = -1;               // HT, VHT, HE: the MCS; -1 for 802.11g
  int width_mhz = 20;
};

// A rate typed by a user matches a mode within this (292.5, 306.3, 433.3).
constexpr double kRateToleranceMbps = 0.1;

// The modes a cell's stations may be set to: its width's, at its streams and guard interval.
std::vector<Mode> modes(const Phy& phy);
// Those and the narrower widths' an ideal rate control may also take (ns-3's
// IdealWifiManager tries every width up to the channel's).
std::vector<Mode> modes_up_to_width(const Phy& phy);
// The mode of a rate (within kRateToleranceMbps) at the cell's width, or at any width up to it.
std::optional<Mode> find_mode(const Phy& phy, double mbps, bool narrower_too = false);
bool has_rate(const Phy& phy, double mbps);
// For messages: "802.11n rate (MCS 0-7 at 20 MHz: 6.5, 13, ...)".
std::string describe_rates(const Phy& phy);
// For messages: the one or two valid rates nearest `mbps`, "292.5 or 351".
std::string nearest_rates(const Phy& phy, double mbps);
// Why this PHY cannot be (a width, guard interval, stream count, A-MPDU length or window the
// standard lacks), naming the key to change; empty when it can.
struct PhyProblem {
  const char* key = nullptr;
  std::string why;
};
std::optional<PhyProblem> check_phy(const Phy& phy);

// A data symbol's duration in microseconds: 4 (3.6 with HT/VHT's 400 ns guard interval), or
// for HE 12.8 plus the guard interval.
double symbol_us(const Phy& phy);

} // namespace muxsim::wifi
