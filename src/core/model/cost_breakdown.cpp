#include "core/model/cost_breakdown.hpp"

namespace muxsim {

void charge_radio(CostBreakdown& cost, const RadioPower& power, double extra_idle_ms) {
  cost.tx_mj = power.tx_w * cost.upload_ms;
  cost.rx_mj = power.rx_w * cost.download_ms;
  cost.idle_mj = power.idle_w * (cost.queue_ms + cost.server_ms + extra_idle_ms);
}

} // namespace muxsim
