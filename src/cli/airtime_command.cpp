#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/base/input_error.hpp"
#include "core/config/read_scenario.hpp"
#include "core/config/sweep.hpp"
#include "core/formats/csv.hpp"
#include "core/model/wifi_timing.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace muxsim::cli {

namespace {

// --standard, spelled as the scenario's wifi_standard key spells it, parsed once.
wifi::Standard parse_standard(const std::string& name) {
  if (name == wifi_standard_name(WifiStandard::G80211)) return wifi::Standard::G80211;
  if (name == wifi_standard_name(WifiStandard::N80211)) return wifi::Standard::N80211;
  throw InputError("command line: --standard: '" + name + "' is not 802.11g or 802.11n");
}

} // namespace

int airtime_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::string rates, standard_name = "802.11g";
  bool aggregation = true;
  options.add_options()("rates", po::value(&rates)->required(),
                        "the cell's stations' PHY rates in Mbit/s, comma-separated (positional)")(
      "standard", po::value(&standard_name)->default_value("802.11g"),
      "802.11g or 802.11n")("aggregation", po::value(&aggregation)->default_value(true),
                            "802.11n: A-MPDU aggregation (true or false)");
  po::positional_options_description positional;
  positional.add("rates", 1);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim airtime RATE[,RATE...] [--standard 802.11g|802.11n] [--aggregation B]\n\n"
      "Prints, for a saturated cell of stations at these PHY rates each uploading over TCP,\n"
      "each station's goodput alone and in the cell, from the 802.11 timing of a segment and\n"
      "its ACKs and Bianchi's contention (docs/wifi-validation.md). The last line, cell,\n"
      "gives the cell's goodput with the rates taken as goodput (wifi_standard = none), then\n"
      "with the 802.11 model, the stations sharing the air frame for frame.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  const wifi::Standard standard = parse_standard(standard_name);
  const wifi::Phy phy{standard, standard == wifi::Standard::N80211 && aggregation};
  std::vector<double> phy_mbps;
  for (const auto& item : split(rates, ',')) {
    const double r = parse_number(trim(item), "command line: --rates");
    if (!wifi::has_rate(phy.standard, r))
      throw InputError("command line: --rates: " + trim(item) + " Mbit/s is not an " +
                       wifi::describe_rates(phy.standard));
    phy_mbps.push_back(r);
  }
  // Each station sends one PPDU a round, of w segments (1 frame for frame, the 802.11
  // anomaly: every station moves the same goodput; with A-MPDU, as many as its rate fits):
  // station i moves w_i over the sum of w_j / goodput_j. In the cell, frames contend
  // (Bianchi's model, at most kMostContenders at once under TCP).
  const int n = static_cast<int>(phy_mbps.size());
  const wifi::Contention cell{std::min(n, wifi::kMostContenders),
                              wifi::collision_us(phy, phy_mbps)};
  double phy_time = 0, round_time = 0;
  for (double r : phy_mbps) {
    phy_time += 1 / r;
    round_time += wifi::segments_per_ppdu(phy, r) / wifi::goodput_mbps(phy, r, cell);
  }
  fmt::print("station,phy_mbps,goodput_alone_mbps,goodput_in_cell_mbps\n");
  double cell_mbps = 0;
  for (int i = 0; i < n; ++i) {
    const double r = phy_mbps[static_cast<std::size_t>(i)];
    const double shared = wifi::segments_per_ppdu(phy, r) / round_time;
    fmt::print("{},{},{:.4f},{:.4f}\n", i, r, wifi::goodput_mbps(phy, r), shared);
    cell_mbps += shared;
  }
  fmt::print("cell,{:.4f},,{:.4f}\n", n / phy_time, cell_mbps);
  return 0;
}

} // namespace muxsim::cli
