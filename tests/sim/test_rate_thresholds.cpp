// The rate thresholds built into core/model/propagation.cpp are models/wifi-rate-thresholds.csv's,
// where each carries its source and kind.
#include "core/formats/csv.hpp"
#include "core/model/propagation.hpp"
#include "fork_helper.hpp"

#include <doctest/doctest.h>

using namespace muxsim;

TEST_CASE("the built-in thresholds are models/wifi-rate-thresholds.csv's, source and all") {
  CsvReader csv(test::source_path("models/wifi-rate-thresholds.csv"));
  csv.require_columns({"standard", "phy_mbps", "min_snr_db", "source", "kind"});
  int rows = 0;
  while (csv.next()) {
    const auto standard =
        csv.text(0) == "802.11n" ? wifi::Standard::N80211 : wifi::Standard::G80211;
    const RateTable table = RateTable::ideal(standard);
    const double snr = csv.number(csv.column_index("min_snr_db"));
    // Just above a threshold the rate is that row's or higher, just below it lower.
    CHECK(table.rate_mbps(snr + 1e-9) >= csv.number(csv.column_index("phy_mbps")));
    CHECK(table.rate_mbps(snr) < csv.number(csv.column_index("phy_mbps")));
    CHECK(!csv.text(csv.column_index("source")).empty());
    ++rows;
  }
  CHECK(rows == 16);
  // Read back through the user's route, the file gives the same table.
  const RateTable read =
      RateTable::read(test::source_path("models/wifi-rate-thresholds.csv"), wifi::Standard::N80211);
  CHECK(read.steps().size() == RateTable::ideal(wifi::Standard::N80211).steps().size());
}
