#include "run/policy_protocol.hpp"
#include "core/config/read_scenario.hpp"

#include "core/formats/csv.hpp"
#include "run/policy_process.hpp"

#include <cmath>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace muxsim::run {

namespace {

using nlohmann::json;

// A JSON number; JSON has no NaN or infinity, so those (and "not known yet") are null.
// fmt's shortest form reads back as the same double, so a policy compares exactly what
// a built-in policy would.
void put_number(std::string& out, double v) {
  if (std::isfinite(v))
    fmt::format_to(std::back_inserter(out), "{}", v);
  else
    out += "null";
}

void put_string(std::string& out, const std::string& s) {
  out += '"';
  for (const char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20) {
      fmt::format_to(std::back_inserter(out), "\\u{:04x}", static_cast<int>(c));
    } else {
      out += c;
    }
  }
  out += '"';
}

json profile_json(const std::string& model, const ModelProfile& m) {
  return {{"model", model},
          {"device", m.device},
          {"latency_ms", m.latency_ms},
          {"energy_mj", m.energy_mj},
          {"gflops", m.gflops},
          {"accuracy", m.accuracy},
          {"source", m.source},
          {"kind", profile_kind_name(m.kind)}};
}

json params_json(const PolicyParams& q) {
  return {{"hybrid_threshold", q.hybrid_threshold},
          {"ensemble_threshold", q.ensemble_threshold},
          {"confidence_threshold", q.confidence_threshold},
          {"early_threshold", q.early_threshold},
          {"accuracy_target", q.accuracy_target},
          {"score_target", q.score_target},
          {"qos_ms", q.qos_ms},
          {"objective", q.objective == Objective::Energy ? "energy" : "latency"}};
}

// The tiers: the phone's model, the edge's, the cloud's, the multiplexer and the early one.
json tiers_json(const Prepared& p) {
  const Deployment& d = p.deployment;
  const auto& models = p.trace.models;
  json tiers;
  tiers["phone"] = d.mobile >= 0 ? profile_json(models[d.mobile], d.mobile_profile) : json();
  tiers["edge"] = d.edge >= 0 ? profile_json(models[d.edge], d.edge_profile) : json();
  json cloud = json::array();
  for (const auto& c : d.cloud)
    cloud.push_back(profile_json(models[c.trace_index], c.profile));
  tiers["cloud"] = cloud;
  tiers["cloud_default"] =
      d.cloud.empty() ? json() : json(models[d.cloud[d.cloud_default].trace_index]);
  tiers["mux"] = profile_json(p.scenario.mux_model, d.mux);
  tiers["mux"]["on_phone"] = d.mux_on_phone;
  tiers["early"] = d.has_early ? json{{"decision", profile_json("", d.early_decision)},
                                      {"rest", profile_json("", d.early_rest)}}
                               : json();
  return tiers;
}

constexpr int kDeepestAnswer = 4;

// The deepest nesting of objects and lists in `text`, outside strings.
int nesting_depth(const std::string& text) {
  int depth = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped)
        escaped = false;
      else if (c == '\\')
        escaped = true;
      else if (c == '"')
        in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++depth);
    } else if (c == '}' || c == ']') {
      --depth;
    }
  }
  return deepest;
}

[[noreturn]] void refuse(long request, const std::string& why, const std::string& line) {
  const std::string excerpt = line.size() > 120 ? line.substr(0, 117) + "..." : line;
  throw PolicyFailure(
      fmt::format("external policy's answer to request {}: {}: {}", request, why, excerpt));
}

// The slots in Deployment::cloud of the named models.
SlotList cloud_slots(const json& names, const Prepared& p, long request, const std::string& line) {
  const Deployment& d = p.deployment;
  if (names.is_null()) return {d.cloud_default};
  if (!names.is_array() || names.empty())
    refuse(request, "'models' must be a non-empty list of cloud model names", line);
  SlotList slots;
  for (const auto& name : names) {
    int slot = -1;
    for (std::size_t c = 0; c < d.cloud.size(); ++c)
      if (name.is_string() && p.trace.models[d.cloud[c].trace_index] == name.get<std::string>())
        slot = static_cast<int>(c);
    if (slot < 0) refuse(request, "'models' names a model the cloud does not run", line);
    if (std::find(slots.begin(), slots.end(), slot) != slots.end())
      refuse(request, "'models' names a model twice", line);
    slots.push_back(slot);
  }
  return slots;
}

// Where an answer places a request, parsed once from its "placement" text.
enum class Placement { Local, Edge, Cloud };

Placement placement_of(const json& a, long request, const std::string& line) {
  const auto where = a.find("placement");
  if (where != a.end() && where->is_string()) {
    const std::string name = where->get<std::string>();
    if (name == "local") return Placement::Local;
    if (name == "edge") return Placement::Edge;
    if (name == "cloud") return Placement::Cloud;
  }
  refuse(request, "'placement' must be \"local\", \"edge\" or \"cloud\"", line);
}

