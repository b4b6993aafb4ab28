#!/usr/bin/env bash
# Prints what muxsim's measured figures depend on (docs/reproducibility.md): the
# CPU model, the instruction-set flags that change LibTorch's and oneDNN's kernels, and the
# LibTorch, oneDNN and SimGrid versions. CI prints it first, so a failure elsewhere is read
# in one look.
set -euo pipefail
model=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
flags=$(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -xE 'avx|avx2|fma|avx512f|avx512vl|avx512bw|avx512dq|avx512_vnni|avx_vnni|amx_int8' | tr '\n' ' ')
version() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null || echo "not installed"; }
echo "cpu: $model, $(nproc) cores"
echo "isa flags: ${flags:-none of avx, avx2, fma, avx512*}"
echo "libtorch-dev: $(version libtorch-dev); libdnnl2 (oneDNN): $(version libdnnl2); libsimgrid-dev: $(version libsimgrid-dev)"
for cap in ATEN_CPU_CAPABILITY ONEDNN_MAX_CPU_ISA DNNL_MAX_CPU_ISA; do
  [[ -n ${!cap:-} ]] && echo "cap: $cap=${!cap}"
done
true
