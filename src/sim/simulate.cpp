#include "sim/simulate.hpp"

#include "core/input_error.hpp"
#include "sim/cell_platform.hpp"

#include <simgrid/s4u.hpp>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <unistd.h>

namespace sg4 = simgrid::s4u;

namespace muxsim::sim {

namespace {

// One offloaded request as it travels: the phone fills the plan, the GPU worker stamps the
// times it started and finished.
struct Request {
  const Plan* plan = nullptr;
  sg4::Mailbox* reply = nullptr;
  double compute_start = 0, compute_end = 0;
};

double flops_of(double ms) {
  return ms * 1e-3 * kHostFlops;
}

// A GPU worker: takes requests from the cloud's FIFO inbox, runs the chosen models one after
// another, sends the reply back to the phone.
void gpu_worker(sg4::Mailbox* inbox, const Deployment* d, double download_bytes) {
  for (;;) {
    auto* req = inbox->get<Request>();
    req->compute_start = sg4::Engine::get_clock();
    for (int slot : req->plan->cloud_slots)
      sg4::this_actor::execute(flops_of(d->cloud[slot].profile.latency_ms));
    req->compute_end = sg4::Engine::get_clock();
    req->reply->put(req, static_cast<uint64_t>(download_bytes));
  }
}

// A phone: for each of its requests runs the multiplexer, then either its own model or an
// offload round trip, and records the times the accounting needs.
void phone(const Prepared* p, const Policy* policy, long index, long phones, sg4::Mailbox* inbox,
           std::vector<CostBreakdown>* out) {
  const Deployment& d = p->deployment;
  auto* reply = sg4::Mailbox::by_name(phone_name(index) + "-reply");
  for (long k = index; k < p->request_count(); k += phones) {
    const TraceInput& in = p->trace.inputs[p->input_of(k)];
    const Plan plan = policy->choose(in);
    Timing t;
    double now = sg4::Engine::get_clock();
    auto lap = [&now]() {
      const double before = now;
      now = sg4::Engine::get_clock();
      return (now - before) * 1e3;
    };
    if (plan.mux) {
      sg4::this_actor::execute(flops_of(d.mux.latency_ms));
      t.mux_ms = lap();
    }
    if (plan.local) {
      sg4::this_actor::execute(flops_of(d.mobile_profile.latency_ms));
      t.local_ms = lap();
    }
    if (!plan.cloud_slots.empty()) {
      Request req{&plan, reply};
      inbox->put(&req, static_cast<uint64_t>(d.upload_bytes));
      t.upload_ms = lap();
      reply->get<Request>();
      t.queue_ms = req.compute_start * 1e3 - (now * 1e3);
      t.cloud_ms = (req.compute_end - req.compute_start) * 1e3;
      t.download_ms = (sg4::Engine::get_clock() - req.compute_end) * 1e3;
      lap();
    }
    (*out)[static_cast<std::size_t>(k)] = account(d, plan, in, t);
    if (p->scenario.think_ms > 0) {
      sg4::this_actor::sleep_for(p->scenario.think_ms * 1e-3);
      lap();
    }
  }
}

std::string write_platform(const CellSpec& spec) {
  const char* tmp = std::getenv("TMPDIR");
  std::string path = std::string(tmp && *tmp ? tmp : "/tmp") + "/muxsim-platform-XXXXXX";
  const int fd = ::mkstemp(path.data());
  if (fd < 0) throw InputError(path + ": cannot create a temporary platform file");
  const std::string xml = cell_platform_xml(spec);
  const bool ok = ::write(fd, xml.data(), xml.size()) == static_cast<ssize_t>(xml.size());
  ::close(fd);
  if (!ok) throw InputError(path + ": cannot write the temporary platform file");
  return path;
}

} // namespace

std::vector<CostBreakdown> simulate(const Prepared& p, const Policy& policy,
                                    const RunPoint& point) {
  const Scenario& s = p.scenario;
  CellSpec spec{point.phones, point.bandwidth_mbps, s.wan_mbps, s.wan_latency_ms, s.gpu_workers};
  const std::string platform = write_platform(spec);

  int argc = 3;
  char arg0[] = "muxsim", arg1[] = "--log=root.thresh:critical",
       arg2[] = "--cfg=contexts/stack-size:64";
  char* argv[] = {arg0, arg1, arg2, nullptr};
  sg4::Engine engine(&argc, argv);
  engine.load_platform(platform);
  std::remove(platform.c_str());

  std::vector<CostBreakdown> costs(static_cast<std::size_t>(p.request_count()));
  auto* inbox = sg4::Mailbox::by_name("cloud-inbox");
  sg4::Host* cloud = engine.host_by_name(kCloudHost);
  for (long w = 0; w < s.gpu_workers; ++w) {
    auto worker = sg4::Actor::create("gpu-" + std::to_string(w), cloud, gpu_worker, inbox,
                                     &p.deployment, s.download_bytes);
    worker->daemonize();
    if (w == 0) inbox->set_receiver(worker); // uploads complete without waiting for a worker
  }
  const sg4::Link* air = engine.link_by_name(kWifiLink);
  for (long i = 0; i < point.phones; ++i) {
    sg4::Host* host = engine.host_by_name(phone_name(i));
    air->set_host_wifi_rate(host, 0);
    sg4::Actor::create(phone_name(i), host, phone, &p, &policy, i, point.phones, inbox, &costs);
  }
  engine.run();
  return costs;
}

} // namespace muxsim::sim
