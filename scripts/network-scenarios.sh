#!/usr/bin/env bash
# Runs every network and load scenario (docs/network-scenarios.md) and writes
# OUT/results.csv (default build/network-scenarios). wifi-walk reads the real trace from
# ../shared/data (or $MUXSIM_SHARED_DATA) and is skipped, with a line saying so, without it.
# usage: scripts/network-scenarios.sh [OUT_DIR] [BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$src/build/network-scenarios}
muxsim=${2:-$src/build}/muxsim
scenarios=(bandwidth-sweep load-sweep load-sweep-batching fading-cell campus campus-walk)
data=${MUXSIM_SHARED_DATA:-$src/../shared/data}
[[ $data == /* ]] || data=$PWD/$data # the scenario below is rewritten into another folder
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
walk=$data/bandwidth/wifi-walk/7_1_wifi.csv
if [[ -f $walk ]]; then
  sed "s#^channel_trace = .*#channel_trace = $walk#; s#\.\./models/#$src/models/#g" \
    "$src/scenarios/wifi-walk.ini" >"$work/wifi-walk.ini"
  extra=("$work/wifi-walk.ini")
else
  echo "skip wifi-walk: no shared data at $data (its measured Wi-Fi traces): set MUXSIM_SHARED_DATA to that folder" >&2
  extra=()
fi
"$muxsim" run $(printf "$src/scenarios/%s.ini " "${scenarios[@]}") "${extra[@]}" --out "$out" --jobs "$(nproc)"
