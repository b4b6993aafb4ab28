#include "learn/measure/machine.hpp"

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>

namespace muxsim::learn {

namespace {

// The value of the first /proc/cpuinfo line that starts with `key`.
std::string cpuinfo_field(const std::string& key) {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind(key, 0) == 0) {
      const auto colon = line.find(':');
      if (colon == std::string::npos) continue;
      const auto start = line.find_first_not_of(' ', colon + 1);
      return start == std::string::npos ? "" : line.substr(start);
    }
  return "";
}

std::string widest_isa() {
  std::istringstream words(cpuinfo_field("flags"));
  std::set<std::string> flags;
  for (std::string w; words >> w;)
    flags.insert(w);
  auto has = [&](const char* f) { return flags.count(f) > 0; };
  // oneDNN picks its int8 kernels on VNNI, ATen its vector width on AVX-512 (with VL, BW and
  // DQ) or on AVX2 with FMA: those are the boundaries at which results can change.
  const bool avx512 = has("avx512f") && has("avx512vl") && has("avx512bw") && has("avx512dq");
  if (avx512 && has("avx512_vnni")) return "avx512_vnni";
  if (avx512) return "avx512";
  if (has("avx2") && has("fma")) return "avx2";
  if (has("avx")) return "avx";
  if (has("sse4_2")) return "sse4_2";
  return "baseline";
}

} // namespace

std::string cpu_model() {
  const std::string name = cpuinfo_field("model name");
  return name.empty() ? "unknown CPU" : name;
}

std::string cpu_isa() {
  std::string isa = widest_isa();
  std::string caps;
  for (const char* cap : {"ATEN_CPU_CAPABILITY", "ONEDNN_MAX_CPU_ISA", "DNNL_MAX_CPU_ISA"})
    if (const char* value = std::getenv(cap); value && *value)
      caps += std::string(" ") + cap + "=" + value;
  return caps.empty() ? isa : isa + " capped" + caps;
}

} // namespace muxsim::learn
