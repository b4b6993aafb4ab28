#!/usr/bin/env bash
# Cell goodput of saturated 802.11 cells: ns-3's packet-level 802.11 (validation/ns3/
# wifi_cell.cc) against muxsim's flow-level cell, with PHY rates taken as goodput (what the
# simulator did before wifi_standard) and through the 802.11 timing model (`muxsim airtime`).
# usage: validation/ns3/compare.sh [--ns3] [fit|heldout|80211n]   (--ns3: rerun ns-3 and
#        rewrite ns3-GRID.csv; otherwise the committed ns-3 side is read). Prints a Markdown
#        table.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
muxsim=${MUXSIM:-$here/../../build/muxsim}
# Each cell: its stations' PHY rates. Every station uploads 100 KB messages back to back
# over one TCP connection to a wired server 0.1 ms behind the access point; 30 s simulated,
# the first 5 s left out (20 TCP flows take seconds to share the air evenly).
# The grid, one cell per line of grid-GRID.txt, its ns-3 side in ns3-GRID.csv:
#  * fit: the 802.11g cells the contention model was fitted on;
#  * heldout: 802.11g cells kept out of the fit, to check it;
#  * 80211n: 802.11n cells, each line "on" or "off" (A-MPDU aggregation) and the rates.
rerun=false
[[ ${1:-} == --ns3 ]] && rerun=true && shift
grid=${1:-fit}
[[ -f $here/grid-$grid.txt ]] || {
  echo "compare.sh: no grid '$grid' (fit, heldout or 80211n)" >&2
  exit 2
}
committed=$here/ns3-$grid.csv
# Every cell as "standard aggregation rates".
if [[ $grid == 80211n ]]; then
  mapfile -t cells < <(grep -v '^#' "$here/grid-$grid.txt" | sed 's/^on /802.11n true /; s/^off /802.11n false /')
else
  mapfile -t cells < <(grep -v '^#' "$here/grid-$grid.txt" | sed 's/^/802.11g false /')
fi
if $rerun; then
  wifi_cell=$("$here/build.sh")
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
  echo "standard,aggregation,rates,stations,stations_served,ns3_goodput_mbps" >"$tmp/out.csv"
  for cell in "${cells[@]}"; do
    read -r standard aggregation rates <<<"$cell"
    "$wifi_cell" --standard="$standard" --aggregation="$aggregation" --rates="$rates" \
      --upload=100000 --seconds=30 --warmup=5 --out="$tmp/cell.csv" --goodput="$tmp/goodput.csv"
    /usr/bin/python3 - "$tmp/goodput.csv" "$standard,$aggregation" "$rates" >>"$tmp/out.csv" <<'PY'
import sys
import pandas as pd
g = pd.read_csv(sys.argv[1])
# The cell's goodput: every byte the server received after the warm-up, over that time.
print(f'{sys.argv[2]},"{sys.argv[3]}",{len(g)},{(g.bytes > 0).sum()},{g.bytes.sum() * 8 / g.seconds[0] / 1e6:.4f}')
PY
    echo "ns-3: $cell done" >&2
  done
  cp "$tmp/out.csv" "$committed"
fi
/usr/bin/python3 - "$committed" "$muxsim" <<'PY'
import subprocess, sys
import pandas as pd
ns3 = pd.read_csv(sys.argv[1], dtype={"rates": str})
print("| standard | stations | PHY rates (Mbit/s) | ns-3 | muxsim, rates as goodput | ratio | muxsim, 802.11 model | ratio |")
print("|---|---|---|---|---|---|---|---|")
for _, r in ns3.iterrows():
    args = [sys.argv[2], "airtime", r.rates, "--standard", r.standard, "--aggregation", str(r.aggregation).lower()]
    out = subprocess.run(args, capture_output=True, text=True, check=True).stdout
    cell = [l for l in out.splitlines() if l.startswith("cell,")][0].split(",")
    flat, timed = float(cell[1]), float(cell[3])
    rates = r.rates if len(r.rates) < 30 else r.rates[:27] + "…"
    std = r.standard + (" A-MPDU" if r.aggregation else "")
    print(f"| {std} | {r.stations} | {rates} | {r.ns3_goodput_mbps:.2f} | {flat:.2f} | {flat / r.ns3_goodput_mbps:.2f} | {timed:.2f} | {timed / r.ns3_goodput_mbps:.2f} |")
PY
