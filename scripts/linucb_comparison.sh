#!/usr/bin/env bash
# python/examples/linucb.py (an external policy) beside the built-in hybrid, network-aware
# and autoscale on bandwidth-sweep, wifi-walk, campus and fading-cell, every run point of
# each in both modes (about a minute on 2 cores); then analysis/compare_policies.py's table
# (README, "Policies written in Python"). wifi-walk reads its measured Wi-Fi trace from
# $MUXSIM_SHARED_DATA (default ../shared/data beside the clone; docs/data.md) and is skipped,
# with a line saying so, without it.
# usage: scripts/linucb_comparison.sh [OUT]   (default out/linucb; MUXSIM: the binary)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-out/linucb}
muxsim=${MUXSIM:-$src/build/muxsim}
data=${MUXSIM_SHARED_DATA:-$src/../shared/data}
[[ $data == /* ]] || data=$PWD/$data # a path set with --set is relative to the scenario file
walk=$data/bandwidth/wifi-walk/7_1_wifi.csv
folders=()
for scenario in bandwidth-sweep wifi-walk campus fading-cell; do
  extra=()
  if [[ $scenario == wifi-walk ]]; then
    if [[ ! -f $walk ]]; then
      echo "skip wifi-walk: no shared data at $data (its measured Wi-Fi trace): set MUXSIM_SHARED_DATA to that folder" >&2
      continue
    fi
    extra=(--set "network.channel_trace=$walk")
  fi
  "$muxsim" run "$src/scenarios/$scenario.ini" --out "$out/$scenario" --jobs 2 \
    --requests "$out/$scenario/requests.csv.gz" "${extra[@]}" \
    --set policy.policies=hybrid,network-aware,autoscale,external \
    --set "policy.external_command=/usr/bin/python3 $src/python/examples/linucb.py"
  folders+=("$out/$scenario")
done
/usr/bin/python3 "$src/analysis/compare_policies.py" "${folders[@]}" --csv "$out/comparison.csv" \
  --rename external=linucb.py |
  tee "$out/comparison.md"
