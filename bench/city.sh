#!/usr/bin/env bash
# The city (scenarios/city.ini; docs/speed.md): 100,000 phones in 4,000 cells. Runs its first
# MINUTES simulated minutes (default 5) with a per-minute time series, then prints the wall
# time, simulated requests per second, peak RSS, and the whole hour's wall time at that rate,
# against the targets (an hour in 45 minutes and 4 GB on 2 cores); then each minute's load,
# p95 per tier and misses, and draws them. Output in BUILD_DIR/city/.
# usage: bench/city.sh [MINUTES] [BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
minutes=${1:-5}
build=${2:-$src/build}
out=$build/city
rm -rf "$out"
mkdir -p "$out"
ini=$src/scenarios/city.ini
value() { awk -F' *= *' -v k="$1" '$1 == k { print $2 }' "$ini"; }
per_second=$(($(value cells) * $(value phones) * $(value arrival_rate_hz)))
requests=$((per_second * 60 * minutes))
sed -e "s#\.\./models/#$src/models/#g" -e "s/^requests = .*/requests = $requests/" "$ini" >"$out/city.ini"
/usr/bin/time -f "%e %M" -o "$out/time" "$build/muxsim" run "$out/city.ini" --out "$out/results" \
  --timeseries "$out/minutes.csv.gz" --run-timeout 86400
read -r secs rss_kib <"$out/time"
row() { printf '%-52s %14s %14s %8s\n' "$@"; }
calc() { awk "BEGIN { printf \"$1\", $2 }"; }
hour_min=$(calc %.0f "$secs * $(value requests) / $requests / 60")
row workload measured target ratio
row "city, $minutes simulated min ($requests requests): wall s" "$secs" "" ""
row "  simulated requests per second" "$(calc %.0f "$requests / $secs")" "" ""
row "  the hour ($(value requests) requests) at that rate: min" "$hour_min" 45 "$(calc %.2f "45 / $hour_min")"
row "  peak RSS, MiB" "$((rss_kib / 1024))" 4096 "$(calc %.2f "4096 * 1024 / $rss_kib")"
/usr/bin/python3 - "$out/minutes.csv.gz" <<'PY'
import sys
import pandas as pd
m = pd.read_csv(sys.argv[1])
m["miss_%"] = 100 * m.misses / m.requests
cols = ["minute", "requests", "latency_ms_p95", "local_p95_ms", "edge_p95_ms", "cloud_p95_ms", "miss_%"]
print(m[cols].to_string(index=False, float_format=lambda v: f"{v:.2f}"))
PY
/usr/bin/python3 "$src/analysis/plot_timeseries.py" "$out/minutes.csv.gz" "$out/city_minutes.png"
