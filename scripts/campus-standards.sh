#!/usr/bin/env bash
# Runs scenarios/campus-wifi6.ini (the campus walk under 802.11g, n, ac and ax) with its
# request log into OUT (default build/campus-wifi6) and draws where offloading pays,
# standard by standard, into OUT/figures/standards.png (analysis/plot_standards.py), whose
# lines it prints. Options after BUILD_DIR go to muxsim run (e.g. --set requests=3000
# --set seeds=1 for a quick look).
# usage: scripts/campus-standards.sh [OUT_DIR] [BUILD_DIR] [muxsim run options]   ($MUXSIM: the binary)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$src/build/campus-wifi6}
muxsim=${MUXSIM:-${2:-$src/build}/muxsim}
shift $(($# < 2 ? $# : 2))
"$muxsim" run "$src/scenarios/campus-wifi6.ini" --out "$out" --requests "$out/requests.csv.gz" \
  --jobs "$(nproc)" "$@"
/usr/bin/python3 "$src/analysis/plot_standards.py" "$out" --out "$out/figures"
