#!/usr/bin/env bash
# Regenerates everything the fmnist scenario commits, from the Debian package
# dataset-fashion-mnist (docs/fashion-mnist.md):
#   models/fmnist/zoo-*.pt, zoo.csv, mux.pt   the contrastive zoo and its multiplexer
#   traces/fmnist-test.csv                    the decision trace of the 10,000 test images
#   models/fmnist-derived.csv                 the zoo's TX2 and 1080Ti profiles (by FLOPs)
# and, under BUILD_DIR/fmnist/, the cartography CSV and the no-contrastive ablation.
# usage: scripts/fmnist.sh [BUILD_DIR] [EPOCHS]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
epochs=${2:-2}
muxsim=$build/muxsim
work=$build/fmnist
mkdir -p "$work"
start=$SECONDS
"$muxsim" zoo train --out "$root/models/fmnist" --cartography "$work/cartography.csv" --epochs "$epochs"
"$muxsim" mux train --zoo "$root/models/fmnist" --out "$work/contrastive"
cp "$work/contrastive/trace.csv" "$root/traces/fmnist-test.csv"
cp "$work/contrastive/mux.pt" "$root/models/fmnist/mux.pt"
"$muxsim" zoo train --no-contrastive --out "$work/ablation-zoo" --epochs "$epochs"
"$muxsim" mux train --zoo "$work/ablation-zoo" --out "$work/ablation"
/usr/bin/python3 "$root/scripts/derive_fmnist_profiles.py" "$root/models/fmnist/zoo.csv" \
  "$root/models/fmnist-derived.csv"
echo "fmnist pipeline: $((SECONDS - start)) s"
/usr/bin/python3 "$root/analysis/compare_ablation.py" "$work/contrastive" "$work/ablation"
