#!/usr/bin/env bash
# Do the Fashion-MNIST float kernels give the same bits under other ISAs? (docs/
# reproducibility.md). Under each cap of ATen's and oneDNN's vector kernels:
#   * `zoo eval` of the committed weights against the committed trace (mismatches);
#   * a short seeded retrain (zoo train --limit 4000 --epochs 1, mux train --limit 1000
#     --epochs 1) and a digest of its weights and trace, against the uncapped run.
# usage: bench/fmnist_isa.sh [BUILD_DIR]    (about 3 minutes on 2 cores)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
muxsim=$(cd "${1:-$src/build}" && pwd)/muxsim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$src/scripts/machine.sh"
caps=("" "ATEN_CPU_CAPABILITY=avx2" "ATEN_CPU_CAPABILITY=default"
  "ONEDNN_MAX_CPU_ISA=AVX2 ATEN_CPU_CAPABILITY=avx2"
  "ONEDNN_MAX_CPU_ISA=SSE41 ATEN_CPU_CAPABILITY=default")
printf '%-52s %-11s %-13s %-13s %s\n' caps eval_mismat zoo_weights trace preds_changed
for i in "${!caps[@]}"; do
  cap=${caps[$i]}
  mismatched=$(env $cap "$muxsim" zoo eval --zoo "$src/models/fmnist" \
    --trace "$src/traces/fmnist-test.csv" | awk -F, 'NR > 1 { m += $3 } END { print m }')
  env $cap "$muxsim" zoo train --limit 4000 --epochs 1 --out "$work/zoo$i" --quiet 2>/dev/null
  env $cap "$muxsim" mux train --zoo "$work/zoo$i" --limit 1000 --epochs 1 --out "$work/mux$i" \
    --quiet 2>/dev/null
  weights=$(cat "$work/zoo$i"/zoo-*.pt | sha256sum | cut -c1-12)
  trace=$(sha256sum <"$work/mux$i/trace.csv" | cut -c1-12)
  changed=$(/usr/bin/python3 - "$work/mux0/trace.csv" "$work/mux$i/trace.csv" <<'PY'
import sys, pandas as pd
a, b = (pd.read_csv(f) for f in sys.argv[1:])
cols = [c for c in a.columns if c.startswith("pred_")]
print(f"{sum((a[c] != b[c]).sum() for c in cols)} of {len(a) * len(cols)}")
PY
  )
  printf '%-52s %-11s %-13s %-13s %s\n' "${cap:-none}" "$mismatched" "$weights" "$trace" "$changed"
done
