#!/usr/bin/env bash
# Builds the ImageNet decision trace from the shared data and runs the imagenet-1300
# scenario on it (docs/imagenet.md). Everything goes under BUILD_DIR.
# usage: scripts/imagenet-1300.sh [BUILD_DIR] [SHARED_DATA_DIR]
# Exit status 0 also when the shared data is absent: it prints one skip line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
data=${2:-${MUXSIM_SHARED_DATA:-$root/../shared/data}}
if [[ ! -d $data/imagenet-val-1300 || ! -d $data/imagenet-x ]]; then
  echo "skip: no shared data at $data (the ImageNet validation images, models and per-image predictions of ../shared/data; docs/imagenet.md): set MUXSIM_SHARED_DATA to that folder"
  exit 0
fi
muxsim=$build/muxsim
out=$build/imagenet-1300
val=$data/imagenet-val-1300
x=$data/imagenet-x
mkdir -p "$out"
# The scenario's upload_bytes is the mean size of these JPEGs.
find "$val/images" -name '*.JPEG' -printf '%s\n' |
  awk '{s += $1} END {printf "mean JPEG size: %.0f bytes over %d images\n", s / NR, NR}'
# The images are pre-resized to 227x227: take the centre 224 crop without resizing, the
# recipe of the shared data's reference measurement (78.5 % top-1).
"$muxsim" predict --model "$data/imagenet-models/mobilenet_v2_quantized.pt" \
  --images "$val/images" --labels "$val/labels.csv" --resize 0 --out "$out/mobilenet_v2.csv"
"$muxsim" trace --labels "$val/labels.csv" --images "$val/images" \
  --model mobilenet_v2="$out/mobilenet_v2.csv" --model resnet50="$x/ResNet50.csv" \
  --model vit="$x/ViT.csv" --model dino="$x/DINO.csv" --model simclr="$x/SimCLR.csv" \
  --truth "$x/filename_label.csv" --out "$out" \
  --prefix-model "$data/imagenet-models/mobilenet_v2_quantized.pt" --resize 0 --early-block 11
"$muxsim" run "$root/scenarios/imagenet-1300.ini" --trace "$out/trace.csv" --out "$out" \
  --jobs "$(nproc)"
