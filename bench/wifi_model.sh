#!/usr/bin/env bash
# What the 802.11 model costs the simulator (docs/wifi-validation.md): 10 cells of 100 phones
# sending 200,000 cloud-only requests, simulated at 54 Mbit/s as an 802.11g PHY rate, and at
# the goodput the model gives a lone station at 54 (23.92 Mbit/s, `muxsim airtime 54`) taken
# as goodput (wifi_standard = none): the same traffic, so the difference is the model's
# bookkeeping. The two run in turn, RUNS times each; prints each run's wall seconds and the
# median ratio 802.11g / none. STANDARD and RATE pick another standard and PHY rate (e.g.
# STANDARD=802.11ax RATE=510.4: docs/wifi5-6.md).
# usage: [STANDARD=S RATE=R] bench/wifi_model.sh [RUNS] [BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
runs=${1:-5}
muxsim=${2:-$src/build}/muxsim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
standard=${STANDARD:-802.11g}
phy=${RATE:-54}
goodput=$("$muxsim" airtime "$phy" --standard "$standard" | awk -F, '$1 == 0 {print $3}')
for std in none "$standard"; do
  rate=$phy
  [[ $std == none ]] && rate=$goodput
  sed -e "s#\.\./models/#$src/models/#g" -e "s/^policies = .*/policies = cloud-only/" \
    -e "s/^wifi_standard = .*/wifi_standard = $std/" -e "s/^bandwidth_mbps = .*/bandwidth_mbps = $rate/" \
    -e "s/^phones = .*/phones = 100\ncells = 10\n[servers]\ngpu_workers = 8/" \
    "$src/scenarios/paper-table1.ini" >"$work/$std.ini"
  sed -i "1i modes = simulated\nrequests = 200000" "$work/$std.ini"
done
declare -A secs
ratios=()
for ((i = 1; i <= runs; ++i)); do
  for std in none "$standard"; do
    start=$(date +%s.%N)
    "$muxsim" run "$work/$std.ini" --out "$work/out-$std" --quiet 2>/dev/null
    secs[$i$std]=$(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.3f", b - a }')
  done
  ratios+=("$(awk -v a="${secs[$i$standard]}" -v b="${secs[${i}none]}" 'BEGIN { printf "%.4f", a / b }')")
  echo "run $i: none ${secs[${i}none]} s, $standard ${secs[$i$standard]} s, ratio ${ratios[-1]}"
done
median=$(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }')
echo "median wall-time ratio $standard / none: $median"
