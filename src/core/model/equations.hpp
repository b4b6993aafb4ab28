#pragma once
// Equations 9 to 14 of Eshratifar & Pedram (arXiv 2001.05870) in expected-value form:
// latency L, phone energy E and FLOPs F of each approach, from per-model costs and the
// fractions the multiplexer sends each way. The per-request accounting averaged over a
// trace must equal these (tests/unit/test_equations.cpp).
#include <vector>

namespace muxsim::eq {

struct Cost {
  double latency_ms = 0;
  double energy_mj = 0;
  double gflops = 0;
};

// Eq. 9, mobile-only: the phone's model alone.
Cost mobile_only(const Cost& mobile);

// Eq. 10, cloud-only: upload, cloud compute, download. The phone pays radio power while
// sending, receiving and idling for the cloud.
Cost cloud_only(double upload_ms, double cloud_ms, double download_ms, double cloud_gflops,
                double tx_w, double idle_w, double rx_w);

// Eq. 11 (latency), 12 (phone energy), 13 (FLOPs), hybrid: the multiplexer always runs,
// then a fraction p_local stays on the phone and the rest goes to the cloud.
Cost hybrid(const Cost& mux, const Cost& mobile, const Cost& cloud_only, double p_local);

// Eq. 11-13 solved for the multiplexer: the cost that makes the hybrid equal `published`
// given the other two approaches and the local fraction.
Cost multiplexer_from_hybrid(const Cost& published, const Cost& mobile, const Cost& cloud_only,
                             double p_local);

// Eq. 14, multiplexing in the cloud: the multiplexer plus each model i weighted by the
// fraction q_i of inputs it is called for (q sums to 1 for argmax; more for an ensemble).
Cost multiplexed(const Cost& mux, const std::vector<Cost>& models, const std::vector<double>& q);

} // namespace muxsim::eq
