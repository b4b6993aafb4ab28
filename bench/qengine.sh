#!/usr/bin/env bash
# Which quantized engine gives the same answers on every x86-64 CPU (docs/reproducibility.md).
# Runs `muxsim predict` on the 1,300 shared ImageNet images with the quantized MobileNetV2
# under each engine and each ISA cap this CPU allows (ATEN_CPU_CAPABILITY caps
# ATen's vector kernels, ONEDNN_MAX_CPU_ISA oneDNN's), then times both engines with
# `muxsim profile`. An AVX2-only machine is approached here with the AVX2 caps.
# usage: bench/qengine.sh [BUILD_DIR] [SHARED_DATA_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$src/build}" && pwd)
data=${2:-${MUXSIM_SHARED_DATA:-$src/../shared/data}}
model=$data/imagenet-models/mobilenet_v2_quantized.pt
val=$data/imagenet-val-1300
[[ -f $model ]] || { echo "no shared data at $data" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$src/scripts/machine.sh"
# Caps that can be set on this CPU: oneDNN refuses a cap above what the CPU has (it keeps its
# own choice), so the AVX-512 caps only bite on an AVX-512 machine.
caps=("" "ATEN_CPU_CAPABILITY=avx2" "ATEN_CPU_CAPABILITY=default"
  "ONEDNN_MAX_CPU_ISA=AVX512_CORE" "ONEDNN_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=avx2"
  "ONEDNN_MAX_CPU_ISA=AVX ATEN_CPU_CAPABILITY=default"
  "ONEDNN_MAX_CPU_ISA=SSE41 ATEN_CPU_CAPABILITY=default")
printf '%-8s %-52s %-7s %-13s %-13s %s\n' engine caps top-1 top1_sha256 logits_sha256 seconds
for engine in qnnpack onednn; do
  for cap in "${caps[@]}"; do
    env $cap "$build/muxsim" predict --model "$model" --images "$val/images" \
      --labels "$val/labels.csv" --resize 0 --qengine "$engine" --out "$work/p.csv" 2>"$work/err"
    top1=$(tail -n +2 "$work/p.csv" | cut -d, -f2 | sha256sum | cut -c1-12)
    acc=$(awk -F, 'NR > 1 { n++; c += $5 } END { printf "%.4f", c / n }' "$work/p.csv")
    logits=$(sed -n 's/^logits sha256 //p' "$work/err" | cut -c1-12)
    secs=$(sed -n 's/.*top-1 [0-9.]*, \([0-9.]*\) s .*/\1/p' "$work/err")
    printf '%-8s %-52s %-7s %-13s %-13s %s\n' "$engine" "${cap:-none}" "$acc" "$top1" "$logits" "$secs"
  done
done
# Speed: one-image forward passes, median of 200 after 20 warm-up, 2 threads.
for engine in qnnpack onednn; do
  "$build/muxsim" profile --torchscript "mobilenet_v2_quantized=$model" --qengine "$engine" \
    --runs 200 --warmup 20 --out "$work/$engine.csv" >/dev/null 2>&1
done
awk -F, 'FNR == 2 { ms[FILENAME ~ /qnnpack/ ? "q" : "o"] = $4 }
  END { printf "one image, median of 200: qnnpack %.3f ms, onednn %.3f ms, qnnpack/onednn %.2f\n",
        ms["q"], ms["o"], ms["q"] / ms["o"] }' "$work/qnnpack.csv" "$work/onednn.csv"
