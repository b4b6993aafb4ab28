#!/usr/bin/env bash
# Phones that walk against phones that stand (docs/mobility.md, "Speed"): 10,000 phones in a
# 600 x 600 m area under a 10 x 10 grid of access points 60 m apart (every point in range of
# one), Poisson requests at 0.1 Hz each, cloud-only, simulated for SECONDS of simulated time.
# The same scenario runs with model = static and model = waypoint (pedestrians, 0.5-1.5 m/s,
# pauses up to 60 s); farm-bench pairs them run by run and prints the wall-time ratio
# walking / static. The target (issue 39): at most 1.3.
# usage: bench/walking.sh [SECONDS] [BUILD_DIR] [RUNS]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-60}
build=${2:-$src/build}
runs=${3:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
phones=10000
aps=""
for i in $(seq 0 9); do
  for j in $(seq 0 9); do aps+="${aps:+, }$((30 + 60 * i)):$((30 + 60 * j))"; done
done
cat >"$work/static.ini" <<INI
name = walking-bench
trace = reconstruct:table1
profiles = $src/models/jetson-tx2.csv,$src/models/gtx-1080ti.csv
modes = simulated
requests = $((phones * seconds / 10))
[devices]
phone_device = jetson-tx2
cloud_device = gtx-1080ti
mobile_model = mobilenet_v2
cloud_model = resnext101_32x8d
mux_model = mux-cnn64
[policy]
policies = cloud-only
[network]
wifi_standard = 802.11n
wan_mbps = 100000
[load]
phones = $phones
arrival = poisson
arrival_rate_hz = 0.1
[servers]
gpu_workers = 32
[reconstruct]
target_local_fraction = 0.68
target_hybrid_accuracy = 0.8040
[mobility]
access_points = $aps
area_m = 600 x 600
phone_positions = uniform
INI
sed 's/^phone_positions = uniform/phone_positions = uniform\nmodel = waypoint/' "$work/static.ini" >"$work/walking.ini"
for kind in static walking; do
  "$build/muxsim" run "$work/$kind.ini" --out "$work/$kind" --quiet
  echo "$kind: $(cut -d, -f1-12 "$work/$kind/results.csv" | tail -1)"
done
echo "$phones phones, $seconds simulated s, $(scripts/machine.sh 2>/dev/null || true)"
cd "$src"
farm-bench -n "$runs" --timeout 3600 --vs "$build/muxsim run $work/static.ini --out $work/b --quiet" \
  -- "$build/muxsim" run "$work/walking.ini" --out "$work/a" --quiet
