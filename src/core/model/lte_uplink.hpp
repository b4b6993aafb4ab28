#pragma once
// An LTE cell's uplink, flow-level (docs/lte.md): the rate a phone's uploads move at, from
// its distance to the eNodeB and the number of phones with data in the cell. Its rules are
// those of ns-3 3.37's LTE module (LENA) at its defaults, read from its source
// (docs/notes/ns3-lte-uplink.md) and checked against its runs (docs/notes/ns3-lte-reference.md):
//  * Friis path loss at the uplink carrier (1930 MHz); the phone estimates it on the downlink
//    (2120 MHz), and its open-loop power control aims P0 (-80 dBm) per resource block at the
//    eNodeB, capped at Pcmax (23 dBm) over its sounding signal's whole band;
//  * no interference in one cell: the uplink SINR is that power over the eNodeB's noise per
//    resource block (-174 dBm/Hz over 180 kHz plus a 5 dB noise figure), read by the
//    scheduler in 1/8 dB steps cut toward zero;
//  * SINR to CQI through Shannon's formula with a gap for a BER of 5e-5, CQI to the fastest
//    MCS not more efficient, MCS to a transport block through TS 36.213;
//  * the scheduler gives every phone with data an equal block of floor(B / n) resource
//    blocks, at least 3: beyond floor(B / 3) phones, that many are served each TTI in turn.
#include <vector>

namespace muxsim::lte {

// The cell and radio settings LENA's defaults give (each named in docs/lte.md).
struct Radio {
  int resource_blocks = 25;   // LteEnbNetDevice UlBandwidth (5 MHz)
  double uplink_mhz = 1930;   // band 1, UL EARFCN 18100
  double downlink_mhz = 2120; // DL EARFCN 100: where the phone measures its path loss
  double p0_dbm = -80;        // power control's target per resource block
  double most_dbm = 23;       // Pcmax
  double least_dbm = -40;     // Pcmin
  double enb_noise_figure_db = 5;
  double enb_dbm = 30; // the eNodeB's transmit power
  double phone_noise_figure_db = 9;
};

// Resource blocks an LTE carrier may have: 6, 15, 25, 50, 75, 100 (1.4 to 20 MHz).
bool is_bandwidth(int resource_blocks);

// Friis: 20 log10(4 pi d f / c), in dB.
double path_loss_db(double distance_m, double mhz);

// The SINR of the phone's sounding signal at the eNodeB, in dB as the scheduler reads it.
double uplink_sinr_db(const Radio& radio, double distance_m);
// The SINR the phone measures on the downlink; below -5 dB (LENA's Qout) it loses the cell.
double downlink_sinr_db(const Radio& radio, double distance_m);
constexpr double kOutOfSyncDb = -5;

// CQI 0-15 of an SINR (0: no grant), and the MCS of a CQI >= 1.
int cqi_of_sinr(double sinr_db);
int mcs_of_cqi(int cqi);
// The phone's MCS at this distance, or -1 when it has no uplink there (downlink lost, or
// CQI 0).
int mcs_at(const Radio& radio, double distance_m);

// Bits a phone at `mcs` sends per millisecond (TTI), on average, while `active` phones
// (>= 1, itself included) have data in a cell of `resource_blocks`: the MAC rate in kbit/s.
double mac_kbps(int mcs, int resource_blocks, int active);

// The payload rate of that MAC rate for packets of `payload_bytes` after `header_bytes` of
// IP and transport headers each: each packet also takes PDCP's 2 bytes, each transport
// block RLC UM's 2, and each packet a block starts after the first a length indicator of
// 1.5 bytes on average (12 bits).
double payload_mbps(int mcs, int resource_blocks, int active, double payload_bytes,
                    double header_bytes);

} // namespace muxsim::lte
