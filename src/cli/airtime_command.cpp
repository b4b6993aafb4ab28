#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/config/sweep.hpp"
#include "core/formats/csv.hpp"
#include "core/formats/input_error.hpp"
#include "core/model/wifi_timing.hpp"

#include <algorithm>
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
      "TCP, each station's goodput alone and in the cell, from the 802.11 timing of a segment\n"
      "and its ACKs and Bianchi's contention (docs/wifi-validation.md). The last line, cell,\n"
      "gives the cell's goodput with the rates taken as goodput (wifi_standard = none), then\n"
      "with the 802.11 model (wifi_standard = 802.11g), the stations sharing the air frame\n"
      "for frame.";
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
  // station's time per bit (the 802.11 anomaly). In the cell, frames contend (Bianchi's
  // model, at most kMostContenders at once under TCP).
  const int n = static_cast<int>(phy.size());
  const wifi::Contention cell{std::min(n, wifi::kMostContenders), wifi::collision_us(phy)};
  double phy_time = 0, air_time = 0;
  fmt::print("station,phy_mbps,goodput_alone_mbps,goodput_in_cell_mbps\n");
  for (int i = 0; i < n; ++i) {
    const double r = phy[static_cast<std::size_t>(i)];
    const double shared = wifi::goodput_mbps(r, cell);
    fmt::print("{},{},{:.4f},{:.4f}\n", i, r, wifi::goodput_mbps(r), shared);
    phy_time += 1 / r;
    air_time += 1 / shared;
  }
  fmt::print("cell,{:.4f},,{:.4f}\n", n / phy_time, n / air_time);
  return 0;
}

} // namespace muxsim::cli
