#!/usr/bin/env bash
# DIMEC-DC end to end on Fashion-MNIST (docs/seed-policies.md): retrains the zoo once to
# record its cartography (the weights come out byte-identical to models/fmnist/ on this
# machine), places the test inputs with muxsim zoo dimec for each mu, and runs
# scenarios/fmnist-dimec.ini on the placement of mu = 0.01 (the one within 0.5 points of
# all-cloud accuracy, as the paper reports). Everything goes under
# BUILD_DIR/fmnist-dimec/; the run reads that folder's trace (--trace), whatever BUILD_DIR is.
# Needs muxsim-learn (LibTorch) beside BUILD_DIR/muxsim; the retraining takes about 10 minutes.
# usage: scripts/dimec.sh [BUILD_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build}" && pwd)
muxsim=$build/muxsim
out=$build/fmnist-dimec
mkdir -p "$out/zoo"
if [[ ! -f $out/zoo/cartography.csv ]]; then
  "$muxsim" zoo train --out "$out/zoo" --cartography "$out/zoo/cartography.csv.part" --epochs 2
  mv "$out/zoo/cartography.csv.part" "$out/zoo/cartography.csv"
fi
for f in "$root"/models/fmnist/zoo*; do
  cmp -s "$f" "$out/zoo/$(basename "$f")" || echo "note: $(basename "$f") differs from the committed weights" >&2
done
for mu in 0.01 0.03 0.1 0.3 1; do
  "$muxsim" zoo dimec --zoo "$root/models/fmnist" --cartography "$out/zoo/cartography.csv" \
    --trace "$root/traces/fmnist-test.csv" --out "$out/mu-$mu" --mu "$mu" --quiet
  sed -n '3p' "$out/mu-$mu/dimec_report.csv"
done
cp "$out/mu-0.01/trace.csv" "$out/trace.csv"
"$muxsim" run "$root/scenarios/fmnist-dimec.ini" --trace "$out/trace.csv" --out "$out" \
  --jobs "$(nproc)"
