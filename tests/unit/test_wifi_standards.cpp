// 802.11ac and 802.11ax by hand (core/model/wifi_standards.hpp, wifi_timing.hpp): PHY rates
// against the standards' MCS tables, which PHYs exist, and the airtime of a PPDU carrying a
// 28.6 KB upload and of a saturated station's segment, step by step.
#include "core/model/wifi_timing.hpp"

#include <doctest/doctest.h>

using namespace muxsim::wifi;

namespace {

Phy phy_of(Standard s, int width_mhz, int guard_ns, int streams = 1) {
  Phy phy = default_phy(s);
  phy.width_mhz = width_mhz;
  phy.guard_ns = guard_ns;
  phy.streams = streams;
  return phy;
}

double rate(const Phy& phy, int mcs) {
  for (const Mode& m : modes(phy))
    if (m.mcs == mcs) return m.mbps;
  return 0; // the standard has no such MCS here
}

} // namespace

TEST_CASE("the defaults are ns-3 3.37's: 80 MHz, one stream, 800 ns (ac) and 3200 ns (ax)") {
  const Phy ac = default_phy(Standard::AC80211), ax = default_phy(Standard::AX80211);
  CHECK(ac.width_mhz == 80);
  CHECK(ac.guard_ns == 800);
  CHECK(ax.width_mhz == 80);
  CHECK(ax.guard_ns == 3200);
  CHECK(ac.streams == 1);
  CHECK(ac.aggregation);
  CHECK(ax.ampdu_bytes == 65535);
  CHECK(ax.block_ack_frames == 64);
  CHECK(default_phy(Standard::N80211).width_mhz == 20);
}

TEST_CASE("VHT rates: 802.11-2016 tables 21-30 to 21-61") {
  // 80 MHz, one stream, 800 ns: 234 data subcarriers in 4 us symbols.
  const double vht80[] = {29.25, 58.5, 87.75, 117, 175.5, 234, 263.25, 292.5, 351, 390};
  const Phy ac = default_phy(Standard::AC80211);
  for (int mcs = 0; mcs < 10; ++mcs)
    CHECK(rate(ac, mcs) == doctest::Approx(vht80[mcs]));
  // The short guard interval: 3.6 us symbols, MCS 9 at 433.3.
  CHECK(rate(phy_of(Standard::AC80211, 80, 400), 9) == doctest::Approx(433.333).epsilon(1e-5));
  // MCS 9 does not exist at 20 MHz for one stream, but does for three (260 Mbit/s at 400 ns).
  CHECK(rate(phy_of(Standard::AC80211, 20, 800), 9) == 0);
  CHECK(rate(phy_of(Standard::AC80211, 20, 400, 3), 9) == doctest::Approx(288.889).epsilon(1e-5));
  CHECK(rate(phy_of(Standard::AC80211, 20, 800, 3), 9) == doctest::Approx(260));
  // Nor MCS 6 at 80 MHz for three streams.
  CHECK(rate(phy_of(Standard::AC80211, 80, 800, 3), 6) == 0);
  // 160 MHz, two streams, MCS 9: 1560 Mbit/s (1733.3 with the short guard interval).
  CHECK(rate(phy_of(Standard::AC80211, 160, 800, 2), 9) == doctest::Approx(1560));
  CHECK(rate(phy_of(Standard::AC80211, 160, 400, 2), 9) == doctest::Approx(1733.33).epsilon(1e-5));
  // HT keeps its 40 MHz channel: MCS 7 at 135, or 150 with the short guard interval.
  CHECK(rate(phy_of(Standard::N80211, 40, 800), 7) == doctest::Approx(135));
  CHECK(rate(phy_of(Standard::N80211, 40, 400), 7) == doctest::Approx(150));
}

