// 802.11ax uplink OFDMA's trigger rounds (core/model/wifi_ofdma.hpp), by hand: resource units
// per width, HE TB PPDUs carrying a 28,624-byte upload, and whole rounds of 2 and 4 stations
// at HE MCS 11, 80 MHz, 3.2 us guard interval (ns-3 3.37's defaults).
#include "core/model/wifi_ofdma.hpp"
#include "core/model/wifi_timing.hpp"

#include <doctest/doctest.h>

namespace wifi = muxsim::wifi;

namespace {

// 80 MHz, 3.2 us guard interval; a constant, not read from the standards' table, which
// another file's static may not have built yet.
const wifi::Phy kAx{wifi::Standard::AX80211, true, 80, 1, 3200};
constexpr double kMcs11 = 510.417, kUpload = 28624;

} // namespace

TEST_CASE("each of k stations gets the largest resource unit the channel has k of") {
  CHECK(wifi::ru_data_subcarriers(80, 1) == 980); // 996 tones
  CHECK(wifi::ru_data_subcarriers(80, 2) == 468); // 484
  CHECK(wifi::ru_data_subcarriers(80, 3) == 234); // 242: 80 MHz has four
  CHECK(wifi::ru_data_subcarriers(80, 4) == 234);
  CHECK(wifi::ru_data_subcarriers(80, 9) == 48);  // 52: sixteen
  CHECK(wifi::ru_data_subcarriers(80, 37) == 24); // 26: thirty-seven
  CHECK(wifi::ru_data_subcarriers(80, 38) == 0);
  CHECK(wifi::ru_data_subcarriers(20, 5) == 24); // 20 MHz: four 52-tone RUs, nine 26-tone
  CHECK(wifi::ru_data_subcarriers(20, 10) == 0);
  CHECK(wifi::ru_data_subcarriers(160, 2) == 980);
}

TEST_CASE("an HE TB PPDU carrying a 28.6 KB upload, by hand") {
  // The A-MPDU: 19 full subframes of 4 + 26 + 12 + 52 + 1,448 = 1,542 bytes, padded to 1,544,
  // then the last of 4 + 26 + 12 + 52 + 1,112 = 1,206: 30,542 bytes, 244,358 bits with the
  // SERVICE and tail bits. Preamble: 24 + 8 + 8 (HE-STF) + 16 (one 4x HE-LTF) = 56 us;
  // symbols of 16 us.
  REQUIRE(wifi::message_psdu_bytes(kAx, kUpload) == 30542);
  // Two stations: 484-tone RUs, 468 x 10 x 5/6 = 3,900 bits a symbol: 63 symbols.
  CHECK(wifi::tb_ppdu_us(kAx, kMcs11, kUpload, 2) == doctest::Approx(56 + 63 * 16));
  // Four: 242-tone RUs, 1,950 bits a symbol: 126 symbols.
  CHECK(wifi::tb_ppdu_us(kAx, kMcs11, kUpload, 4) == doctest::Approx(56 + 126 * 16));
  // A station at a 40 MHz MCS (an ideal rate control's narrower width) on a 242-tone RU:
  // MCS 11 at 40 MHz (243.75 Mbit/s) is 468 subcarriers, so the same 1,950 bits.
  CHECK(wifi::tb_ppdu_us(kAx, 243.75, kUpload, 4) == doctest::Approx(56 + 126 * 16));
}

TEST_CASE("a round fits only when every upload fits its resource unit in 5,484 us") {
  CHECK(wifi::round_fits(kAx, {{kMcs11, kUpload}, {kMcs11, kUpload}}));
  // Eight stations: 106-tone RUs of 102 subcarriers, 850 bits a symbol, 288 symbols: 4,664 us.
  CHECK(wifi::round_fits(kAx, std::vector<wifi::TbUpload>(8, {kMcs11, kUpload})));
  // Nine: 52-tone RUs, 400 bits a symbol: 9,784 us.
  CHECK_FALSE(wifi::round_fits(kAx, std::vector<wifi::TbUpload>(9, {kMcs11, kUpload})));
  // HE MCS 0 (36.03 Mbit/s at 80 MHz) with a second station: 468 x 1 x 1/2 = 234 bits, 1,045
  // symbols.
  CHECK_FALSE(wifi::round_fits(kAx, {{kMcs11, kUpload}, {36.029, kUpload}}));
}

TEST_CASE("a trigger round of 2 and of 4 stations, by hand") {
  // AIFS 43; the Basic trigger (30 + 6k bytes at 6 Mbit/s: 80 us for 2, 96 for 4); SIFS 16;
  // the TB PPDU; SIFS; the multi-station BlockAck (22 + 12k bytes at 24 Mbit/s, the control
  // rate of MCS 11: 40 and 48 us).
  const std::vector<wifi::TbUpload> two(2, {kMcs11, kUpload}), four(4, {kMcs11, kUpload});
  CHECK(wifi::trigger_round_us(kAx, two) == doctest::Approx(43 + 80 + 16 + 1064 + 16 + 40));
  CHECK(wifi::trigger_round_us(kAx, four) == doctest::Approx(43 + 96 + 16 + 2072 + 16 + 48));
  // Against the lone exchanges it replaces (each AIFS, the 52 us HE SU preamble, 30 symbols,
  // SIFS and a 32 us BlockAck: 623 us), a round of two takes about as long and a round of
  // four 8 % less: four 242-tone RUs carry 936 data subcarriers of the channel's 980.
  const double lone = wifi::message_airtime_us(kAx, kMcs11, kUpload);
  REQUIRE(lone == doctest::Approx(43 + 52 + 30 * 16 + 16 + 32));
  CHECK(wifi::trigger_round_us(kAx, two) == doctest::Approx(2 * lone).epsilon(0.02));
  CHECK(wifi::trigger_round_us(kAx, four) < 0.93 * 4 * lone);
}
