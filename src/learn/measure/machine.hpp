#pragma once
// What a measured figure depends on, named so it can be written beside the figure
// (docs/reproducibility.md): the CPU model and the instruction set the kernels could use.
// Plain C++: reads /proc/cpuinfo and the environment, no LibTorch.
#include <string>

namespace muxsim::learn {

// "AMD EPYC ..." from /proc/cpuinfo, or "unknown CPU".
std::string cpu_model();

// The widest x86-64 vector ISA this CPU offers, as LibTorch and oneDNN tell them apart:
// avx512_vnni, avx512, avx2, avx, sse4_2 or baseline. When the environment caps what
// ATen or oneDNN may use (ATEN_CPU_CAPABILITY, ONEDNN_MAX_CPU_ISA, DNNL_MAX_CPU_ISA), the
// caps follow, e.g. "avx512_vnni capped ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2".
std::string cpu_isa();

} // namespace muxsim::learn
