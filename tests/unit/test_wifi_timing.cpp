// 802.11g airtime by hand (core/model/wifi_timing.hpp), step by step, for one station alone.
#include "core/model/wifi_timing.hpp"

#include <doctest/doctest.h>

#include <initializer_list>

using namespace muxsim::wifi;

TEST_CASE("802.11g at 54 Mbit/s, one station: 23.92 Mbit/s of TCP goodput") {
  // The data frame: 24 + 4 + 8 bytes of MAC, FCS and LLC/SNAP around 1,500 bytes of IP.
  // 16 + 8 x 1536 + 6 = 12,310 bits in symbols of 216 bits: 57 symbols, 228 us; with the
  // preamble (16), SIGNAL (4) and signal extension (6): 254 us.
  CHECK(ppdu_us(54, 1536) == 254);
  // The MAC ACK at 24 Mbit/s: 16 + 112 + 6 = 134 bits, 2 symbols of 96 bits: 8 + 26 = 34 us.
  CHECK(control_rate_mbps(54) == 24);
  CHECK(ppdu_us(24, 14) == 34);
  // DIFS 28 + backoff 7.5 x 9 + 254 + SIFS 10 + 34 = 393.5 us.
  CHECK(exchange_us(54, 1536) == doctest::Approx(393.5));
  // The TCP ACK: 88 bytes, 726 bits, 4 symbols: 42 us; its exchange 28 + 67.5 + 42 + 10 + 34.
  CHECK(exchange_us(54, 88) == doctest::Approx(181.5));
  // A segment costs 393.5 + 181.5 / 2 = 484.25 us of air: 11,584 bits in it, 23.921 Mbit/s.
  CHECK(segment_airtime_us(54) == doctest::Approx(484.25));
  CHECK(goodput_mbps(54) == doctest::Approx(11584 / 484.25));
}

TEST_CASE("802.11g at 6 Mbit/s, one station: 4.85 Mbit/s") {
  // 12,310 bits in 24-bit symbols: 513 symbols, 2,052 us, plus 26: 2,078 us.
  CHECK(ppdu_us(6, 1536) == 2078);
  // The MAC ACK at 6: 134 bits, 6 symbols, 24 + 26 = 50 us.
  CHECK(control_rate_mbps(6) == 6);
  CHECK(ppdu_us(6, 14) == 50);
  CHECK(exchange_us(6, 1536) == doctest::Approx(28 + 67.5 + 2078 + 10 + 50));
  // The TCP ACK: 726 bits, 31 symbols, 124 + 26 = 150 us.
  CHECK(ppdu_us(6, 88) == 150);
  CHECK(segment_airtime_us(6) == doctest::Approx(2233.5 + 305.5 / 2));
  CHECK(goodput_mbps(6) == doctest::Approx(4.8545).epsilon(1e-4));
}

TEST_CASE("802.11g's rates, and the DSSS rates it keeps from 802.11b") {
  for (double r : {1.0, 2.0, 5.5, 11.0, 6.0, 9.0, 12.0, 18.0, 24.0, 36.0, 48.0, 54.0})
    CHECK(is_80211g_rate(r));
  for (double r : {0.5, 10.0, 54.5, 65.0, 100.0})
    CHECK_FALSE(is_80211g_rate(r));
  // DSSS at 1 Mbit/s: the long 192 us PLCP, then 8 us a byte; its ACK at 1 Mbit/s too.
  CHECK(ppdu_us(1, 14) == 192 + 112);
  CHECK(control_rate_mbps(11) == 11);
  CHECK(control_rate_mbps(36) == 24);
  CHECK(control_rate_mbps(9) == 6);
}
