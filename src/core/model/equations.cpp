#include "core/model/equations.hpp"

namespace muxsim::eq {

Cost mobile_only(const Cost& mobile) {
  return mobile;
}

Cost cloud_only(double upload_ms, double cloud_ms, double download_ms, double cloud_gflops,
                double tx_w, double idle_w, double rx_w) {
  return {upload_ms + cloud_ms + download_ms,
          tx_w * upload_ms + idle_w * cloud_ms + rx_w * download_ms, cloud_gflops};
}

Cost hybrid(const Cost& mux, const Cost& mobile, const Cost& cloud, double p_local) {
  auto mix = [&](double m, double c) { return p_local * m + (1 - p_local) * c; };
  return {mux.latency_ms + mix(mobile.latency_ms, cloud.latency_ms),
          mux.energy_mj + mix(mobile.energy_mj, cloud.energy_mj),
          mux.gflops + mix(mobile.gflops, cloud.gflops)};
}

Cost multiplexer_from_hybrid(const Cost& published, const Cost& mobile, const Cost& cloud,
                             double p_local) {
  const Cost without = hybrid(Cost{}, mobile, cloud, p_local);
  return {published.latency_ms - without.latency_ms, published.energy_mj - without.energy_mj,
          published.gflops - without.gflops};
}

Cost multiplexed(const Cost& mux, const std::vector<Cost>& models, const std::vector<double>& q) {
  Cost total = mux;
  for (std::size_t i = 0; i < models.size(); ++i) {
    total.latency_ms += q[i] * models[i].latency_ms;
    total.energy_mj += q[i] * models[i].energy_mj;
    total.gflops += q[i] * models[i].gflops;
  }
  return total;
}

} // namespace muxsim::eq
