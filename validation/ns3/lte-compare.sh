#!/usr/bin/env bash
# muxsim's LTE uplink against ns-3 3.37's LTE module (docs/lte.md). ns-3's side is committed
# (validation/ns3/lte.sh run reruns it: ns3-lte.csv, one row per UE).
#   rates (default)  asks `muxsim lte` for every cell (the UEs' distances, the carrier's
#                    resource blocks, 1,024-byte UDP payloads): each UE's goodput beside
#                    ns-3's; exit 1 when a UE is off by more than 20 %, or has goodput in one
#                    and none in the other.
#   run              simulates the cells of several UEs in `muxsim run` (link = lte, one eNodeB
#                    at 0:0, the phones at ns-3's positions, cloud-only 2 MB uploads back to
#                    back, 12 a phone): each phone's goodput is its bytes over its uploads'
#                    time less the grant and the WAN's 1 ms, counting the uploads that end
#                    while every phone still has requests (full buffer, as in ns-3); exit 1 unless 80 % of the phones are within
#                    0.8-1.2 of ns-3's and every cell's total within 0.85-1.15.
# usage: validation/ns3/lte-compare.sh [rates|run]   (COMPARE_CSV=FILE: also write the
#        joined table)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
muxsim=${MUXSIM:-$here/../../build/muxsim}
what=${1:-rates}
case $what in rates | run) ;; *)
  echo "lte-compare.sh: rates or run, not '$what'" >&2
  exit 2
  ;;
esac
if [[ $what == run ]]; then
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  /usr/bin/python3 - "$here/ns3-lte.csv" "$muxsim" "$here/../../models" "$work" "${COMPARE_CSV:-}" <<'PY'
import math, subprocess, sys
import pandas as pd
ns3_csv, muxsim, models, work, out_csv = sys.argv[1:]
ns3 = pd.read_csv(ns3_csv)
ns3["cell"] = (ns3.ue == 0).cumsum()
upload, grant, wan = 2_000_000, 11.5, 1.0
rows = []
for (c, grid, rbs, n), cell in ns3.groupby(["cell", "grid", "rbs", "n_ues"], sort=False):
    if n < 2 or (cell.goodput_mbps <= 0).any():
        continue
    cell = cell.sort_values("ue")
    # ns-3's UEs stand at angles 2 pi i / N; any angles give the same distances.
    where = ", ".join(f"{d * math.cos(2 * math.pi * i / n):.3f}:{d * math.sin(2 * math.pi * i / n):.3f}"
                      for i, d in enumerate(cell.distance_m))
    ini = f"{work}/cell.ini"
    with open(ini, "w") as f:
        f.write(f"""trace = reconstruct:table1
profiles = {models}/jetson-tx2.csv,{models}/gtx-1080ti.csv
requests = {12 * n}
modes = simulated
[devices]
phone_device = jetson-tx2
cloud_device = gtx-1080ti
mobile_model = mobilenet_v2
cloud_model = resnext101_32x8d
mux_model = mux-table1
[policy]
policies = cloud-only
[network]
link = lte
lte_resource_blocks = {rbs}
lte_grant_ms = {grant}
upload_bytes = {upload}
download_bytes = 0
wan_latency_ms = {wan}
[mobility]
access_points = 0:0
phone_positions = {where}
[servers]
gpu_workers = 64
[reconstruct]
target_mobile_accuracy = 0.7188
target_cloud_accuracy = 0.7939
target_local_fraction = 0.68
target_hybrid_accuracy = 0.8040
""")
    subprocess.run([muxsim, "run", ini, "--out", f"{work}/out", "--requests", f"{work}/req.csv.gz",
                    "--quiet"], check=True, capture_output=True)
    req = pd.read_csv(f"{work}/req.csv.gz")
    # Full buffer, as in ns-3: only uploads that end while every phone still has requests
    # (the near phones run out first, and the far ones would then have the cell to themselves).
    req["end_s"] = req.start_s + req.upload_ms / 1e3
    req = req[req.end_s <= req.groupby("phone").start_s.max().min()]
    moving = req.groupby("phone").upload_ms.apply(lambda ms: (ms - grant - wan).sum())
    count = req.groupby("phone").upload_ms.size()
    for (_, r) in cell.iterrows():
        mux = upload * 8 * count[r.ue] / (moving[r.ue] * 1e3)
        rows.append(dict(grid=grid, rbs=rbs, n_ues=n, cell=c, ue=r.ue, distance_m=r.distance_m,
                         ns3_goodput_mbps=r.goodput_mbps, mux_goodput_mbps=mux))
g = pd.DataFrame(rows)
g["ratio"] = g.mux_goodput_mbps / g.ns3_goodput_mbps
if out_csv:
    g.to_csv(out_csv, index=False)
cells = g.groupby(["cell", "grid", "rbs", "n_ues"], sort=False)[["ns3_goodput_mbps", "mux_goodput_mbps"]].sum()
cells["ratio"] = cells.mux_goodput_mbps / cells.ns3_goodput_mbps
print("| RBs | UEs | ns-3 cell (Mbit/s) | muxsim cell (Mbit/s) | ratio | UEs' ratios |")
print("|---|---|---|---|---|---|")
for (c, grid, rbs, n), r in cells.iterrows():
    ues = g[g.cell == c].ratio
    print(f"| {rbs} | {n} | {r.ns3_goodput_mbps:.3f} | {r.mux_goodput_mbps:.3f} | {r.ratio:.3f} | "
          f"{ues.min():.3f}-{ues.max():.3f} |")
inside = g.ratio.between(0.8, 1.2).mean()
cells_ok = cells.ratio.between(0.85, 1.15).all()
print(f"\n{100 * inside:.0f} % of {len(g)} phones within 0.8-1.2 of ns-3's goodput (ratios "
      f"{g.ratio.min():.3f}-{g.ratio.max():.3f}); cells' totals {cells.ratio.min():.3f}-"
      f"{cells.ratio.max():.3f}")
sys.exit(0 if inside >= 0.8 and cells_ok else 1)
PY
  exit
fi
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
