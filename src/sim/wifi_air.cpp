#include "sim/wifi_air.hpp"

#include "core/model/wifi_timing.hpp"

#include <algorithm>
#include <cmath>

namespace muxsim::sim {

WifiAir::WifiAir(const std::optional<wifi::Phy>& phy, const std::vector<double>& phy_mbps,
                 const std::vector<double>& first_mbps, const std::vector<double>& message_bytes)
    : phy_(phy) {
  if (!contends()) {
    bandwidths_ = phy_mbps;
    for (std::size_t i = 0; i < phy_mbps.size(); ++i)
      rates_[{phy_mbps[i], 0.0}] = {static_cast<int>(i), 1, phy_mbps[i]};
    return;
  }
  // Collisions last as long as the phones' frames, averaged over pairs of phones.
  const double collision_us = wifi::collision_us(*phy, first_mbps);
  int most_segments = 1; // per PPDU, over the rates
  for (double r : phy_mbps)
    most_segments = std::max(most_segments, wifi::segments_per_ppdu(*phy, r));
  for (double r : phy_mbps) {
    add_levels(r, 0, collision_us, most_segments);
    for (double bytes : message_bytes)
      if (wifi::fits_one_ppdu(*phy, r, bytes) && !rates_.count({r, bytes}))
        add_levels(r, bytes, collision_us, most_segments);
  }
}

void WifiAir::add_levels(double phy_mbps, double bytes, double collision_us, int most_segments) {
  Rate& rate = rates_[{phy_mbps, bytes}];
  rate.first_level = static_cast<int>(bandwidths_.size());
  rate.alone_mbps = wifi::transfer_goodput_mbps(*phy_, phy_mbps, bytes);
  rate.ppdu_segments = wifi::segments_per_ppdu(*phy_, phy_mbps);
  // A piece's weight is its rate's, whatever its size: the wired links see its scaled bytes
  // too, so a weight by the piece's own segments would make a reply 42 times larger there.
  if (phy_->aggregation) rate.weight = static_cast<double>(rate.ppdu_segments) / most_segments;
  // A piece of known size goes as round(bytes / weight) whole scaled bytes: its levels move
  // those in exactly bytes / goodput, so closed form and simulation agree to the bit.
  const double scaled = bytes > 0 ? std::round(bytes / rate.weight) / bytes : 1 / rate.weight;
  if (bytes > 0) {
    // One PPDU, sent in its turn at one level: alone on an idle air, one exchange. After
    // waiting among k contenders it takes as long as at the saturated rate among them (its
    // share of access time and of the TCP ACKs the other side sends back), collisions left
    // out: the difference is waited before the exchange, with the air held. Collisions are
    // drawn per turn: a number with the model's mean (wifi::collisions_per_success), each as
    // long as makes their mean time the saturated rate's, so times are those of the rate on
    // average and waits get the spread collisions give them.
    rate.turns = true;
    bandwidths_.push_back(rate.alone_mbps * scaled);
    const double alone_s = 8 * bytes / (rate.alone_mbps * 1e6);
    for (int k = 1; k <= kMostInTurn; ++k) {
      const auto i = static_cast<std::size_t>(k - 1);
      const double clean_s = 8 * bytes / (wifi::goodput_mbps(*phy_, phy_mbps, {k, 0}) * 1e6);
      const double colliding_s =
          8 * bytes / (wifi::goodput_mbps(*phy_, phy_mbps, {k, collision_us}) * 1e6);
      rate.access_s[i] = std::max(0.0, clean_s - alone_s);
      rate.collisions[i] = wifi::collisions_per_success(k);
      if (rate.collisions[i] > 0)
        rate.collision_s[i] = (colliding_s - clean_s) / rate.collisions[i];
    }
    return;
  }
  for (int k = 1; k <= wifi::kMostContenders; ++k) {
    const wifi::Contention crowd{k, collision_us};
    bandwidths_.push_back(wifi::goodput_mbps(*phy_, phy_mbps, crowd) * scaled);
  }
}

const WifiAir::Rate& WifiAir::of(double phy_mbps, double bytes) const {
  const auto it = rates_.find({phy_mbps, bytes});
  return it != rates_.end() ? it->second : rates_.at({phy_mbps, 0.0});
}

int WifiAir::level(double phy_mbps, int active, double bytes) const {
  const Rate& rate = of(phy_mbps, bytes);
  if (!contends() || rate.turns) return rate.first_level;
  return rate.first_level + std::clamp(active, 1, wifi::kMostContenders) - 1;
}

double WifiAir::contention_s(double phy_mbps, double bytes, int contenders, Rng& rng) const {
  const Rate& rate = of(phy_mbps, bytes);
  const auto i = static_cast<std::size_t>(std::clamp(contenders, 1, kMostInTurn) - 1);
  // Geometric: each attempt collides with the chance m / (1 + m), m the mean count.
  const double collide = rate.collisions[i] / (1 + rate.collisions[i]);
  int count = 0;
  while (count < 64 && rng.uniform() < collide)
    ++count;
  return rate.access_s[i] + count * rate.collision_s[i];
}

bool WifiAir::round_pays(const std::vector<wifi::TbUpload>& uploads) const {
  if (!wifi::round_fits(*phy_, uploads)) return false;
  double exchanges_us = 0;
  for (const wifi::TbUpload& u : uploads)
    exchanges_us += wifi::message_airtime_us(*phy_, u.mbps, u.bytes);
  return wifi::trigger_round_us(*phy_, uploads) <= exchanges_us;
}

simgrid::s4u::Host* WifiAir::start(const Station& station, double bytes, bool /*upload*/) const {
  return station.set_level(bytes);
}

void WifiAir::moved(const Station& station) const {
  station.set_level();
}

simgrid::s4u::Host* Station::set_level(double bytes) const {
  CellAir& air_now = cell_air();
  const int now = air->level(*phy_mbps, air_now.active, bytes);
  if (host == nullptr) return air_now.stations[static_cast<std::size_t>(now)];
  if (now != *level) {
    *level = now;
    air_now.link->set_host_wifi_rate(host, now);
  }
  return host;
}

} // namespace muxsim::sim
