#!/usr/bin/env bash
# Simulation speed: simulated requests per wall-clock second for cloud-only offloading on
# the Table I pair as the cell grows, one run at a time. Prints one line per size.
# usage: bench/sim_speed.sh [BUILD_DIR]   (peer-simulator comparison: a later issue)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
muxsim=${1:-$src/build}/muxsim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
printf '%-8s %-10s %-10s %s\n' phones requests seconds requests_per_s
for phones in 1 10 100; do
  sed -e "s#\.\./models/#$src/models/#g" -e 's/^policies = .*/policies = cloud-only/' \
    -e "s/^phones = .*/phones = $phones\n[servers]\ngpu_workers = 8/" \
    "$src/scenarios/paper-table1.ini" >"$work/s.ini"
  sed -i '1i modes = simulated\nrequests = 100000' "$work/s.ini"
  start=$(date +%s.%N)
  "$muxsim" run "$work/s.ini" --out "$work/out" --quiet 2>/dev/null
  end=$(date +%s.%N)
  awk -v p="$phones" -v s="$start" -v e="$end" 'BEGIN { t = e - s; printf "%-8d %-10d %-10.2f %.0f\n", p, 100000, t, 100000 / t }'
done
