#!/usr/bin/env bash
# Message times, not just saturated goodput (docs/wifi-validation.md): 24 802.11g cells of
# 1, 2, 5, 10, 20 and 40 stations, all at 54 Mbit/s or cycling 54, 24, 12, 6, each station
# in a closed loop: upload UPLOAD bytes over TCP to a wired server 0.1 ms behind the access
# point, a 250-byte reply, 100 ms between the reply and the next upload; UPLOAD is 28,624
# bytes (a JPEG of the shared ImageNet images) or 1 MB. For each cell it prints the mean and
# p95 upload time in ns-3 and in muxsim's simulation of the same cell (wifi_standard =
# 802.11g, cloud-only, its 11.8 ms of server time taken out of the think time), and both with
# the rates taken as goodput (none).
# usage: validation/ns3/messages.sh [--ns3]   (--ns3: rerun ns-3 and rewrite
#        ns3-messages.csv; otherwise the committed ns-3 side is read). Prints a Markdown table.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../..
muxsim=${MUXSIM:-$src/build/muxsim}
committed=$here/ns3-messages.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# rates N MIX: N stations' rates, all 54 or cycling 54, 24, 12, 6.
rates() {
  local out="" cycle=(54 24 12 6)
  for ((i = 0; i < $1; ++i)); do
    [[ $2 == equal ]] && out+=",54" || out+=",${cycle[i % 4]}"
  done
  echo "${out#,}"
}
cells=()
for upload in 28624 1000000; do
  for mix in equal mixed; do
    for n in 1 2 5 10 20 40; do cells+=("$n $mix $upload"); done
  done
done
if [[ ${1:-} == --ns3 ]]; then
  wifi_cell=$("$here/build.sh")
  echo "stations,mix,upload_bytes,messages,upload_ms_mean,upload_ms_p95" >"$work/ns3.csv"
  for cell in "${cells[@]}"; do
    read -r n mix upload <<<"$cell"
    seconds=$([[ $upload == 28624 ]] && echo 12 || echo 40)
    "$wifi_cell" --rates="$(rates "$n" "$mix")" --upload="$upload" --download=250 --think-ms=100 \
      --seconds="$seconds" --warmup=2 --out="$work/cell.csv"
    /usr/bin/python3 - "$work/cell.csv" "$n,$mix,$upload" >>"$work/ns3.csv" <<'PY'
import sys
import pandas as pd
d = pd.read_csv(sys.argv[1])
up = (d.uploaded_s - d.start_s) * 1e3
print(f"{sys.argv[2]},{len(d)},{up.mean():.3f},{up.quantile(0.95):.3f}")
PY
    echo "ns-3: $cell done" >&2
  done
  cp "$work/ns3.csv" "$committed"
fi
# muxsim's side: the same cells, simulated, 12 messages per station (4 of 1 MB).
echo "stations,mix,upload_bytes,standard,upload_ms_mean,upload_ms_p95" >"$work/muxsim.csv"
for cell in "${cells[@]}"; do
  read -r n mix upload <<<"$cell"
  per=$([[ $upload == 28624 ]] && echo 12 || echo 4)
  for std in 802.11g none; do
    ini=$work/$n-$mix-$upload-$std.ini
    sed -e "s#\.\./models/#$src/models/#g" -e "s/^policies = .*/policies = cloud-only/" \
      -e "s/^wifi_standard = .*/wifi_standard = $std/" \
      -e "s/^bandwidth_mbps = .*/phone_rates_mbps = $(rates "$n" "$mix")/" \
      -e "s/^upload_bytes = .*/upload_bytes = $upload/" -e "s/^download_bytes = .*/download_bytes = 250/" \
      -e "s/^wan_latency_ms = .*/wan_latency_ms = 0.1/" \
      -e "s/^phones = .*/phones = $n\nthink_ms = 88.2/" "$src/scenarios/paper-table1.ini" >"$ini"
    sed -i "1i modes = simulated\nrequests = $((n * per))" "$ini"
    "$muxsim" run "$ini" --out "$work/out" --requests "$work/req.csv.gz" --quiet 2>/dev/null
    /usr/bin/python3 - "$work/req.csv.gz" "$n,$mix,$upload,$std" >>"$work/muxsim.csv" <<'PY'
import sys
import pandas as pd
r = pd.read_csv(sys.argv[1])
print(f"{sys.argv[2]},{r.upload_ms.mean():.3f},{r.upload_ms.quantile(0.95):.3f}")
PY
  done
done
/usr/bin/python3 - "$committed" "$work/muxsim.csv" <<'PY'
import sys
import pandas as pd
ns3, mux = pd.read_csv(sys.argv[1]), pd.read_csv(sys.argv[2])
key = ["stations", "mix", "upload_bytes"]
g = mux[mux.standard == "802.11g"].merge(ns3, on=key, suffixes=("", "_ns3"))
n = mux[mux.standard == "none"].set_index(key)
print("| stations | rates | upload | ns-3 mean / p95 (ms) | muxsim 802.11g | ratio of means | muxsim, rates as goodput | ratio of means |")
print("|---|---|---|---|---|---|---|---|")
for _, r in g.iterrows():
    flat = n.loc[(r.stations, r.mix, r.upload_bytes)]
    size = "28.6 KB" if r.upload_bytes < 1e5 else "1 MB"
    rates = "54" if r.mix == "equal" else "54, 24, 12, 6"
    print(f"| {r.stations} | {rates} | {size} | {r.upload_ms_mean_ns3:.1f} / {r.upload_ms_p95_ns3:.1f} | "
          f"{r.upload_ms_mean:.1f} / {r.upload_ms_p95:.1f} | {r.upload_ms_mean / r.upload_ms_mean_ns3:.2f} | "
          f"{flat.upload_ms_mean:.1f} / {flat.upload_ms_p95:.1f} | {flat.upload_ms_mean / r.upload_ms_mean_ns3:.2f} |")
PY
