#pragma once
// The [radio] section: what the phone draws in each radio state. The scenario holds it and
// the cost accounting charges it (core/model/cost_breakdown.hpp).

namespace muxsim {

// The phone's radio power in each state (docs/cost-model.md, "Radio states").
struct RadioPower {
  double tx_w = 0;   // while its upload's bits are on the air
  double rx_w = 0;   // while its reply's bits are on the air
  double idle_w = 0; // on but not on the air: deferring, waiting on the WAN and the server
};

// A phone's Wi-Fi chip, the [radio] keys' defaults: models/phone-radio.csv (a Pixel 4's
// power profile, derived; tests/sim/test_radio_defaults.cpp keeps the two in step).
constexpr RadioPower kPhoneWifiRadio = {1.2987, 0.4625, 0.3034};

} // namespace muxsim
