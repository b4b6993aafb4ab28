#!/usr/bin/env bash
# Runs scenarios/campus-walk.ini with its request log into OUT (default build/campus-walk)
# and draws its three mobility figures into OUT/figures (analysis/plot_mobility.py): the
# map of access points and walks, one phone's rate and handovers over time, and latency
# against distance to the access point. Then prints the summary table. Options after
# BUILD_DIR go to muxsim run (e.g. --set requests=3000 --set seeds=1 for a quick look).
# usage: scripts/campus-walk.sh [OUT_DIR] [BUILD_DIR] [muxsim run options]   ($MUXSIM: the binary)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$src/build/campus-walk}
muxsim=${MUXSIM:-${2:-$src/build}/muxsim}
shift $(($# < 2 ? $# : 2))
ini=$src/scenarios/campus-walk.ini
"$muxsim" run "$ini" --out "$out" --requests "$out/requests.csv.gz" --jobs "$(nproc)" "$@"
/usr/bin/python3 "$src/analysis/plot_mobility.py" "$ini" "$out" --out "$out/figures" --muxsim "$muxsim"
"$muxsim" report "$out/results.csv" --summary
