#include "core/model/wifi_ofdma.hpp"

#include "core/model/wifi_timing.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

namespace muxsim::wifi {

namespace {

// RU sizes from the widest, by their data subcarriers, and how many of each a 20, 40, 80 and
// 160 MHz channel holds (27.3.2.2; the central 26-tone RUs counted, as the standard does).
constexpr double kRuSubcarriers[] = {1960, 980, 468, 234, 102, 48, 24};
constexpr int kRuCount[][4] = {{0, 0, 0, 1},  {0, 0, 1, 2},   {0, 1, 2, 4},   {1, 2, 4, 8},
                               {2, 4, 8, 16}, {4, 8, 16, 32}, {9, 18, 37, 74}};
constexpr double kMaxPpduUs = 5484;
constexpr double kServiceBits = 16, kTailBits = 6;
constexpr double kTriggerMbps = 6;

double tb_preamble_us(const Phy& phy) {
  return 24 + 8 + 8 + he_training_us(phy);
}

} // namespace

double ru_data_subcarriers(int width_mhz, int stations) {
  const std::size_t w = width_mhz == 20 ? 0 : width_mhz == 40 ? 1 : width_mhz == 80 ? 2 : 3;
  for (std::size_t i = 0; i < std::size(kRuSubcarriers); ++i)
    if (kRuCount[i][w] >= stations) return kRuSubcarriers[i];
  return 0;
}

double tb_ppdu_us(const Phy& phy, double mbps, double bytes, int stations) {
  const std::optional<Mode> mode = find_mode(phy, mbps, true);
  const double ru = ru_data_subcarriers(phy.width_mhz, stations);
  if (!mode || ru == 0) return kMaxPpduUs * 2; // no RU for it: fits no round
  // The MCS's bits per symbol over its own width's subcarriers, on the RU's.
  const double bits = mode->bits_per_symbol * ru / ru_data_subcarriers(mode->width_mhz, 1);
  const double psdu = message_psdu_bytes(phy, bytes);
  const double symbols = std::ceil((kServiceBits + 8 * psdu + kTailBits) / bits);
  return tb_preamble_us(phy) + symbols * symbol_us(phy);
}

bool round_fits(const Phy& phy, const std::vector<TbUpload>& uploads) {
  const int k = static_cast<int>(uploads.size());
  return std::all_of(uploads.begin(), uploads.end(), [&](const TbUpload& u) {
    return tb_ppdu_us(phy, u.mbps, u.bytes, k) <= kMaxPpduUs;
  });
}

double trigger_round_us(const Phy& phy, const std::vector<TbUpload>& uploads) {
  const auto k = static_cast<double>(uploads.size());
  double longest = 0, slowest = uploads.empty() ? 0 : uploads.front().mbps;
  for (const TbUpload& u : uploads) {
    longest = std::max(longest, tb_ppdu_us(phy, u.mbps, u.bytes, static_cast<int>(k)));
    slowest = std::min(slowest, u.mbps);
  }
  const double sifs = sifs_us(phy);
  const double block_ack = control_frame_us(phy, control_rate_mbps(phy, slowest),
                                            22 + (4 + block_ack_bitmap_bytes(phy)) * k);
  return ifs_us(phy) + control_frame_us(phy, kTriggerMbps, 30 + 6 * k) + sifs + longest + sifs +
         block_ack;
}

} // namespace muxsim::wifi
