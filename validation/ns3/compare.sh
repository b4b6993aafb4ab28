#!/usr/bin/env bash
# Cell goodput of saturated 802.11g cells: ns-3's packet-level 802.11 (validation/ns3/
# wifi_cell.cc) against muxsim's flow-level cell, with PHY rates taken as goodput (what the
# simulator does today) and through the 802.11 timing model (`muxsim airtime`).
# usage: validation/ns3/compare.sh [--ns3] [fit|heldout]   (--ns3: rerun ns-3 and rewrite
#        ns3-80211g-GRID.csv; otherwise the committed ns-3 side is read). Prints a Markdown
#        table.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
muxsim=${MUXSIM:-$here/../../build/muxsim}
# Each cell: its stations' PHY rates. Every station uploads 100 KB messages back to back
# over one TCP connection to a wired server 0.1 ms behind the access point; 30 s simulated,
# the first 5 s left out (20 TCP flows take seconds to share the air evenly).
# The grid: fit (the cells the contention model was fitted on) or heldout (cells kept out
# of the fit), one cell per line of grid-GRID.txt, its ns-3 side in ns3-80211g-GRID.csv.
rerun=false
[[ ${1:-} == --ns3 ]] && rerun=true && shift
grid=${1:-fit}
[[ -f $here/grid-$grid.txt ]] || { echo "compare.sh: no grid '$grid' (fit or heldout)" >&2; exit 2; }
committed=$here/ns3-80211g-$grid.csv
mapfile -t cells < <(grep -v '^#' "$here/grid-$grid.txt")
if $rerun; then
  wifi_cell=$("$here/build.sh")
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "rates,stations,stations_served,ns3_goodput_mbps" >"$tmp/out.csv"
  for rates in "${cells[@]}"; do
    "$wifi_cell" --rates="$rates" --upload=100000 --seconds=30 --warmup=5 --out="$tmp/cell.csv" \
      --goodput="$tmp/goodput.csv"
    /usr/bin/python3 - "$tmp/goodput.csv" "$rates" >>"$tmp/out.csv" <<'PY'
import sys
import pandas as pd
g = pd.read_csv(sys.argv[1])
# The cell's goodput: every byte the server received after the warm-up, over that time.
rates = sys.argv[2]
print(f'"{rates}",{len(g)},{(g.bytes > 0).sum()},{g.bytes.sum() * 8 / g.seconds[0] / 1e6:.4f}')
PY
    echo "ns-3: $rates done" >&2
  done
  cp "$tmp/out.csv" "$committed"
fi
/usr/bin/python3 - "$committed" "$muxsim" <<'PY'
import subprocess, sys
import pandas as pd
ns3 = pd.read_csv(sys.argv[1])
print("| stations | PHY rates (Mbit/s) | ns-3 | muxsim, rates as goodput | ratio | muxsim, 802.11 model | ratio |")
print("|---|---|---|---|---|---|---|")
for _, r in ns3.iterrows():
    out = subprocess.run([sys.argv[2], "airtime", r.rates], capture_output=True, text=True, check=True).stdout
    cell = [l for l in out.splitlines() if l.startswith("cell,")][0].split(",")
    flat, timed = float(cell[1]), float(cell[3])
    rates = r.rates if len(r.rates) < 30 else r.rates[:27] + "…"
    print(f"| {r.stations} | {rates} | {r.ns3_goodput_mbps:.2f} | {flat:.2f} | {flat / r.ns3_goodput_mbps:.2f} | {timed:.2f} | {timed / r.ns3_goodput_mbps:.2f} |")
PY
