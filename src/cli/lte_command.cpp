#include "cli/commands.hpp"
#include "cli/options.hpp"
#include "core/base/input_error.hpp"
#include "core/formats/csv.hpp"
#include "core/model/lte_uplink.hpp"

#include <fmt/format.h>

namespace muxsim::cli {

int lte_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  std::string distances, transport = "tcp";
  int resource_blocks = 25;
  double payload = 1448;
  options.add_options()("distances", po::value(&distances)->required(),
                        "each phone's distance to the eNodeB in metres, comma-separated "
                        "(positional)")(
      "resource-blocks", po::value(&resource_blocks)->default_value(25),
      "the carrier's resource blocks: 6, 15, 25, 50, 75 or 100 (1.4 to 20 MHz)")(
      "transport", po::value(&transport)->default_value("tcp"),
      "tcp (52 bytes of IP and TCP headers a packet) or udp (28)")(
      "payload", po::value(&payload)->default_value(1448), "bytes of data a packet carries");
  po::positional_options_description positional;
  positional.add("distances", 1);
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim lte DISTANCE[,DISTANCE...] [--resource-blocks N] [--transport tcp|udp]\n"
      "                  [--payload BYTES]\n\n"
      "Prints, for phones at these distances from one eNodeB each uploading without pause,\n"
      "each phone's uplink SINR, MCS and MAC rate, and the goodput its packets get, with the\n"
      "cell's resource blocks shared among them as LENA's scheduler shares them (docs/lte.md).\n"
      "A phone out of the cell's reach has an MCS of -1 and takes no share. The last line,\n"
      "cell, sums them.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  if (!lte::is_bandwidth(resource_blocks))
    throw InputError("command line: --resource-blocks: " + std::to_string(resource_blocks) +
                     " is not an LTE bandwidth (6, 15, 25, 50, 75 or 100)");
  if (transport != "tcp" && transport != "udp")
    throw InputError("command line: --transport: '" + transport + "' is not tcp or udp");
  if (!(payload >= 1 && payload <= 65507))
    throw InputError("command line: --payload: must be 1 to 65,507 bytes");
  const double header = transport == "tcp" ? 52 : 28;
  lte::Radio radio;
  radio.resource_blocks = resource_blocks;
  std::vector<double> metres;
  for (const auto& item : split(distances, ',')) {
    const double d = parse_number(trim(item), "command line: --distances");
    if (!(d > 0)) throw InputError("command line: --distances: " + trim(item) + " is not above 0");
    metres.push_back(d);
  }
  std::vector<int> mcs;
  int active = 0;
  for (double d : metres) {
    mcs.push_back(lte::mcs_at(radio, d));
    active += mcs.back() >= 0;
  }
  fmt::print("phone,distance_m,uplink_sinr_db,mcs,mac_mbps,goodput_mbps\n");
  double cell_mac = 0, cell_goodput = 0;
  for (std::size_t i = 0; i < metres.size(); ++i) {
    const bool reached = mcs[i] >= 0;
    const double mac = reached ? lte::mac_kbps(mcs[i], resource_blocks, active) / 1e3 : 0;
    const double goodput =
        reached ? lte::payload_mbps(mcs[i], resource_blocks, active, payload, header) : 0;
    fmt::print("{},{},{:.3f},{},{:.4f},{:.4f}\n", i, metres[i],
               lte::uplink_sinr_db(radio, metres[i]), mcs[i], mac, goodput);
    cell_mac += mac;
    cell_goodput += goodput;
  }
  fmt::print("cell,,,,{:.4f},{:.4f}\n", cell_mac, cell_goodput);
  return 0;
}

} // namespace muxsim::cli