Plan placement(const json& a, const Prepared& p, long request, const std::string& line) {
  const Deployment& d = p.deployment;
  const Placement where = placement_of(a, request, line);
  if (where != Placement::Cloud && a.contains("models"))
    refuse(request, "'models' goes with placement \"cloud\" only", line);
  switch (where) {
  case Placement::Local:
    if (d.mobile < 0) refuse(request, "placement \"local\", but the phone has no model", line);
    return Plan::on_phone();
  case Placement::Edge:
    if (d.edge < 0)
      refuse(request, "placement \"edge\", but the deployment has no edge tier", line);
    return Plan::on_edge();
  case Placement::Cloud:
    break;
  }
  if (d.cloud.empty()) refuse(request, "placement \"cloud\", but the cloud runs no model", line);
  return Plan::in_cloud(cloud_slots(a.value("models", json()), p, request, line));
}

} // namespace

std::string hello_message(const Prepared& p, const RunPoint& point, Mode mode, long run) {
  const Scenario& s = p.scenario;
  json hello = {
      {"type", "hello"},
      {"protocol", kProtocolVersion},
      {"protocols", {kOldestProtocolVersion, kProtocolVersion}},
      {"scenario", s.name},
      {"run", run},
      {"mode", mode_name(mode)},
      {"seed", point.seed},
      {"requests", p.request_count()},
      {"bandwidth_mbps", point.bandwidth_mbps},
      {"cells", point.cells},
      {"phones_per_cell", point.placed ? json() : json(point.phones)},
      {"phones", point.total_phones()},
      {"arrival_rate_hz", point.arrival_rate_hz},
      {"deadline_ms", s.load.deadline_ms},
      {"models", p.trace.models},
      {"has_early_scores", p.trace.has_early()},
      {"has_region", p.trace.has_region()},
      {"tiers", tiers_json(p)},
      {"radio", {{"tx_w", s.radio.tx_w}, {"rx_w", s.radio.rx_w}, {"idle_w", s.radio.idle_w}}},
      {"upload_bytes", s.network.upload_bytes},
      {"download_bytes", s.network.download_bytes},
      {"params", params_json(s.params)}};
  // Version 2: where the access points stand, with [mobility] (cell i is entry i).
  json access_points = json::array();
  if (p.mobility)
    for (const Point& ap : p.mobility->access_points)
      access_points.push_back({ap.x_m, ap.y_m});
  hello["access_points"] = access_points;
  return hello.dump() + "\n";
}

std::string decide_message(const Prepared& p, const DecideView& v) {
  const TraceInput& in = *v.input;
  const LinkEstimator& e = *v.estimates;
  std::string out;
  out.reserve(256 + 24 * in.score.size());
  fmt::format_to(std::back_inserter(out), R"({{"type":"decide","request":{},"time_s":)",
                 v.phone.request);
  put_number(out, v.phone.now_s);
  fmt::format_to(std::back_inserter(out), R"(,"phone":{},"cell":{})", v.phone.phone, v.phone.cell);
  if (v.protocol >= 2) {
    // Where the phone is, with [mobility]; null without it (phones are not placed).
    out += R"(,"x_m":)";
    put_number(out, v.phone.x_m);
    out += R"(,"y_m":)";
    put_number(out, v.phone.y_m);
    out += R"(,"distance_m":)";
    put_number(out, v.phone.distance_m);
  }
  out += R"(,"input":)";
  put_string(out, in.input_id);
  out += R"(,"scores":[)";
  for (std::size_t m = 0; m < in.score.size(); ++m) {
    if (m) out += ',';
    put_number(out, in.score[m]);
  }
  out += ']';
  if (!in.early.empty()) {
    out += R"(,"early_scores":[)";
    for (std::size_t m = 0; m < in.early.size(); ++m) {
      if (m) out += ',';
      put_number(out, in.early[m]);
    }
    out += ']';
  }
  const int mobile = p.deployment.mobile;
  out += R"(,"confidence":)";
  put_number(out, mobile >= 0 ? in.conf[static_cast<std::size_t>(mobile)] : NAN);
  if (in.region >= 0) fmt::format_to(std::back_inserter(out), R"(,"region":{})", in.region);
  out += R"(,"wifi_mbps":)";
  put_number(out, v.phone.wifi_mbps);
  out += R"(,"estimates":{)";
  for (const bool edge : {false, true}) {
    out += edge ? R"(,"edge":{"rate_mbps":)" : R"("cloud":{"rate_mbps":)";
    put_number(out, e.knows_rate(edge) ? e.rate_mbps(edge) : NAN);
    out += R"(,"wait_ms":)";
    put_number(out, e.knows_wait(edge) ? e.wait_ms(edge) : NAN);
    out += '}';
  }
  out += R"(},"deadline_ms":)";
  put_number(out, p.scenario.load.deadline_ms > 0 ? p.scenario.load.deadline_ms : NAN);
  out += "}\n";
  return out;
}

