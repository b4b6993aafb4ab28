#!/usr/bin/env bash
# The external-policy protocol's cost (docs/external-policy.md): decisions per second with
# python/examples/trivial.py (every input local, answered by the muxsim Python package's
# loop), closed form and simulated, beside the built-in mobile-only on the same requests.
# Prints, per mode, each command's median wall time of RUNS runs, the external policy's
# decisions per second, and the cost per decision the protocol adds.
# usage: bench/external.sh [REQUESTS] [RUNS] [BUILD_DIR]   (defaults 200000, 3, build)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
requests=${1:-200000}
runs=${2:-3}
muxsim=${3:-$src/build}/muxsim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$src/scripts/machine.sh" 2>/dev/null | head -1 || true

# Median wall seconds of $runs runs of `muxsim run paper-table1` with the given settings.
median_seconds() {
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$muxsim" run "$src/scenarios/paper-table1.ini" --out "$work/out" --quiet \
      --set "requests=$requests" "$@" >/dev/null
    end=$(date +%s.%N)
    times+=("$(awk -v s="$start" -v e="$end" 'BEGIN { print e - s }')")
  done
  printf '%s\n' "${times[@]}" | sort -g | awk '{ t[NR] = $1 } END { print t[int((NR + 1) / 2)] }'
}

printf '%-12s %10s %12s %12s %14s %16s\n' mode requests builtin_s external_s decisions_per_s \
  us_per_decision
for mode in closed-form simulated; do
  builtin=$(median_seconds --set "modes=$mode" --set policy.policies=mobile-only)
  external=$(median_seconds --set "modes=$mode" --set policy.policies=external \
    --set "policy.external_command=/usr/bin/python3 $src/python/examples/trivial.py")
  awk -v m="$mode" -v n="$requests" -v b="$builtin" -v e="$external" 'BEGIN {
    printf "%-12s %10d %12.2f %12.2f %14.0f %16.1f\n", m, n, b, e, n / e, (e - b) / n * 1e6 }'
done
