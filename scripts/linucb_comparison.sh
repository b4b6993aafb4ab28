#!/usr/bin/env bash
# python/examples/linucb.py (an external policy) beside the built-in hybrid, network-aware
# and autoscale on bandwidth-sweep, wifi-walk, campus and fading-cell, every run point of
# each in both modes (about a minute on 2 cores); then analysis/compare_policies.py's table
# (README, "Policies written in Python").
# usage: scripts/linucb_comparison.sh [OUT]   (default out/linucb)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-out/linucb}
muxsim=${MUXSIM:-$src/build/muxsim}
folders=()
for scenario in bandwidth-sweep wifi-walk campus fading-cell; do
  "$muxsim" run "$src/scenarios/$scenario.ini" --out "$out/$scenario" --jobs 2 \
    --requests "$out/$scenario/requests.csv.gz" \
    --set policy.policies=hybrid,network-aware,autoscale,external \
    --set "policy.external_command=/usr/bin/python3 $src/python/examples/linucb.py"
  folders+=("$out/$scenario")
done
/usr/bin/python3 "$src/analysis/compare_policies.py" "${folders[@]}" --csv "$out/comparison.csv" \
  --rename external=linucb.py |
  tee "$out/comparison.md"
