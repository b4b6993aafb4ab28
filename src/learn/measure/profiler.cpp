#include "learn/measure/profiler.hpp"

#include "core/base/input_error.hpp"
#include "core/output/results.hpp"
#include "core/output/summary.hpp"
#include "learn/measure/machine.hpp"
#include "learn/measure/paper_nets.hpp"
#include "learn/measure/qengine.hpp"
#include "learn/measure/sha256.hpp"
#include "learn/measure/torchscript.hpp"

#include <cctype>
#include <chrono>
#include <fmt/format.h>
#include <functional>
#include <torch/version.h>

namespace muxsim::learn {

namespace {

// Median and p95 of `runs` timed calls after `warmup` untimed ones (caches, allocator and
// LibTorch's lazy initialisation settle during warm-up).
MeasuredLatency time_calls(const std::function<void()>& call, int warmup, int runs) {
  for (int i = 0; i < warmup; ++i)
    call();
  std::vector<double> ms;
  for (int i = 0; i < runs; ++i) {
    const auto start = std::chrono::steady_clock::now();
    call();
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                     .count());
  }
  MeasuredLatency m;
  m.median_ms = percentile(ms, 0.50);
  m.p95_ms = percentile(ms, 0.95);
  return m;
}

double known_gflops(const std::string& name) {
  for (const auto& a : architectures())
    if (a.name == name) return a.gflops;
  return 0;
}

std::string slug(const std::string& text) {
  std::string out;
  for (const char c : text) {
    const bool keep = std::isalnum(static_cast<unsigned char>(c));
    if (keep)
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    else if (!out.empty() && out.back() != '-')
      out += '-';
  }
  while (!out.empty() && out.back() == '-')
    out.pop_back();
  return out;
}

std::string profile_csv(const std::vector<MeasuredLatency>& rows, const ProfileOptions& o) {
  std::string out = "device,model,flops,latency_ms,energy_mj,accuracy,source,kind,"
                    "latency_ms_p95,runs,qengine,isa\n";
  const std::string cpu = cpu_model(), isa = cpu_isa(), qengine = qengine_in_use();
  const std::string device = o.device.empty() ? "cpu-" + slug(cpu) : o.device;
  for (const auto& r : rows) {
    std::string flops_source = "flops not known (0)";
    for (const auto& a : architectures())
      if (a.name == r.model) flops_source = "flops: " + a.source;
    out += fmt::format(
        "{},{},{:.6g},{:.4f},0,0,\"measured by muxsim profile on {} ({}), LibTorch {}, "
        "quantized engine {}, {} threads, batch 1: median of {} runs after {} warm-up; {}{}; "
        "energy and accuracy not measured (0)\",measured,{:.4f},{},{},{}\n",
        device, r.model, r.gflops, r.median_ms, cpu, isa, TORCH_VERSION, qengine, o.threads, o.runs,
        o.warmup, r.sha256.empty() ? "" : "TorchScript sha256 " + r.sha256 + "; ", flops_source,
        r.p95_ms, o.runs, qengine, isa);
  }
  return out;
}

} // namespace

std::vector<MeasuredLatency> profile_models(const ProfileOptions& o) {
  if (o.runs < 50) throw InputError("command line: --runs must be at least 50");
  if (o.warmup < 1) throw InputError("command line: --warmup must be at least 1");
  if (o.threads < 1) throw InputError("command line: --threads must be at least 1");
  if (o.architectures.empty() && o.torchscripts.empty())
    throw InputError("command line: nothing to profile (give --arch or --torchscript)");
  use_qengine(o.qengine);
  torch::set_num_threads(o.threads);
  torch::NoGradGuard no_grad;
  std::vector<MeasuredLatency> rows;
  for (const auto& name : o.architectures) {
    auto net = make_architecture(name);
    net.module->eval();
    const auto x = torch::randn(net.input_shape);
    auto m = time_calls([&] { net.forward(x); }, o.warmup, o.runs);
    m.model = name;
    m.gflops = known_gflops(name);
    rows.push_back(m);
    fmt::print(stderr, "{}: median {:.3f} ms, p95 {:.3f} ms\n", name, m.median_ms, m.p95_ms);
  }
  for (const auto& spec : o.torchscripts) {
    const auto eq = spec.find('=');
    if (eq == std::string::npos || eq == 0)
      throw InputError("command line: --torchscript '" + spec + "' is not NAME=PATH");
    const std::string name = spec.substr(0, eq), path = spec.substr(eq + 1);
    auto module = load_torchscript(path);
    const std::vector<c10::IValue> input{torch::randn({1, 3, 224, 224})};
    try {
      module.forward(input);
    } catch (const std::exception& e) {
      throw InputError(path + ": the model cannot classify a 1x3x224x224 input (" +
                       first_line(e.what()) + ")");
    }
    auto m = time_calls([&] { module.forward(input); }, o.warmup, o.runs);
    m.model = name;
    m.gflops = known_gflops(name);
    m.sha256 = sha256_of_file(path);
    rows.push_back(m);
    fmt::print(stderr, "{} (TorchScript): median {:.3f} ms, p95 {:.3f} ms\n", name, m.median_ms,
               m.p95_ms);
  }
  write_atomically(o.out, profile_csv(rows, o));
  return rows;
}

} // namespace muxsim::learn
