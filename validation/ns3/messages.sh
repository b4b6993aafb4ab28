#!/usr/bin/env bash
# Message times, not just saturated goodput (docs/wifi-validation.md): 24 802.11g and 24
# 802.11n cells of 1, 2, 5, 10, 20 and 40 stations, all at the fastest rate (54, or MCS 7's
# 65 with A-MPDU) or cycling 54, 24, 12, 6 (65, 26, 13, 6.5), each station in a closed loop: upload UPLOAD bytes over TCP to a wired server 0.1 ms behind the access
# point, a 250-byte reply, 100 ms between the reply and the next upload; UPLOAD is 28,624
# bytes (a JPEG of the shared ImageNet images) or 1 MB. For each cell it prints the mean and
# p95 upload time in ns-3 and in muxsim's simulation of the same cell (wifi_standard =
# 802.11g or 802.11n, cloud-only, its 11.8 ms of server time taken out of the think time),
# and both with the rates taken as goodput (none).
# usage: validation/ns3/messages.sh [--ns3 [802.11g|802.11n]]   (--ns3: rerun ns-3's cells,
#        all or one standard's, into ns3-messages.csv; otherwise the committed ns-3 side is
#        read). Prints a Markdown table.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../..
muxsim=${MUXSIM:-$src/build/muxsim}
committed=$here/ns3-messages.csv
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# rates STANDARD N MIX: N stations' rates, all the fastest or cycling down to the slowest
# OFDM rate.
rates() {
  local out="" cycle=(54 24 12 6)
  [[ $1 == 802.11n ]] && cycle=(65 26 13 6.5)
  for ((i = 0; i < $2; ++i)); do
    [[ $3 == equal ]] && out+=",${cycle[0]}" || out+=",${cycle[i % 4]}"
  done
  echo "${out#,}"
}
cells=()
for standard in 802.11g 802.11n; do
  for upload in 28624 1000000; do
    for mix in equal mixed; do
      for n in 1 2 5 10 20 40; do cells+=("$standard $n $mix $upload"); done
    done
  done
done
header="standard,stations,mix,upload_bytes,messages,upload_ms_mean,upload_ms_p95"
if [[ ${1:-} == --ns3 ]]; then
  only=${2:-}
  wifi_cell=$("$here/build.sh")
  echo "$header" >"$work/ns3.csv"
  # The cells not rerun keep their committed rows.
  [[ -n $only && -f $committed ]] && grep -v "^$only," "$committed" | tail -n +2 >>"$work/ns3.csv"
  for cell in "${cells[@]}"; do
    read -r standard n mix upload <<<"$cell"
    [[ -n $only && $standard != "$only" ]] && continue
    seconds=$([[ $upload == 28624 ]] && echo 12 || echo 40)
    # 802.11n stations aggregate (A-MPDU), as devices and ns-3 do by default.
    "$wifi_cell" --standard="$standard" --aggregation=true --rates="$(rates "$standard" "$n" "$mix")" \
      --upload="$upload" --download=250 --think-ms=100 --seconds="$seconds" --warmup=2 \
      --out="$work/cell.csv"
    /usr/bin/python3 - "$work/cell.csv" "$standard,$n,$mix,$upload" >>"$work/ns3.csv" <<'PY'
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
echo "standard,stations,mix,upload_bytes,semantics,upload_ms_mean,upload_ms_p95" >"$work/muxsim.csv"
for cell in "${cells[@]}"; do
  read -r standard n mix upload <<<"$cell"
  per=$([[ $upload == 28624 ]] && echo 12 || echo 4)
  for std in "$standard" none; do
    ini=$work/$standard-$n-$mix-$upload-$std.ini
    sed -e "s#\.\./models/#$src/models/#g" -e "s/^policies = .*/policies = cloud-only/" \
      -e "s/^wifi_standard = .*/wifi_standard = $std/" \
      -e "s/^bandwidth_mbps = .*/phone_rates_mbps = $(rates "$standard" "$n" "$mix")/" \
      -e "s/^upload_bytes = .*/upload_bytes = $upload/" -e "s/^download_bytes = .*/download_bytes = 250/" \
      -e "s/^wan_latency_ms = .*/wan_latency_ms = 0.1/" \
      -e "s/^phones = .*/phones = $n\nthink_ms = 88.2/" "$src/scenarios/paper-table1.ini" >"$ini"
    sed -i "1i modes = simulated\nrequests = $((n * per))" "$ini"
    "$muxsim" run "$ini" --out "$work/out" --requests "$work/req.csv.gz" --quiet 2>/dev/null
    /usr/bin/python3 - "$work/req.csv.gz" "$standard,$n,$mix,$upload,$std" >>"$work/muxsim.csv" <<'PY'
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
key = ["standard", "stations", "mix", "upload_bytes"]
g = mux[mux.semantics != "none"].merge(ns3, on=key, suffixes=("", "_ns3"))
n = mux[mux.semantics == "none"].set_index(key)
print("| standard | stations | rates | upload | ns-3 mean / p95 (ms) | muxsim, 802.11 model | ratio of means | muxsim, rates as goodput | ratio of means |")
print("|---|---|---|---|---|---|---|---|---|")
cycles = {"802.11g": ("54", "54, 24, 12, 6"), "802.11n": ("65", "65, 26, 13, 6.5")}
for _, r in g.iterrows():
    flat = n.loc[(r.standard, r.stations, r.mix, r.upload_bytes)]
    size = "28.6 KB" if r.upload_bytes < 1e5 else "1 MB"
    rates = cycles[r.standard][r.mix != "equal"]
    print(f"| {r.standard} | {r.stations} | {rates} | {size} | {r.upload_ms_mean_ns3:.1f} / {r.upload_ms_p95_ns3:.1f} | "
          f"{r.upload_ms_mean:.1f} / {r.upload_ms_p95:.1f} | {r.upload_ms_mean / r.upload_ms_mean_ns3:.2f} | "
          f"{flat.upload_ms_mean:.1f} / {flat.upload_ms_p95:.1f} | {flat.upload_ms_mean / r.upload_ms_mean_ns3:.2f} |")
PY
