#!/usr/bin/env bash
# The chunk size's effect on accuracy and speed: one phone uploads real JPEG-sized requests
# (cloud-only, closed loop) over a Wi-Fi rate that follows a trace, with chunks from 4 KiB
# to 1 MiB. Prints the mean upload time (ms), its gap to the finest chunking, and the
# wall-clock time of the run. Uses the real wifi-walk trace when ../shared/data is there,
# else traces/bandwidth/step-fade.tsv.
# usage: bench/chunk_size.sh [BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
muxsim=${1:-$src/build}/muxsim
data=${MUXSIM_SHARED_DATA:-$src/../shared/data}
[[ $data == /* ]] || data=$PWD/$data # the scenario is written elsewhere
trace=$data/bandwidth/wifi-walk/7_1_wifi.csv
unit=bytes_per_second # wifi-walk's traces have no header
[[ -f $trace ]] || { trace=$src/traces/bandwidth/step-fade.tsv && unit=from-file; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
echo "trace: $trace"
printf '%-10s %-14s %-14s %s\n' chunk_bytes upload_ms_mean gap_to_4KiB wall_s
finest=""
for chunk in 4096 16384 65536 262144 1048576; do
  cat >"$work/s.ini" <<INI
name = chunk-$chunk
trace = reconstruct:table1
profiles = $src/models/jetson-tx2.csv,$src/models/gtx-1080ti.csv
modes = simulated
requests = 5000
[devices]
phone_device = jetson-tx2
cloud_device = gtx-1080ti
mobile_model = mobilenet_v2
cloud_model = resnext101_32x8d
[policy]
policies = cloud-only
[network]
channel = trace
channel_trace = $trace
trace_unit = $unit
chunk_bytes = $chunk
upload_bytes = 28624
download_bytes = 250
wan_latency_ms = 10
[load]
think_ms = 20
[reconstruct]
target_mobile_accuracy = 0.7188
target_cloud_accuracy = 0.7939
target_local_fraction = 0.68
target_hybrid_accuracy = 0.8040
INI
  start=$(date +%s.%N)
  "$muxsim" run "$work/s.ini" --out "$work/out" --quiet 2>/dev/null
  end=$(date +%s.%N)
  upload=$(/usr/bin/python3 -c "import pandas as pd; print(pd.read_csv('$work/out/results.csv').upload_ms_mean[0])")
  finest=${finest:-$upload}
  awk -v c="$chunk" -v u="$upload" -v f="$finest" -v s="$start" -v e="$end" \
    'BEGIN { printf "%-10d %-14.3f %-14s %.2f\n", c, u, sprintf("%+.2f%%", 100 * (u - f) / f), e - s }'
done
