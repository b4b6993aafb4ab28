#include "cli/commands.hpp"
#include "cli/learn/qengine_option.hpp"
#include "cli/options.hpp"
#include "learn/measure/profiler.hpp"

#include <fmt/format.h>

namespace muxsim::cli {

int profile_command(const std::vector<std::string>& args) {
  po::options_description options("Options");
  learn::ProfileOptions o;
  options.add_options()(
      "arch", po::value(&o.architectures),
      "built-in architecture, random weights (repeatable): alexnet, mobilenet_v2, "
      "mnasnet1_0, resnet50, resnet152, resnext101_32x8d, mux-cnn64, "
      "fmnist-<tiny|mobile|small|resnet|medium|wide-resnet>, mux-fmnist")(
      "torchscript", po::value(&o.torchscripts), "NAME=MODEL.pt, a TorchScript model (repeatable)")(
      "out,o", po::value(&o.out)->required(), "profile CSV to write")(
      "device", po::value(&o.device), "device column (default: cpu-<CPU model>)")(
      "reference", po::value(&o.reference)->default_value(o.reference),
      "model the printed ratios are relative to")("runs", po::value(&o.runs)->default_value(o.runs),
                                                  "timed runs per model (at least 50)")(
      "warmup", po::value(&o.warmup)->default_value(o.warmup), "untimed runs first")(
      "threads", po::value(&o.threads)->default_value(o.threads), "LibTorch intra-op threads");
  std::string qengine = learn::qengine_name(o.qengine);
  add_qengine_option(options, qengine);
  po::positional_options_description positional;
  po::variables_map vm;
  const std::string usage =
      "usage: muxsim profile [--arch NAME ...] [--torchscript NAME=M.pt ...] --out P.csv\n\n"
      "Times one-image forward passes on this CPU and writes a device profile (kind\n"
      "measured; latency_ms is the median, latency_ms_p95 the 95th percentile). The source\n"
      "column names the CPU and the LibTorch version; the qengine and isa columns the\n"
      "quantized engine and the CPU's instruction set.";
  if (!parse_options(args, usage, options, positional, vm)) return 0;
  o.qengine = learn::parse_qengine(qengine);
  const auto rows = learn::profile_models(o);
  const learn::MeasuredLatency* ref = nullptr;
  for (const auto& r : rows)
    if (r.model == o.reference) ref = &r;
  fmt::print("model,gflops,median_ms,p95_ms,gflops_ratio,latency_ratio\n");
  for (const auto& r : rows)
    fmt::print("{},{:.6g},{:.4f},{:.4f},{},{}\n", r.model, r.gflops, r.median_ms, r.p95_ms,
               ref && ref->gflops > 0 ? fmt::format("{:.4f}", r.gflops / ref->gflops) : "",
               ref ? fmt::format("{:.4f}", r.median_ms / ref->median_ms) : "");
  fmt::print(stderr, "wrote {}{}\n", o.out, ref ? " (ratios relative to " + o.reference + ")" : "");
  return 0;
}

} // namespace muxsim::cli
