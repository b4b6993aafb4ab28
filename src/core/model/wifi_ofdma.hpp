#pragma once
// 802.11ax uplink OFDMA as `wifi_ofdma = ideal` models it (802.11ax-2021 26.5.2 and 27.3;
// docs/wifi5-6.md, "Uplink OFDMA"). When uploads of several stations wait for the air, the
// access point serves them in one trigger round instead of one exchange each: it sends a
// Basic trigger frame giving each station a resource unit (RU) of the channel, the stations
// send their A-MPDUs at once in an HE TB PPDU as long as the longest, and one multi-station
// BlockAck answers them all. Ideal: the access point knows what each station holds (as the
// queue size its QoS frames may carry tells it), so it neither polls first nor grants more
// than is sent; ns-3 3.37's scheduler does both (docs/notes/ns3-ofdma.md). A round saves the
// stations' own contention and collisions and the per-PPDU overheads; it costs the trigger
// exchange, and its RUs together carry fewer data subcarriers than the whole channel.
#include "core/model/wifi_standards.hpp"

#include <vector>

namespace muxsim::wifi {

// A station's upload in a round: its PHY rate (which names its MCS) and the message's bytes.
struct TbUpload {
  double mbps = 0;
  double bytes = 0;
};

// The data subcarriers of the RU each of `stations` gets in a channel of `width_mhz`: the
// largest RU of which the channel holds that many (26-tone RUs carry 24, 52-tone 48, 106-tone
// 102, 242-tone 234, 484-tone 468, 996-tone 980, 2x996-tone 1,960; 27.3.2.2); 0 when even
// the 26-tone RUs are too few.
double ru_data_subcarriers(int width_mhz, int stations);

// The HE TB PPDU carrying a message of `bytes` at `mbps`'s MCS on the RU of one of `stations`:
// L-STF, L-LTF, L-SIG and RL-SIG (24 us), HE-SIG-A (8), the TB PPDU's 8 us HE-STF, the
// HE-LTFs, then symbols of the RU's data bits (its subcarriers at the MCS's bits per
// subcarrier and coding rate).
double tb_ppdu_us(const Phy& phy, double mbps, double bytes, int stations);

// Whether each upload fits one TB PPDU (at most 5,484 us) on its RU with this many stations.
bool round_fits(const Phy& phy, const std::vector<TbUpload>& uploads);

// One round's air time: AIFS (the access point's contention comes on top, as for a turn),
// the Basic trigger frame at 6 Mbit/s (30 + 6 bytes per station, the size ns-3 3.37 sends),
// SIFS, the longest TB PPDU, SIFS, and the multi-station BlockAck (22 bytes, and 4 plus the
// bitmap per station) at the control rate of the slowest station's MCS.
double trigger_round_us(const Phy& phy, const std::vector<TbUpload>& uploads);

} // namespace muxsim::wifi
