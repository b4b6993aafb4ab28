#!/usr/bin/env bash
# muxsim's LTE uplink against ns-3 3.37's LTE module (docs/lte.md). ns-3's side is committed
# (validation/ns3/lte.sh run reruns it: ns3-lte.csv, one row per UE); this script asks
# `muxsim lte` for the same cells (the UEs' distances, the carrier's resource blocks,
# 1,024-byte UDP payloads) and prints each UE's goodput beside ns-3's, then a summary line.
# usage: validation/ns3/lte-compare.sh   (COMPARE_CSV=FILE: also write the joined table)
# Exit 1 when a UE is off by more than the bar (20 %), or has goodput in one and none in
# the other.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
muxsim=${MUXSIM:-$here/../../build/muxsim}
/usr/bin/python3 - "$here/ns3-lte.csv" "$muxsim" "${COMPARE_CSV:-}" <<'PY'
import io, subprocess, sys
import pandas as pd
ns3 = pd.read_csv(sys.argv[1])
ns3["cell"] = (ns3.ue == 0).cumsum()  # each run's UEs follow each other, from UE 0
rows = []
for (_, grid, rbs, n), cell in ns3.groupby(["cell", "grid", "rbs", "n_ues"], sort=False):
    cell = cell.sort_values("ue")
    distances = ",".join(f"{d:g}" for d in cell.distance_m)
    out = subprocess.run([sys.argv[2], "lte", distances, "--resource-blocks", str(rbs),
                          "--transport", "udp", "--payload", "1024"],
                         capture_output=True, text=True, check=True).stdout
    mux = pd.read_csv(io.StringIO(out))
    mux = mux[mux.phone != "cell"].reset_index(drop=True)
    for (_, r), (_, m) in zip(cell.iterrows(), mux.iterrows()):
        rows.append(dict(grid=grid, rbs=rbs, n_ues=n, ue=r.ue, distance_m=r.distance_m,
                         ns3_mcs=r.mean_mcs, mux_mcs=int(m.mcs), ns3_goodput_mbps=r.goodput_mbps,
                         mux_goodput_mbps=m.goodput_mbps))
g = pd.DataFrame(rows)
g["ratio"] = g.mux_goodput_mbps / g.ns3_goodput_mbps.where(g.ns3_goodput_mbps > 0)
if sys.argv[3]:
    g.to_csv(sys.argv[3], index=False)
print("| grid | RBs | UEs | distance (m) | ns-3 MCS | muxsim MCS | ns-3 (Mbit/s) | muxsim (Mbit/s) | ratio |")
print("|---|---|---|---|---|---|---|---|---|")
for _, r in g.iterrows():
    ns3_mcs = "—" if pd.isna(r.ns3_mcs) else f"{r.ns3_mcs:.0f}"
    mux_mcs = "—" if r.mux_mcs < 0 else str(r.mux_mcs)
    ratio = "—" if pd.isna(r.ratio) else f"{r.ratio:.3f}"
    print(f"| {r.grid} | {r.rbs} | {r.n_ues} | {r.distance_m:g} | {ns3_mcs} | {mux_mcs} | "
          f"{r.ns3_goodput_mbps:.3f} | {r.mux_goodput_mbps:.3f} | {ratio} |")
served = g[g.ns3_goodput_mbps > 0]
# ns-3 counts a window's bytes: a UE a few bytes short of nothing is nothing.
silent = g[(g.ns3_goodput_mbps <= 0.001) != (g.mux_goodput_mbps <= 0.001)]
inside = served.ratio.between(0.8, 1.2)
print(f"\n{inside.sum()} of {len(served)} UEs with goodput in ns-3 within 0.8-1.2 "
      f"(ratios {served.ratio.min():.4f}-{served.ratio.max():.4f}); "
      f"{len(silent)} of {len(g)} UEs with goodput in one and none in the other")
sys.exit(0 if inside.all() and silent.empty else 1)
PY
