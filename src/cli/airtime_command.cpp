#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/config/sweep.hpp"
#include "core/formats/csv.hpp"
#include "core/formats/input_error.hpp"
#include "core/model/wifi_timing.hpp"

#include <fmt/format.h>

namespace muxsim::cli {

int airtime_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::string rates;
  options.add_options()("rates", po::value(&rates)->required(),
                        "the cell's stations' 802.11g PHY rates in Mbit/s, comma-separated "
                        "(positional)");
  po::positional_options_description positional;
  positional.add("rates", 1);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim airtime RATE[,RATE...]\n\n"
      "Prints, for a saturated 802.11g cell of stations at these PHY rates each uploading over\n"
      "TCP, each station's goodput alone from the 802.11 timing of a segment and its ACKs\n"
      "(docs/wifi-validation.md), and the cell's goodput when the stations share the air\n"
      "frame for frame. The same cell with the rates taken as goodput is what muxsim\n"
      "simulates without an 802.11 model.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  std::vector<double> phy;
  for (const auto& item : split(rates, ',')) {
    const double r = parse_number(trim(item), "command line: --rates");
    if (!wifi::is_80211g_rate(r))
      throw InputError("command line: --rates: " + trim(item) +
                       " Mbit/s is not an 802.11g rate (1, 2, 5.5, 11, 6, 9, 12, 18, 24, 36, "
                       "48, 54)");
    phy.push_back(r);
  }
  // Shared frame for frame, every station moves the same goodput: n over the sum of each
  // station's time per bit (the 802.11 anomaly).
  double phy_time = 0, air_time = 0;
  fmt::print("station,phy_mbps,goodput_alone_mbps\n");
  for (std::size_t i = 0; i < phy.size(); ++i) {
    const double alone = wifi::goodput_alone_mbps(phy[i]);
    fmt::print("{},{},{:.4f}\n", i, phy[i], alone);
    phy_time += 1 / phy[i];
    air_time += 1 / alone;
  }
  const double n = static_cast<double>(phy.size());
  fmt::print("cell,{:.4f},{:.4f}\n", n / phy_time, n / air_time);
  return 0;
}

} // namespace muxsim::cli
