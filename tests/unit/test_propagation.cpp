// Rate from distance by hand (core/model/propagation.hpp) with ns-3 3.37's defaults:
// rx(d) = 16.0206 - 46.6777 - 30 log10(d) dBm, noise -173.977 + 10 log10(20e6) + 7 =
// -93.9667 dBm, the rate the highest whose threshold the SNR is strictly above, nothing below
// -82 dBm.
#include "core/model/propagation.hpp"

#include "test_util.hpp"

#include <doctest/doctest.h>

#include <cmath>

using namespace muxsim;

namespace {

Propagation defaults(wifi::Standard standard) {
  const wifi::Phy phy = wifi::default_phy(standard);
  return Propagation(PropagationConfig{}, RateTable::ideal(phy), phy.width_mhz);
}

} // namespace

TEST_CASE("path loss, SNR and rate at chosen distances, by hand") {
  const Propagation g = defaults(wifi::Standard::G80211);
  const Propagation n = defaults(wifi::Standard::N80211);
  CHECK(g.noise_dbm() == doctest::Approx(-93.9667).epsilon(1e-6));
  // 10 m: -60.6571 dBm, SNR 33.31 dB: the top rates.
  CHECK(g.at(10).rx_dbm == doctest::Approx(-60.6571).epsilon(1e-6));
  CHECK(g.at(10).snr_db == doctest::Approx(33.3096).epsilon(1e-5));
  CHECK(g.at(10).phy_mbps == 54);
  CHECK(n.at(10).phy_mbps == 65);
  // 40 m: -30.6571 - 48.0618 = -78.7189 dBm, SNR 15.248: above 13.465, below 17.865.
  CHECK(g.at(40).rx_dbm == doctest::Approx(-78.7189).epsilon(1e-6));
  CHECK(g.at(40).phy_mbps == 36);
  CHECK(n.at(40).phy_mbps == 39);
  // 50 m: -81.6262 dBm, still above the floor; SNR 12.34: 24 and MCS 3.
  CHECK(g.at(50).phy_mbps == 24);
  CHECK(n.at(50).phy_mbps == 26);
  // 52 m: -82.137 dBm, below ns-3's preamble detection floor: no link, whatever the SNR.
  CHECK(g.at(52).snr_db > 10);
  CHECK(g.at(52).phy_mbps == 0);
  // Closer than the reference distance loses no less than at it.
  CHECK(g.at(0.2).rx_dbm == g.at(1).rx_dbm);
}

TEST_CASE("the range and the rate radii: where the floor and each threshold fall") {
  const Propagation g = defaults(wifi::Standard::G80211);
  // -82 dBm: 30 log10(d) = 16.0206 - 46.6777 + 82 = 51.3429, d = 51.46 m.
  CHECK(g.range_m() == doctest::Approx(51.46).epsilon(1e-3));
  CHECK(g.distance_m(g.at(33).rx_dbm) == doctest::Approx(33).epsilon(1e-9));
  const std::vector<double> radii = g.rate_radii();
  // 54 below 29.7 m, 48 to 32.7, 36 to 45.9, 24 to the range; the lower rates lie beyond it.
  REQUIRE(radii.size() == 4);
  CHECK(radii[0] == doctest::Approx(29.7).epsilon(2e-3));
  CHECK(radii[1] == doctest::Approx(32.7).epsilon(2e-3));
  CHECK(radii[2] == doctest::Approx(45.9).epsilon(2e-3));
  CHECK(radii[3] == g.range_m());
  for (double r : radii) { // each radius changes the rate
    CHECK(g.at(r * 0.999).phy_mbps != g.at(r * 1.001).phy_mbps);
  }
  // A lower floor reaches as far as the lowest rate's SNR: 1.465 dB at 115.2 m.
  PropagationConfig deaf;
  deaf.min_rssi_dbm = -101;
  const Propagation far(deaf, RateTable::ideal(wifi::default_phy(wifi::Standard::G80211)));
  CHECK(far.range_m() == doctest::Approx(115.2).epsilon(2e-3));
  CHECK(far.at(100).phy_mbps == 6);
}

TEST_CASE("a user's rate table: bad rows name the file, line and field") {
  const wifi::Phy g = wifi::default_phy(wifi::Standard::G80211);
  const std::string only_n = test::write_temp("only-n.csv", "standard,phy_mbps,min_snr_db\n"
                                                            "802.11n,65,20\n");
  CHECK(test::error_of([&] { RateTable::read(only_n, g); }).find("no rows for 802.11g") !=
        std::string::npos);
  const std::string wrong = test::write_temp("wrong-rate.csv", "standard,phy_mbps,min_snr_db\n"
                                                               "802.11g,54,19\n"
                                                               "802.11g,65,20\n");
  const std::string e = test::error_of([&] { RateTable::read(wrong, g); });
  CHECK(e.find("wrong-rate.csv:3") != std::string::npos);
  CHECK(e.find("phy_mbps") != std::string::npos);
  const std::string bad = test::write_temp("bad-snr.csv", "standard,phy_mbps,min_snr_db\n"
                                                          "802.11g,54,loud\n");
  CHECK(test::error_of([&] { RateTable::read(bad, g); }).find("bad-snr.csv:2") !=
        std::string::npos);
  // A table of its own: 18 Mbit/s from 5 dB.
  const std::string own = test::write_temp("own.csv", "standard,phy_mbps,min_snr_db\n"
                                                      "802.11g,18,5\n802.11g,6,0\n");
  const RateTable t = RateTable::read(own, g);
  CHECK(t.rate_mbps(5.5) == 18);
  CHECK(t.rate_mbps(3) == 6);
  CHECK(t.rate_mbps(-1) == 0);
}
