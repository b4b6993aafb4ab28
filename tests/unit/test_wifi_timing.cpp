// 802.11g and 802.11n airtime by hand (core/model/wifi_timing.hpp), step by step, for one
// station alone.
#include "core/model/wifi_timing.hpp"

#include <doctest/doctest.h>

#include <initializer_list>

using namespace muxsim::wifi;

namespace {
const Phy G{Standard::G80211, false}, N{Standard::N80211, false};
const Phy g80211{Standard::G80211, false}, n_single{Standard::N80211, false},
    n_ampdu{Standard::N80211, true};
} // namespace

TEST_CASE("802.11g at 54 Mbit/s, one station: 23.92 Mbit/s of TCP goodput") {
  // The data frame: 24 + 4 + 8 bytes of MAC, FCS and LLC/SNAP around 1,500 bytes of IP.
  // 16 + 8 x 1536 + 6 = 12,310 bits in symbols of 216 bits: 57 symbols, 228 us; with the
  // preamble (16), SIGNAL (4) and signal extension (6): 254 us.
  CHECK(ppdu_us(G, 54, 1536) == 254);
  // The MAC ACK at 24 Mbit/s: 16 + 112 + 6 = 134 bits, 2 symbols of 96 bits: 8 + 26 = 34 us.
  CHECK(control_rate_mbps(G, 54) == 24);
  CHECK(ppdu_us(G, 24, 14) == 34);
  // DIFS 28 + backoff 7.5 x 9 + 254 + SIFS 10 + 34 = 393.5 us.
  CHECK(exchange_us(g80211, 54, 1536) == doctest::Approx(393.5));
  // The TCP ACK: 88 bytes, 726 bits, 4 symbols: 42 us; its exchange 28 + 67.5 + 42 + 10 + 34.
  CHECK(exchange_us(g80211, 54, 88) == doctest::Approx(181.5));
  // A segment costs 393.5 + 181.5 / 2 = 484.25 us of air: 11,584 bits in it, 23.921 Mbit/s.
  CHECK(segment_airtime_us(g80211, 54) == doctest::Approx(484.25));
  CHECK(goodput_mbps(g80211, 54) == doctest::Approx(11584 / 484.25));
}

TEST_CASE("802.11g at 6 Mbit/s, one station: 4.85 Mbit/s") {
  // 12,310 bits in 24-bit symbols: 513 symbols, 2,052 us, plus 26: 2,078 us.
  CHECK(ppdu_us(G, 6, 1536) == 2078);
  // The MAC ACK at 6: 134 bits, 6 symbols, 24 + 26 = 50 us.
  CHECK(control_rate_mbps(G, 6) == 6);
  CHECK(ppdu_us(G, 6, 14) == 50);
  CHECK(exchange_us(g80211, 6, 1536) == doctest::Approx(28 + 67.5 + 2078 + 10 + 50));
  // The TCP ACK: 726 bits, 31 symbols, 124 + 26 = 150 us.
  CHECK(ppdu_us(G, 6, 88) == 150);
  CHECK(segment_airtime_us(g80211, 6) == doctest::Approx(2233.5 + 305.5 / 2));
  CHECK(goodput_mbps(g80211, 6) == doctest::Approx(4.8545).epsilon(1e-4));
}

TEST_CASE("802.11g's rates, and the DSSS rates it keeps from 802.11b") {
  for (double r : {1.0, 2.0, 5.5, 11.0, 6.0, 9.0, 12.0, 18.0, 24.0, 36.0, 48.0, 54.0})
    CHECK(has_rate(G, r));
  for (double r : {0.5, 10.0, 54.5, 65.0, 100.0})
    CHECK_FALSE(has_rate(G, r));
  // DSSS at 1 Mbit/s: the long 192 us PLCP, then 8 us a byte; its ACK at 1 Mbit/s too.
  CHECK(ppdu_us(G, 1, 14) == 192 + 112);
  CHECK(control_rate_mbps(G, 11) == 11);
  CHECK(control_rate_mbps(G, 36) == 24);
  CHECK(control_rate_mbps(G, 9) == 6);
  CHECK(segments_per_ppdu(g80211, 54) == 1);
}

