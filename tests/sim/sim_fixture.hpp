#pragma once
// A tiny deployment with round numbers, for the hand-computed network and server tests:
// a phone model of 4 ms, a multiplexer of 1 ms, cloud models of 10 ms (big) and 5 ms (mid)
// an edge model of 20 ms and a cloud-side multiplexer of 2 ms, over a four-input trace. For
// hybrid-early, the phone model's prefix costs 1 ms and 3 mJ and the early head 0.5 ms and
// 1 mJ. DIMEC-DC's regions are easy, hard, medium, hard. `sections` is appended to a
// scenario that names them.
#include "core/assemble/prepared.hpp"
#include "core/policy/registry.hpp"
#include "fork_helper.hpp"
#include "run/evaluate.hpp"
#include "sim/simulate.hpp"
#include "test_util.hpp"

#include <memory>
#include <string>
#include <vector>

namespace muxsim::test {

// The keys whose defaults are a realistic phone and WAN (docs/network.md), set to zero
// unless a test sets them: a free network and a silent radio keep the hand computations
// round, and each test states the costs it checks.
inline std::string zero_unless_set(const std::string& sections) {
  std::string out;
  const std::pair<const char*, const char*> keys[] = {{"network", "upload_bytes"},
                                                      {"network", "download_bytes"},
                                                      {"network", "wan_latency_ms"},
                                                      {"radio", "tx_w"},
                                                      {"radio", "rx_w"},
                                                      {"radio", "idle_w"}};
  for (const auto& [section, key] : keys)
    if (sections.find(std::string(key) + " =") == std::string::npos)
      out += "[" + std::string(section) + "]\n" + key + " = 0\n";
  return out;
}

inline std::unique_ptr<Prepared> tiny_scenario(const std::string& name, const std::string& top,
                                               const std::string& sections) {
  write_temp(name + "-profile.csv", "device,model,flops,latency_ms,energy_mj,accuracy,source,kind\n"
                                    "phone,small,0.3,4,12,0.7,test,derived\n"
                                    "phone,multiplexer,0.1,1,4,0,test,derived\n"
                                    "phone,small-prefix,0.1,1,3,0,test,derived\n"
                                    "phone,early-head,0.001,0.5,1,0,test,derived\n"
                                    "cloud,big,16,10,0,0.8,test,derived\n"
                                    "cloud,mid,4,5,0,0.75,test,derived\n"
                                    "cloud,multiplexer,0.1,2,0,0,test,derived\n"
                                    "edge,big,16,20,0,0.8,test,derived\n");
  write_temp(name + "-trace.csv",
             "input_id,label,fold,pred_small,conf_small,correct_small,score_small,pred_big,"
             "conf_big,correct_big,score_big,pred_mid,conf_mid,correct_mid,score_mid,early_small,"
             "early_big,early_mid,region,provenance\n"
             "a,1,0,1,0.9,1,0.8,1,0.9,1,0.9,1,0.8,1,0.9,0.8,0.9,0.9,0,synthetic\n"
             "b,2,0,3,0.4,0,0.2,2,0.8,1,0.9,3,0.5,0,0.1,0.2,0.9,0.1,2,synthetic\n"
             "c,3,0,3,0.7,1,0.6,3,0.9,1,0.9,3,0.8,1,0.9,0.3,0.9,0.9,1,synthetic\n"
             "d,4,0,5,0.3,0,0.1,4,0.6,1,0.9,5,0.4,0,0.1,0.9,0.9,0.1,2,synthetic\n");
  const std::string& prefix = name;
  const std::string path =
      write_temp(name + ".ini", top + "\ntrace = " + prefix + "-trace.csv\nprofiles = " + prefix +
                                    "-profile.csv\n[devices]\nphone_device = phone\n"
                                    "cloud_device = cloud\nmobile_model = small\n"
                                    "cloud_model = big\n" +
                                    sections + "\n" + zero_unless_set(sections));
  return prepare(path);
}

// Runs one policy of a prepared scenario at a run point, simulated (in a child process) or
// closed form; returns each request's times in the order
// mux, local, upload, queue, server, download.
inline std::vector<double> timings(const Prepared& p, const std::string& policy_name,
                                   const RunPoint& point, bool simulated) {
  const auto policy = make_policy(policy_name, p.deployment, p.scenario.params);
  auto flatten = [](const std::vector<CostBreakdown>& costs) {
    std::vector<double> v;
    for (const auto& c : costs)
      for (double x : {c.mux_ms, c.local_ms, c.upload_ms, c.queue_ms, c.server_ms, c.download_ms})
        v.push_back(x);
    return v;
  };
  if (!simulated) return flatten(evaluate_closed_form(p, *policy, point));
  return in_child([&] { return flatten(sim::simulate(p, *policy, point)); });
}

enum Stage { kMux = 0, kLocal, kUpload, kQueue, kServer, kDownload, kStages };

inline double stage(const std::vector<double>& t, long request, Stage s) {
  return t[static_cast<std::size_t>(request * kStages + s)];
}

} // namespace muxsim::test
