#!/usr/bin/env bash
# Distilled early heads on the 1,300 shared ImageNet images (docs/imagenet.md, "Distilled
# early heads"): the trace of scripts/imagenet-1300.sh rebuilt with VIEWS label-free views
# per image, its early_<model> columns from the distilled MLP at block 11 (the deepest cut
# under 60 % of MobileNetV2's MACs), then the imagenet-1300 scenario on it. Everything goes
# under BUILD_DIR/imagenet-distill. About 50 minutes on 2 cores (AMD EPYC): one pass of the
# quantized model per view.
# usage: scripts/imagenet-distill.sh [BUILD_DIR] [SHARED_DATA_DIR] [VIEWS]   (VIEWS default 32)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
data=${2:-${MUXSIM_SHARED_DATA:-$root/../shared/data}}
views=${3:-32}
if [[ ! -d $data/imagenet-val-1300 || ! -d $data/imagenet-x ]]; then
  echo "skip: no shared data at $data (docs/imagenet.md): set MUXSIM_SHARED_DATA to that folder"
  exit 0
fi
muxsim=$build/muxsim
out=$build/imagenet-distill
val=$data/imagenet-val-1300
x=$data/imagenet-x
mkdir -p "$out"
[[ -s $build/imagenet-1300/mobilenet_v2.csv ]] ||
  "$muxsim" predict --model "$data/imagenet-models/mobilenet_v2_quantized.pt" \
    --images "$val/images" --labels "$val/labels.csv" --resize 0 \
    --out "$build/imagenet-1300/mobilenet_v2.csv"
"$muxsim" trace --labels "$val/labels.csv" --images "$val/images" \
  --model mobilenet_v2="$build/imagenet-1300/mobilenet_v2.csv" --model resnet50="$x/ResNet50.csv" \
  --model vit="$x/ViT.csv" --model dino="$x/DINO.csv" --model simclr="$x/SimCLR.csv" \
  --truth "$x/filename_label.csv" --out "$out" \
  --prefix-model "$data/imagenet-models/mobilenet_v2_quantized.pt" --resize 0 --early-block 11 \
  --views "$views" --early-scores distilled-mlp-softmax
"$muxsim" run "$root/scenarios/imagenet-1300.ini" --trace "$out/trace.csv" --out "$out" \
  --jobs "$(nproc)" --set devices.early_head=mux-distilled-mlp-k11