std::string observe_message(const Prepared& p, const PhoneView& phone, const Plan& plan,
                            const CostBreakdown& c) {
  std::string out;
  out.reserve(512);
  fmt::format_to(std::back_inserter(out),
                 R"({{"type":"observe","request":{},"phone":{},"placement":"{}","models":[)",
                 phone.request, phone.phone,
                 c.at_edge ? "edge" : (plan.cloud_slots.empty() ? "local" : "cloud"));
  bool first = true;
  for (std::size_t m = 0; m < p.trace.models.size(); ++m)
    if (c.called >> m & 1) {
      if (!first) out += ',';
      first = false;
      put_string(out, p.trace.models[m]);
    }
  out += "]";
  const std::pair<const char*, double> numbers[] = {{"start_s", c.start_s},
                                                    {"wifi_mbps", c.wifi_mbps},
                                                    {"mux_ms", c.mux_ms},
                                                    {"local_ms", c.local_ms},
                                                    {"upload_ms", c.upload_ms},
                                                    {"queue_ms", c.queue_ms},
                                                    {"server_ms", c.server_ms},
                                                    {"download_ms", c.download_ms},
                                                    {"latency_ms", c.latency_ms()},
                                                    {"energy_mj", c.phone_energy_mj()},
                                                    {"compute_mj", c.compute_mj},
                                                    {"tx_mj", c.tx_mj},
                                                    {"rx_mj", c.rx_mj},
                                                    {"idle_mj", c.idle_mj},
                                                    {"phone_gflops", c.phone_gflops},
                                                    {"edge_gflops", c.edge_gflops},
                                                    {"cloud_gflops", c.cloud_gflops}};
  for (const auto& [name, value] : numbers) {
    fmt::format_to(std::back_inserter(out), R"(,"{}":)", name);
    put_number(out, value);
  }
  const double deadline = p.scenario.load.deadline_ms;
  fmt::format_to(std::back_inserter(out), R"(,"correct":{},"deadline_met":{}}})",
                 c.correct ? "true" : "false",
                 deadline <= 0 || c.latency_ms() <= deadline ? "true" : "false");
  out += '\n';
  return out;
}

std::string end_message(const std::string& header, const std::string& line) {
  const CsvTable table = CsvTable::parse(header + line, "results row");
  json row = json::object();
  for (std::size_t i = 0; i < table.header().size(); ++i) {
    const std::string& text = table.text(0, table.header()[i]);
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (!text.empty() && end == text.c_str() + text.size() && std::isfinite(v))
      row[table.header()[i]] = v;
    else
      row[table.header()[i]] = text;
  }
  return json{{"type", "end"}, {"row", row}}.dump() + "\n";
}

Plan parse_answer(const std::string& line, const Prepared& p, long request) {
  // An answer nests two levels (an object holding a list). The parser recurses per level,
  // and simulated phones run on 32 KiB stacks: deeper input is refused before parsing.
  if (nesting_depth(line) > kDeepestAnswer)
    refuse(request, fmt::format("nested more than {} levels deep", kDeepestAnswer), line);
  json a;
  try {
    a = json::parse(line);
  } catch (const json::exception& e) {
    refuse(request, fmt::format("malformed JSON ({})", e.what()), line);
  }
  if (!a.is_object()) refuse(request, "an answer is a JSON object", line);
  for (const auto& [key, value] : a.items())
    if (key != "placement" && key != "models" && key != "mux" && key != "phone_first" &&
        key != "request")
      refuse(request,
             fmt::format("unknown field '{}' (known: placement, models, mux, "
                         "phone_first, request)",
                         key),
             line);
  if (a.contains("request") && a["request"] != request)
    refuse(request, "it names another request", line);
  Plan plan = placement(a, p, request, line);
  const json mux = a.value("mux", json(false));
  if (mux == "early") {
    if (!p.deployment.has_early)
      refuse(request, "\"mux\": \"early\", but the deployment has no early multiplexer", line);
    plan = plan.after_early_mux();
  } else if (mux == true) {
    plan = plan.after_mux();
  } else if (mux != false) {
    refuse(request, "'mux' must be true, false or \"early\"", line);
  }
  const json first = a.value("phone_first", json(false));
  if (!first.is_boolean()) refuse(request, "'phone_first' must be true or false", line);
  if (first == true) {
    if (p.deployment.mobile < 0) refuse(request, "phone_first, but the phone has no model", line);
    plan = plan.after_phone();
  }
  return plan;
}

} // namespace muxsim::run
