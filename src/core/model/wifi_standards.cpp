#include "core/model/wifi_standards.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace muxsim::wifi {

namespace {

// ns-3 3.37 on this machine (validation/ns3, docs/notes/ns3-acax-reference.md): 802.11ac and
// 802.11ax devices come up at 80 MHz in the 5 GHz band, with BE_MaxAmpduSize 65,535 and
// MpduBufferSize 64; VHT's short guard interval is off (800 ns), HE's is 3,200 ns.
const std::vector<StandardSpec> kStandards = {
    {Standard::G80211,
     "802.11g",
     PpduFormat::ErpOfdm,
     false,
     {20},
     20,
     {800},
     800,
     1,
     Aggregation::Never,
     0,
     0,
     24},
    {Standard::N80211,
     "802.11n",
     PpduFormat::HtMixed,
     false,
     {20, 40},
     20,
     {400, 800},
     800,
     4,
     Aggregation::Optional,
     65535,
     64,
     26},
    {Standard::AC80211,
     "802.11ac",
     PpduFormat::Vht,
     true,
     {20, 40, 80, 160},
     80,
     {400, 800},
     800,
     8,
     Aggregation::Always,
     1048575,
     64,
     26},
    {Standard::AX80211,
     "802.11ax",
     PpduFormat::HeSu,
     true,
     {20, 40, 80, 160},
     80,
     {800, 1600, 3200},
     3200,
     8,
     Aggregation::Always,
     6500631,
     256,
     26},
};

// 802.11g's rates: ERP-OFDM, then the DSSS/CCK rates it keeps from 802.11b.
constexpr double kErpRates[] = {6, 9, 12, 18, 24, 36, 48, 54};
constexpr double kDsssRates[] = {1, 2, 5.5, 11};
// HT, VHT and HE MCS 0-11: coded bits per subcarrier and stream (bits per constellation
// point times the coding rate: BPSK 1/2 to 1024-QAM 5/6), and the non-HT reference rate whose
// modulation picks the control response's rate (802.11-2016 10.6.6.5.2).
constexpr double kMcsBits[] = {0.5, 1, 1.5, 2, 3, 4, 4.5, 5, 6, 20.0 / 3, 7.5, 25.0 / 3};
constexpr double kMcsReference[] = {6, 12, 18, 24, 36, 48, 54, 54, 54, 54, 54, 54};

int mcs_count(PpduFormat f) {
  return f == PpduFormat::HtMixed ? 8 : f == PpduFormat::Vht ? 10 : 12;
}

// Data subcarriers of a full-band PPDU: 52, 108, 234, 468 for HT and VHT (clauses 19.3.2
// and 21.3.7); HE's 242-, 484-, 996- and 2x996-tone RUs carry 234, 468, 980, 1960 (27.3.7).
double data_subcarriers(PpduFormat f, int width_mhz) {
  const int i = width_mhz == 20 ? 0 : width_mhz == 40 ? 1 : width_mhz == 80 ? 2 : 3;
  static constexpr double kHtVht[] = {52, 108, 234, 468}, kHe[] = {234, 468, 980, 1960};
  return f == PpduFormat::HeSu ? kHe[i] : kHtVht[i];
}

// VHT MCS, width and stream combinations the standard leaves out (802.11-2016 21.5, the
// rows marked not valid): MCS 9 at 20 MHz but for 3 and 6 streams, MCS 6 at 80 MHz for 3 and
// 7 streams, MCS 9 at 80 MHz for 6, MCS 9 at 160 MHz for 3.
bool vht_allowed(int mcs, int width_mhz, int streams) {
  if (mcs == 9 && width_mhz == 20) return streams == 3 || streams == 6;
  if (mcs == 6 && width_mhz == 80) return streams != 3 && streams != 7;
  if (mcs == 9 && width_mhz == 80) return streams != 6;
  if (mcs == 9 && width_mhz == 160) return streams != 3;
  return true;
}

// Calls `use` with each mode of `width_mhz` until it returns true; true if one did. No
// allocation: the timing model looks rates up for every PPDU it times.
template <typename Use> bool visit_modes(const Phy& phy, int width_mhz, Use use) {
  const StandardSpec& s = spec(phy.standard);
  if (s.format == PpduFormat::ErpOfdm) {
    for (double r : kDsssRates)
      if (use(Mode{r, 0, r, -1, 20})) return true;
    for (double r : kErpRates)
      if (use(Mode{r, 4 * r, r, -1, 20})) return true;
    return false;
  }
  const double subcarriers = data_subcarriers(s.format, width_mhz);
  for (int mcs = 0; mcs < mcs_count(s.format); ++mcs) {
    if (s.format == PpduFormat::Vht && !vht_allowed(mcs, width_mhz, phy.streams)) continue;
    const double bits = subcarriers * kMcsBits[mcs] * phy.streams;
    if (use(Mode{bits / symbol_us(phy), bits, kMcsReference[mcs], mcs, width_mhz})) return true;
  }
  return false;
}

// The cell's width first: a rate two widths share is the cell's width's MCS.
template <typename Use> bool visit_modes_up_to_width(const Phy& phy, Use use) {
  const std::vector<int>& widths = spec(phy.standard).widths_mhz;
  for (auto w = widths.rbegin(); w != widths.rend(); ++w)
    if (*w <= phy.width_mhz && visit_modes(phy, *w, use)) return true;
  return false;
}

std::string rate_text(double mbps) {
  return fmt::format("{:g}", mbps);
}

template <typename T> bool contains(const std::vector<T>& v, T x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::string listed(const std::vector<int>& values) {
  std::string out;
  for (std::size_t i = 0; i < values.size(); ++i)
    out += (i == 0 ? "" : i + 1 == values.size() ? " or " : ", ") + std::to_string(values[i]);
  return out;
}

} // namespace

const std::vector<StandardSpec>& standards() {
  return kStandards;
}

const StandardSpec& spec(Standard s) {
  return kStandards.at(static_cast<std::size_t>(s));
}

Phy default_phy(Standard s) {
  const StandardSpec& row = spec(s);
  Phy phy;
  phy.standard = s;
  phy.aggregation = row.aggregation != Aggregation::Never;
  phy.width_mhz = row.default_width_mhz;
  phy.guard_ns = row.default_guard_ns;
  return phy;
}

double symbol_us(const Phy& phy) {
  if (spec(phy.standard).format == PpduFormat::HeSu) return 12.8 + phy.guard_ns / 1000.0;
  return phy.guard_ns == 400 ? 3.6 : 4;
}

std::vector<Mode> modes(const Phy& phy) {
  std::vector<Mode> out;
  visit_modes(phy, phy.width_mhz, [&](const Mode& m) {
    out.push_back(m);
    return false;
  });
  return out;
}

std::vector<Mode> modes_up_to_width(const Phy& phy) {
  std::vector<Mode> out;
  visit_modes_up_to_width(phy, [&](const Mode& m) {
    out.push_back(m);
    return false;
  });
  return out;
}

std::optional<Mode> find_mode(const Phy& phy, double mbps, bool narrower_too) {
  std::optional<Mode> found;
  const auto match = [&](const Mode& m) {
    if (std::abs(m.mbps - mbps) > kRateToleranceMbps) return false;
    found = m;
    return true;
  };
  if (narrower_too)
    visit_modes_up_to_width(phy, match);
  else
    visit_modes(phy, phy.width_mhz, match);
  return found;
}

bool has_rate(const Phy& phy, double mbps) {
  return find_mode(phy, mbps).has_value();
}

std::string describe_rates(const Phy& phy) {
  const StandardSpec& s = spec(phy.standard);
  std::string list;
  for (const Mode& m : modes(phy))
    list += (list.empty() ? "" : ", ") + rate_text(m.mbps);
  if (s.format == PpduFormat::ErpOfdm) return std::string(s.name) + " rate (" + list + ")";
  std::string where = fmt::format("MCS 0-{} at {} MHz", mcs_count(s.format) - 1, phy.width_mhz);
  if (phy.streams > 1) where += fmt::format(", {} streams", phy.streams);
  if (phy.guard_ns != s.default_guard_ns)
    where += fmt::format(", {} ns guard interval", phy.guard_ns);
  return std::string(s.name) + " rate (" + where + ": " + list + ")";
}

std::string nearest_rates(const Phy& phy, double mbps) {
  const Mode* below = nullptr;
  const Mode* above = nullptr;
  const std::vector<Mode> all = modes(phy);
  for (const Mode& m : all) {
    if (m.mbps <= mbps && (!below || m.mbps > below->mbps)) below = &m;
    if (m.mbps >= mbps && (!above || m.mbps < above->mbps)) above = &m;
  }
  if (below && above && below != above)
    return rate_text(below->mbps) + " or " + rate_text(above->mbps);
  return rate_text((below ? below : above)->mbps);
}

std::optional<PhyProblem> check_phy(const Phy& phy) {
  const StandardSpec& s = spec(phy.standard);
  if (!contains(s.widths_mhz, phy.width_mhz))
    return PhyProblem{"network.wifi_channel_mhz",
                      fmt::format("{} has no {} MHz channel (it has {} MHz)", s.name, phy.width_mhz,
                                  listed(s.widths_mhz))};
  if (!contains(s.guards_ns, phy.guard_ns))
    return PhyProblem{"network.wifi_guard_ns",
                      fmt::format("{} has no {} ns guard interval (it has {} ns)", s.name,
                                  phy.guard_ns, listed(s.guards_ns))};
  if (phy.streams > s.most_streams)
    return PhyProblem{"network.wifi_streams",
                      fmt::format("{} sends at most {} spatial stream{}", s.name, s.most_streams,
                                  s.most_streams > 1 ? "s" : "")};
  if (s.aggregation == Aggregation::Always && !phy.aggregation)
    return PhyProblem{"network.wifi_aggregation",
                      fmt::format("{} sends every MPDU in an A-MPDU; aggregation cannot be "
                                  "switched off",
                                  s.name)};
  if (!phy.aggregation) return std::nullopt;
  if (phy.ampdu_bytes > s.most_ampdu_bytes)
    return PhyProblem{
        "network.wifi_ampdu_bytes",
        fmt::format("{} allows A-MPDUs of at most {} bytes", s.name, s.most_ampdu_bytes)};
  if (phy.block_ack_frames > s.most_block_ack_frames)
    return PhyProblem{"network.wifi_block_ack_frames",
                      fmt::format("{} acknowledges at most {} frames in one block ack", s.name,
                                  s.most_block_ack_frames)};
  return std::nullopt;
}

} // namespace muxsim::wifi
