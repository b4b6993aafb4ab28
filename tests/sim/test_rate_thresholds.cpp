// The rate thresholds built into core/model/propagation.cpp are models/wifi-rate-thresholds.csv's,
// where each carries its source and kind.
#include "core/formats/csv.hpp"
#include "core/model/propagation.hpp"
#include "fork_helper.hpp"

#include <doctest/doctest.h>

#include <algorithm>

using namespace muxsim;

TEST_CASE("the built-in thresholds are models/wifi-rate-thresholds.csv's, source and all") {
  CsvReader csv(test::source_path("models/wifi-rate-thresholds.csv"));
  csv.require_columns({"standard", "phy_mbps", "min_snr_db", "source", "kind"});
  int rows = 0;
  while (csv.next()) {
    // Each standard's rows are at its default width and guard interval.
    const auto row =
        std::find_if(wifi::standards().begin(), wifi::standards().end(),
                     [&](const wifi::StandardSpec& s) { return csv.text(0) == s.name; });
    REQUIRE(row != wifi::standards().end());
    const RateTable table = RateTable::ideal(wifi::default_phy(row->standard));
    const double snr = csv.number(csv.column_index("min_snr_db"));
    // Just above a threshold the rate is that row's or higher, just below it lower.
    // Rates are written to 3 decimals (510.417 for 510.41666...).
    const double rate = csv.number(csv.column_index("phy_mbps"));
    CHECK(table.rate_mbps(snr + 1e-9) >= rate - wifi::kRateToleranceMbps);
    CHECK(table.rate_mbps(snr) < rate - wifi::kRateToleranceMbps);
    CHECK(!csv.text(csv.column_index("source")).empty());
    ++rows;
  }
  CHECK(rows == 16 + 10 + 12);
  // Read back through the user's route, the file gives the same table.
  const RateTable read = RateTable::read(test::source_path("models/wifi-rate-thresholds.csv"),
                                         wifi::default_phy(wifi::Standard::N80211));
  CHECK(read.steps().size() ==
        RateTable::ideal(wifi::default_phy(wifi::Standard::N80211)).steps().size());
}