TEST_CASE("HE rates: 802.11ax-2021 tables 27-55 to 27-110") {
  // 80 MHz (996-tone RU, 980 data subcarriers), 3.2 us guard interval: 16 us symbols.
  const double he80[] = {30.625,  61.25,  91.875, 122.5,   183.75,  245,
                         275.625, 306.25, 367.5,  408.333, 459.375, 510.417};
  const Phy ax = default_phy(Standard::AX80211);
  for (int mcs = 0; mcs < 12; ++mcs)
    CHECK(rate(ax, mcs) == doctest::Approx(he80[mcs]).epsilon(1e-5));
  // 0.8 us: 13.6 us symbols, MCS 11 at 600.5; 160 MHz and two streams, 2402.
  CHECK(rate(phy_of(Standard::AX80211, 80, 800), 11) == doctest::Approx(600.490).epsilon(1e-5));
  CHECK(rate(phy_of(Standard::AX80211, 160, 800, 2), 11) == doctest::Approx(2401.96).epsilon(1e-5));
  // 20 MHz (242-tone RU, 234 data subcarriers): MCS 0 at 8.6 with 0.8 us, 7.3 with 3.2 us.
  CHECK(rate(phy_of(Standard::AX80211, 20, 800), 0) == doctest::Approx(8.60294).epsilon(1e-5));
  CHECK(rate(phy_of(Standard::AX80211, 20, 3200), 0) == doctest::Approx(7.3125));
}

TEST_CASE("a rate within 0.1 Mbit/s of the standard's is it; any other names the nearest") {
  const Phy ax = default_phy(Standard::AX80211);
  CHECK(has_rate(ax, 306.3));
  CHECK(has_rate(ax, 306.25));
  CHECK_FALSE(has_rate(ax, 306.4));
  CHECK(nearest_rates(ax, 306.4) == "306.25 or 367.5");
  CHECK(nearest_rates(ax, 900) == "510.417");
  const Phy ac = default_phy(Standard::AC80211);
  CHECK(has_rate(ac, 292.5));
  // 65 is 802.11n's MCS 7 and 802.11ac's at 20 MHz, but not a rate of an 80 MHz cell.
  CHECK_FALSE(has_rate(ac, 65));
  CHECK(find_mode(ac, 65, true).has_value());
  // A rate two widths share times as the cell's width's MCS: 58.5 is MCS 1 at 80 MHz (its ACK
  // at 12 Mbit/s), not MCS 6 at 20 MHz (24).
  CHECK(control_rate_mbps(ac, 58.5) == 12);
}

TEST_CASE("PHYs the standards do not have are refused, naming the key") {
  const auto key_of = [](const Phy& phy) {
    const auto problem = check_phy(phy);
    return problem ? std::string(problem->key) : std::string();
  };
  CHECK(key_of(default_phy(Standard::AC80211)).empty());
  CHECK(key_of(default_phy(Standard::AX80211)).empty());
  CHECK(key_of(phy_of(Standard::N80211, 160, 800)) == "network.wifi_channel_mhz");
  CHECK(key_of(phy_of(Standard::G80211, 40, 800)) == "network.wifi_channel_mhz");
  CHECK(key_of(phy_of(Standard::AC80211, 80, 3200)) == "network.wifi_guard_ns");
  CHECK(key_of(phy_of(Standard::AX80211, 80, 400)) == "network.wifi_guard_ns");
  CHECK(key_of(phy_of(Standard::N80211, 20, 800, 5)) == "network.wifi_streams");
  CHECK(key_of(phy_of(Standard::G80211, 20, 800, 2)) == "network.wifi_streams");
  Phy ax = default_phy(Standard::AX80211);
  ax.aggregation = false;
  CHECK(key_of(ax) == "network.wifi_aggregation");
  Phy ac = default_phy(Standard::AC80211);
  ac.block_ack_frames = 256;
  CHECK(key_of(ac) == "network.wifi_block_ack_frames");
  ac.block_ack_frames = 64;
  ac.ampdu_bytes = 1048576;
  CHECK(key_of(ac) == "network.wifi_ampdu_bytes");
  ax.aggregation = true;
  ax.block_ack_frames = 256;
  ax.ampdu_bytes = 6500631;
  CHECK(key_of(ax).empty());
}

