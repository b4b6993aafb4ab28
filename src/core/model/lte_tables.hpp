#pragma once
// The 3GPP tables an LTE uplink's rate is read from (TS 36.213 v8.8.0), and the spectral
// efficiencies ns-3 3.37's LENA maps SINR to them through (R1-081483; docs/lte.md).
namespace muxsim::lte {

constexpr int kMostResourceBlocks = 100; // a 20 MHz carrier
constexpr int kMostMcs = 28;
constexpr int kMostCqi = 15;

// The transport block size in bits for TBS index `itbs` (0-26) on `rbs` resource blocks
// (1-100): TS 36.213 Table 7.1.7.2.1-1.
int tbs_bits(int itbs, int rbs);
// The PUSCH MCS's TBS index: TS 36.213 Table 8.6.1-1 (MCS 0-10 are ITBS 0-10, 11-20 are
// 10-19, 21-28 are 19-26).
int itbs_of_mcs(int mcs);
// Spectral efficiency (bit/s/Hz) of CQI 0-15 and MCS 0-28 (R1-081483, to two decimals, as
// LENA's lte-amc.cc has them).
double cqi_efficiency(int cqi);
double mcs_efficiency(int mcs);

} // namespace muxsim::lte
