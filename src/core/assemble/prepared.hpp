#pragma once
// A scenario made ready to run: its profiles loaded, its trace read or reconstructed, and
// the deployment that ties trace models to device profiles. Not copyable: the deployment
// points into the trace.
#include "core/base/scenario.hpp"
#include "core/config/read_scenario.hpp"
#include "core/formats/bandwidth_trace.hpp"
#include "core/formats/profile.hpp"
#include "core/formats/trace.hpp"
#include "core/model/attachment.hpp"
#include "core/model/closed_form.hpp"
#include "core/model/deployment.hpp"

#include <memory>
#include <optional>

namespace muxsim {

struct Prepared {
  Scenario scenario;
  ProfileSet profiles;
  DecisionTrace trace;
  Deployment deployment;
  // Derived from the scenario, which stays as read:
  std::string trace_source; // the trace key, or muxsim run --trace
  // The Wi-Fi rates the runs sweep and report: the bandwidth_mbps key, or, with per-phone
  // rates or a trace channel and no bandwidth given, their mean.
  std::vector<double> bandwidth_mbps;
  std::vector<BandwidthTrace> channel_traces; // network.channel_trace, in order
  BandwidthTrace wan_trace;                   // network.wan_trace; empty when not set
  std::optional<MobilityPlan> mobility;       // [mobility]'s places; none without it

  Prepared() = default;
  Prepared(const Prepared&) = delete;
  Prepared& operator=(const Prepared&) = delete;

  // Which trace input request k of a run uses: the trace in order, wrapping around.
  std::size_t input_of(long request) const {
    return static_cast<std::size_t>(request) % trace.inputs.size();
  }
  long request_count() const;
  std::vector<RunPoint> run_points() const { return scenario.run_points(bandwidth_mbps); }
  // Which cell and edge server serve each phone of the run point, when, and at what rate:
  // the one answer every mode and layer asks (core/model/attachment.hpp).
  std::unique_ptr<Attachments> attachments(const RunPoint& point) const {
    return make_attachments(scenario, point, channel_traces, mobility ? &*mobility : nullptr);
  }
  // The closed form's paths for a phone at the given Wi-Fi rate, or at a goodput.
  ClosedFormLinks links(double wifi_mbps) const;
  ClosedFormLinks links_at_goodput(double upload_mbps, double download_mbps) const;
};

// The fixed seed of reconstructed traces, so every run of a scenario sees the same trace.
constexpr unsigned long kReconstructSeed = 2001;

// `trace_override`, when not empty, replaces the scenario's trace key (muxsim run --trace);
// `settings` replace or add keys (muxsim run --set section.key=value).
std::unique_ptr<Prepared> prepare(const std::string& scenario_path,
                                  const std::string& trace_override = "",
                                  const std::vector<std::string>& settings = {},
                                  IdleKeys idle = IdleKeys::Refuse);

} // namespace muxsim
