#include "run/external_policy.hpp"

#include "core/base/scenario.hpp"
#include "run/policy_protocol.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace muxsim::run {

namespace {

// The command runs in the scenario file's folder, so a script beside the scenario is found
// by its plain name.
std::string scenario_folder(const Prepared& p) {
  const auto folder = std::filesystem::path(p.scenario.path).parent_path();
  return folder.empty() ? "." : folder.string();
}

} // namespace

ExternalPolicy::ExternalPolicy(const Prepared& p, const std::string& command, const RunPoint& point,
                               Mode mode, long run, std::function<int()> stop_signal)
    : p_(p), process_(command, scenario_folder(p), p.scenario.params.external_timeout_s,
                      std::move(stop_signal)) {
  process_.send(hello_message(p, point, mode, run), "read hello");
  const std::string line = process_.receive("answer hello");
  nlohmann::json ready;
  try {
    ready = nlohmann::json::parse(line);
  } catch (const nlohmann::json::exception&) {
    ready = nullptr;
  }
  if (!ready.is_object() || ready.value("type", "") != "ready")
    throw PolicyFailure(fmt::format("external policy answered hello with '{}', not "
                                    "{{\"type\": \"ready\"}}",
                                    line.substr(0, 120)));
  const nlohmann::json version = ready.value("protocol", nlohmann::json(kProtocolVersion));
  if (!version.is_number_integer() || version.get<long>() < kOldestProtocolVersion ||
      version.get<long>() > kProtocolVersion)
    throw PolicyFailure(fmt::format("external policy speaks protocol {}; muxsim speaks {} to {}",
                                    version.dump(), kOldestProtocolVersion, kProtocolVersion));
  protocol_ = version.get<int>();
}

Plan ExternalPolicy::decide(const TraceInput& input, const PhoneView& view) {
  const DecideView v{&input, view, &estimators_[view.phone], protocol_};
  const std::string request = fmt::format("answer request {}", view.request);
  process_.send(decide_message(p_, v), request);
  return parse_answer(process_.receive(request), p_, view.request);
}

void ExternalPolicy::observe(const PhoneView& view, const Plan& plan, const CostBreakdown& cost) {
  estimators_[view.phone].learn(p_.deployment, plan, cost);
  process_.send(observe_message(p_, view, plan, cost),
                fmt::format("read the outcome of request {}", view.request));
}

void ExternalPolicy::end(const std::string& header, const std::string& line) {
  process_.send(end_message(header, line), "read end");
  process_.finish();
}

} // namespace muxsim::run
