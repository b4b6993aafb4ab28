#include "core/model/cost_breakdown.hpp"

namespace muxsim {

void charge_radio(CostBreakdown& cost, const RadioPower& power, double extra_idle_ms) {
  cost.tx_mj = power.tx_w * cost.upload_air_ms;
  cost.rx_mj = power.rx_w * cost.download_air_ms;
  const double waiting_ms = (cost.upload_ms - cost.upload_air_ms) + cost.queue_ms + cost.server_ms +
                            extra_idle_ms + (cost.download_ms - cost.download_air_ms);
  cost.idle_mj = power.idle_w * waiting_ms;
}

} // namespace muxsim