// A 28,624-byte upload is 19 full TCP segments and one of 1,096 bytes. As MPDUs: 26 bytes of
// QoS data header, 4 of FCS, 8 of LLC/SNAP, 52 of IP and TCP headers: 1,538 bytes, and 1,186
// for the last. In one A-MPDU each goes after a 4-byte delimiter, padded to 4 but the last:
// 19 x 1,544 + 1,190 = 30,526 bytes of PSDU, 16 + 8 x 30,526 + 6 = 244,230 bits with the
// SERVICE field and one encoder's tail.
constexpr double kUploadPsduBytes = 19 * 1544 + 1190;

TEST_CASE("802.11ac: a 28.6 KB upload in one VHT PPDU at MCS 9, 80 MHz: 668 us") {
  // 1,560 data bits a 4 us symbol: 157 symbols, 628 us, after 40 us of L-STF, L-LTF, L-SIG
  // (20), VHT-SIG-A (8), VHT-STF (4), one VHT-LTF (4) and VHT-SIG-B (4).
  CHECK(ppdu_us(default_phy(Standard::AC80211), 390, kUploadPsduBytes) == 668);
}

TEST_CASE("802.11ax: a 28.6 KB upload in one HE SU PPDU at MCS 11, 80 MHz: 532 us") {
  // 8,166.7 data bits a 16 us symbol (12.8 us and the 3.2 us guard interval): 30 symbols,
  // 480 us, after 52 us of L-STF, L-LTF, L-SIG (20), RL-SIG (4), HE-SIG-A (8), HE-STF (4)
  // and one 4x HE-LTF (16).
  CHECK(ppdu_us(default_phy(Standard::AX80211), 510.417, kUploadPsduBytes) == 532);
  // With the 0.8 us guard interval: the same 30 symbols of 13.6 us (408 us), after a 2x
  // HE-LTF of 7.2 us: 43.2 + 408.
  CHECK(ppdu_us(phy_of(Standard::AX80211, 80, 800), 600.49, kUploadPsduBytes) ==
        doctest::Approx(451.2));
}

TEST_CASE("802.11ac at MCS 9, 80 MHz, one station: 274.4 Mbit/s of TCP goodput") {
  const Phy ac = default_phy(Standard::AC80211);
  // ns-3's 65,535-byte A-MPDU holds 42 subframes of 1,544 bytes (the last 1,542).
  CHECK(segments_per_ppdu(ac, 390) == 42);
  // Access: AIFS[AC_BE] (SIFS 16 + 3 slots of 9) and CWmin / 2 slots: 110.5 us.
  CHECK(access_us(ac, {}) == doctest::Approx(110.5));
  // The BlockAck: 32 bytes at 24 Mbit/s (MCS 9's reference rate is 54), 3 symbols: 32 us.
  CHECK(control_rate_mbps(ac, 390) == 24);
  // Data: 41 x 1,544 + 1,542 = 64,846 bytes, 518,790 bits, 333 symbols: 1,372 us; with
  // access, SIFS and the BlockAck 1,530.5 us. TCP ACKs: 21 MPDUs of 90 bytes, 2,014 bytes of
  // PSDU, 11 symbols: 84 us; with access, SIFS and BlockAck 242.5 us.
  const double per_segment = (1530.5 + 242.5) / 42;
  CHECK(segment_airtime_us(ac, 390) == doctest::Approx(per_segment));
  CHECK(goodput_mbps(ac, 390) == doctest::Approx(8 * 1448 / per_segment));
  // A device's 1 MB A-MPDU is held to the 64-frame window.
  Phy device = ac;
  device.ampdu_bytes = 1048575;
  CHECK(segments_per_ppdu(device, 390) == 64);
  // An HE station with a 256-frame window fills a PPDU's 5,484 us first: 339 symbols after
  // the 52 us preamble hold 2,768,500 bits, 224 subframes.
  Phy ax = default_phy(Standard::AX80211);
  ax.ampdu_bytes = 6500631;
  ax.block_ack_frames = 256;
  CHECK(segments_per_ppdu(ax, 510.417) == 224);
}
