// The LTE uplink's rate (core/model/lte_uplink.hpp), by hand at LENA's defaults: SINR from
// distance, SINR to CQI to MCS to transport block, resource blocks shared among phones, and
// the goodput of UDP packets after PDCP and RLC.
#include "core/model/lte_tables.hpp"
#include "core/model/lte_uplink.hpp"

#include <doctest/doctest.h>

#include <cmath>

namespace lte = muxsim::lte;

TEST_CASE("uplink SINR from distance, as LENA's power control sets it") {
  const lte::Radio radio; // 25 resource blocks
  // Friis at 1930 MHz: 38.16 dB + 20 log10(d).
  CHECK(lte::path_loss_db(100, 1930) == doctest::Approx(78.159).epsilon(1e-4));
  // Within reach of P0: -80 dBm per block aimed on the downlink's path loss, 0.82 dB above
  // the uplink's, over -174 + 52.55 + 5 = -116.45 dBm of noise: 37.26 dB, read as 37.25.
  CHECK(lte::uplink_sinr_db(radio, 100) == 37.25);
  // At 500 m the phone would need 26.9 dBm: capped at 23 over 25 blocks,
  // 23 - 13.98 - 92.14 + 116.45 = 33.33 dB, read as 33.25.
  CHECK(lte::uplink_sinr_db(radio, 500) == 33.25);
  // Downlink: 30 dBm over 25 blocks, Friis at 2120 MHz, the phone's 9 dB noise figure.
  CHECK(lte::downlink_sinr_db(radio, 100) == doctest::Approx(49.49).epsilon(1e-3));
}

TEST_CASE("SINR to CQI to MCS to transport block") {
  // CQI 15 needs 5.55 bit/s/Hz above a 7.43 dB gap: SINR above 24.04 dB.
  CHECK(lte::cqi_of_sinr(24.1) == 15);
  CHECK(lte::cqi_of_sinr(24.0) == 14);
  CHECK(lte::cqi_of_sinr(-3) == 0);
  for (int cqi = 1; cqi <= 15; ++cqi)
    CHECK(lte::mcs_of_cqi(cqi) == 2 * (cqi - 1));
  CHECK(lte::itbs_of_mcs(28) == 26);
  CHECK(lte::itbs_of_mcs(11) == 10);
  CHECK(lte::tbs_bits(26, 25) == 18336);
  CHECK(lte::tbs_bits(26, 3) == 2216);
  CHECK(lte::tbs_bits(6, 1) == 88);
  const lte::Radio radio;
  CHECK(lte::mcs_at(radio, 1000) == 28);
  CHECK(lte::mcs_at(radio, 4000) == 18);
  CHECK(lte::mcs_at(radio, 35000) == -1); // CQI 0: never granted
  CHECK(lte::mcs_at(radio, 55000) == -1); // downlink below -5 dB: the cell is lost
}

TEST_CASE("phones with data share the resource blocks") {
  // Alone: all 25 blocks, 18,336 bits a millisecond.
  CHECK(lte::mac_kbps(28, 25, 1) == 18336);
  // Two: 12 blocks each (one left over), 8,760 bits each, every TTI.
  CHECK(lte::mac_kbps(28, 25, 2) == 8760);
  // Ten: blocks of at least 3, so 8 served a TTI in turn: 2,216 x 8 / 10.
  CHECK(lte::mac_kbps(28, 25, 10) == doctest::Approx(1772.8));
  // MCS 0 on 3 blocks is a 7-byte block, too small to carry data.
  CHECK(lte::mac_kbps(0, 25, 8) == 0);
  CHECK(lte::is_bandwidth(25));
  CHECK_FALSE(lte::is_bandwidth(20));
}

TEST_CASE("goodput of 1,024-byte UDP packets on one phone's 25 blocks") {
  // A packet is 1,024 + 28 + 2 = 1,054 bytes; a 2,292-byte block carries (2,292 - 2) /
  // (1 + 1.5 / 1,054) bytes of packets, 1,024 / 1,054 of them data, 1,000 blocks a second.
  const double carried = (2292 - 2) / (1 + 1.5 / 1054);
  CHECK(lte::payload_mbps(28, 25, 1, 1024, 28) ==
        doctest::Approx(carried * 1024 / 1054 * 8000 / 1e6));
  CHECK(lte::payload_mbps(28, 25, 1, 1024, 28) == doctest::Approx(17.77).epsilon(1e-3));
}
