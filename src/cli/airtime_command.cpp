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
  for (const wifi::StandardSpec& row : wifi::standards())
    if (name == row.name) return row.standard;
  throw InputError("command line: --standard: '" + name +
                   "' is not 802.11g, 802.11n, 802.11ac or 802.11ax");
}

// The option that sets each PHY key, for check_phy's messages.
std::string option_of(const std::string& key) {
  if (key == "network.wifi_channel_mhz") return "--width";
  if (key == "network.wifi_guard_ns") return "--guard-ns";
  if (key == "network.wifi_streams") return "--streams";
  if (key == "network.wifi_aggregation") return "--aggregation";
  if (key == "network.wifi_ampdu_bytes") return "--ampdu-bytes";
  return "--block-ack-frames";
}

} // namespace

int airtime_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::string rates, standard_name = "802.11g";
  bool aggregation = true;
  int width = 0, guard = 0, streams = 1, block_ack = 64;
  long ampdu = 65535;
  options.add_options()("rates", po::value(&rates)->required(),
                        "the cell's stations' PHY rates in Mbit/s, comma-separated (positional)")(
      "standard", po::value(&standard_name)->default_value("802.11g"),
      "802.11g, 802.11n, 802.11ac or 802.11ax")(
      "aggregation", po::value(&aggregation)->default_value(true),
      "802.11n: A-MPDU aggregation (true or false); always on for ac and ax")(
      "width", po::value(&width)->default_value(0),
      "channel width in MHz (0: the standard's, 20 for g and n, 80 for ac and ax)")(
      "streams", po::value(&streams)->default_value(1),
      "spatial streams")("guard-ns", po::value(&guard)->default_value(0),
                         "guard interval in ns (0: the standard's, 800, or 3200 for ax)")(
      "ampdu-bytes", po::value(&ampdu)->default_value(65535), "the longest A-MPDU")(
      "block-ack-frames", po::value(&block_ack)->default_value(64), "the block ack window");
  po::positional_options_description positional;
  positional.add("rates", 1);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim airtime RATE[,RATE...] [--standard 802.11g|802.11n|802.11ac|802.11ax]\n"
      "                      [--width MHZ] [--streams N] [--guard-ns NS] [--aggregation B]\n\n"
      "Prints, for a saturated cell of stations at these PHY rates each uploading over TCP,\n"
      "each station's goodput alone and in the cell, from the 802.11 timing of a segment and\n"
      "its ACKs and Bianchi's contention (docs/wifi-validation.md, docs/wifi5-6.md). The last\n"
      "line, cell, gives the cell's goodput with the rates taken as goodput (wifi_standard =\n"
      "none), then with the 802.11 model, the stations sharing the air: frame for frame, or\n"
      "with A-MPDU one PPDU each a round.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  wifi::Phy phy = wifi::default_phy(parse_standard(standard_name));
  if (wifi::spec(phy.standard).aggregation != wifi::Aggregation::Never)
    phy.aggregation = aggregation;
  if (width > 0) phy.width_mhz = width;
  if (guard > 0) phy.guard_ns = guard;
  phy.streams = streams;
  phy.ampdu_bytes = static_cast<double>(ampdu);
  phy.block_ack_frames = block_ack;
  if (streams < 1 || block_ack < 1 || ampdu < 1542)
    throw InputError("command line: --streams and --block-ack-frames must be at least 1, "
                     "--ampdu-bytes at least 1542 (one segment's subframe)");
  if (const auto problem = wifi::check_phy(phy))
    throw InputError("command line: " + option_of(problem->key) + ": " + problem->why);
  std::vector<double> phy_mbps;
  for (const auto& item : split(rates, ',')) {
    const double r = parse_number(trim(item), "command line: --rates");
    if (!wifi::has_rate(phy, r))
      throw InputError("command line: --rates: " + trim(item) + " Mbit/s is not an " +
                       wifi::describe_rates(phy) + "; nearest: " + wifi::nearest_rates(phy, r));
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