TEST_CASE("802.11n MCS 7 (65 Mbit/s) without aggregation, one station: 23.95 Mbit/s") {
  // The QoS data frame: 26 + 4 + 8 bytes around 1,500 of IP, 1,538 bytes. 16 + 12,304 + 6 =
  // 12,326 bits in symbols of 260 bits: 48 symbols, 192 us; with the HT-mixed preamble and
  // signal fields (36) and the signal extension (6): 234 us.
  CHECK(ppdu_us(N, 65, 1538) == 234);
  // MCS 7's non-HT reference rate is 54: the ACK goes at 24 Mbit/s, 34 us.
  CHECK(control_rate_mbps(N, 65) == 24);
  // AIFS[AC_BE] 37 + backoff 67.5 + 234 + SIFS 10 + 34 = 382.5 us.
  CHECK(exchange_us(n_single, 65, 1538) == doctest::Approx(382.5));
  // The TCP ACK: 90 bytes, 742 bits, 3 symbols: 54 us; its exchange 104.5 + 54 + 10 + 34.
  CHECK(exchange_us(n_single, 65, 90) == doctest::Approx(202.5));
  CHECK(segment_airtime_us(n_single, 65) == doctest::Approx(382.5 + 202.5 / 2));
  CHECK(goodput_mbps(n_single, 65) == doctest::Approx(11584 / 483.75));
}

TEST_CASE("802.11n MCS 7 with A-MPDU, one station: 28 segments a PPDU, 55.15 Mbit/s") {
  // Subframes of 4 + 1,538 bytes padded to 1,544. The PPDU may last 5,484 us: 1,360 symbols,
  // 44,197 bytes of PSDU, so 28 subframes (27 x 1,544 + 1,542 = 43,230 bytes; 29 would be
  // 44,774). Well under 65,535 bytes and 64 frames.
  CHECK(segments_per_ppdu(n_ampdu, 65) == 28);
  // 22 + 8 x 43,230 = 345,862 bits: 1,331 symbols, 5,324 us, plus 42: 5,366 us.
  CHECK(ppdu_us(N, 65, 43230) == 5366);
  // The compressed BlockAck, 32 bytes at 24 Mbit/s: 278 bits, 3 symbols, 38 us.
  CHECK(ppdu_us(G, 24, 32) == 38);
  CHECK(exchange_us(n_ampdu, 65, 1538, 28) == doctest::Approx(104.5 + 5366 + 10 + 38));
  // The access point's 14 TCP ACKs in one A-MPDU: 13 x 96 + 94 = 1,342 bytes, 10,758 bits,
  // 42 symbols, 210 us; with its access, SIFS and BlockAck: 362.5 us.
  CHECK(exchange_us(n_ampdu, 65, 90, 14) == doctest::Approx(362.5));
  CHECK(segment_airtime_us(n_ampdu, 65) == doctest::Approx((5518.5 + 362.5) / 28));
  CHECK(goodput_mbps(n_ampdu, 65) == doctest::Approx(11584 * 28 / 5881.0));
}

TEST_CASE("802.11n MCS 0 (6.5 Mbit/s) with A-MPDU: 2 segments fit in 5,484 us") {
  // 1,360 symbols of 26 bits hold 4,417 bytes: 2 subframes, 3,086 bytes, 951 symbols.
  CHECK(segments_per_ppdu(n_ampdu, 6.5) == 2);
  CHECK(ppdu_us(N, 6.5, 3086) == 3846);
  // Its BlockAck at 6 Mbit/s: 12 symbols, 74 us; one TCP ACK subframe of 94 bytes: 162 us.
  CHECK(control_rate_mbps(N, 6.5) == 6);
  CHECK(segment_airtime_us(n_ampdu, 6.5) ==
        doctest::Approx((104.5 + 3846 + 10 + 74 + 104.5 + 162 + 10 + 74) / 2));
}

TEST_CASE("802.11n's rates: MCS 0-7, one stream, 20 MHz, 800 ns guard interval") {
  for (double r : {6.5, 13.0, 19.5, 26.0, 39.0, 52.0, 58.5, 65.0})
    CHECK(has_rate(N, r));
  for (double r : {6.0, 54.0, 72.2, 130.0})
    CHECK_FALSE(has_rate(N, r));
  // Each MCS's ACK rate: its non-HT reference rate, down to a mandatory OFDM rate.
  const double expected[] = {6, 12, 12, 24, 24, 24, 24, 24};
  const double ht[] = {6.5, 13, 19.5, 26, 39, 52, 58.5, 65};
  for (int i = 0; i < 8; ++i)
    CHECK(control_rate_mbps(N, ht[i]) == expected[i]);
}
