#!/usr/bin/env bash
# ns-3 3.37 reference runs for muxsim's LTE uplink (issue "A cellular uplink";
# docs/notes/ns3-lte-reference.md). Every cell is validation/ns3/lte_cell: one eNodeB at LENA's
# defaults (Friis, open-loop power control, PfFfMacScheduler, RLC UM), UEs at the given
# distances each sending 1,024-byte UDP datagrams above what it can get to a remote host 1 ms
# behind the PGW; LTE_SECONDS simulated (default 21), the first LTE_WARMUP left out (default
# 1), so a 20 s window.
# usage: validation/ns3/lte.sh run|checks|tables|handcheck
#   run     the grid -> ns3-lte.csv, one row per UE, its first column the part of the grid:
#           distance   one UE at 25 RBs from 50 m to 60 km (past the last goodput)
#           mixed      1, 2, 3, 5, 8, 10, 15, 20 UEs at 25 RBs, their distances cycling
#                      through 100, 800, 1500, 2500, 4000 m
#           bandwidth  1, 5 and 10 UEs (the same distances) at 6, 15, 50, 75 and 100 RBs
#   checks  side runs for the note, printed as Markdown (nothing written): window length
#           (5, 20, 40 s) and seed on one mixed cell, RrFfMacScheduler against the default,
#           and TCP uploads (LENA's 10 KiB RLC buffer against 1 MB, MSS 536 against 1448)
#   tables  prints ns3-lte.csv as Markdown tables (runs nothing)
#   handcheck  predicts every row of ns3-lte.csv from LENA's rules on paper (Friis, open-loop
#           power control, SRS SINR -> CQI -> MCS -> TBS, equal RB blocks of at least 3, RLC UM
#           packing of 1,054-byte PDCP PDUs) and prints where ns-3 differs (runs nothing)
# Two ns-3 processes at a time (LTE_JOBS), niced. Exit 77 when ns-3 is not installed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jobs=${LTE_JOBS:-2}
seconds=${LTE_SECONDS:-21}
warmup=${LTE_WARMUP:-1}

# One ns-3 run, called back through xargs: _cell WORK TAG ARGS...
if [[ ${1:-} == _cell ]]; then
  work=$2 tag=$3
  shift 3
  nice -n 10 "$work/lte_cell" "$@" --out="$work/$tag.csv" 2>"$work/$tag.err"
  echo "ns-3: $tag done" >&2
  exit 0
fi

step=${1:-}
case $step in run | checks | tables | handcheck) ;; *)
  echo "usage: lte.sh run|checks|tables|handcheck" >&2
  exit 2
  ;;
esac

if [[ $step == tables ]]; then
  /usr/bin/python3 - "$here/ns3-lte.csv" <<'PY'
import sys
import pandas as pd
t = pd.read_csv(sys.argv[1])
d = t[t.grid == "distance"]
print("distance: one UE, 25 RBs\n")
print("| distance (m) | goodput (Mbit/s) | MAC (Mbit/s) | grants/s | MCS | TB (bytes) | failed TBs "
      "| SRS SINR (dB) | DL SINR (dB) | PUSCH (dBm) | RLFs |")
print("|---|---|---|---|---|---|---|---|---|---|---|")
n = lambda v, f: "—" if pd.isna(v) else format(v, f)
for _, r in d.iterrows():
    print(f"| {r.distance_m:g} | {r.goodput_mbps:.3f} | {r.mac_mbps:.3f} | {r.new_grants_per_s:.0f} | "
          f"{n(r.mean_mcs, '.0f')} | {n(r.mean_tb_bytes, '.0f')} | {r.tbs_failed} | {r.srs_sinr_db:.2f} | "
          f"{r.dl_sinr_db:.2f} | {n(r.pusch_dbm, '.2f')} | {r.rlfs} |")
# Cells: UEs at the same distance in one cell behave alike (the largest spread is printed), so
# each distance shows their mean goodput, with the MCS and TB size they were given.
spread = 0.0
for grid in ("mixed", "bandwidth"):
    g = t[t.grid == grid]
    print(f"\n{grid}: per cell; per distance, goodput in Mbit/s (MCS, TB bytes)\n")
    print("| RBs | UEs | RBs per grant | grants/s per UE | cell goodput (Mbit/s) | 100 m | 800 m | 1500 m | 2500 m | 4000 m |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for (rbs, ues), c in g.groupby(["rbs", "n_ues"], sort=False):
        cols = []
        for x in (100, 800, 1500, 2500, 4000):
            u = c[c.distance_m == x]
            if u.empty:
                cols.append("—")
                continue
            spread = max(spread, (u.goodput_mbps.max() - u.goodput_mbps.min()) / u.goodput_mbps.mean())
            cols.append(f"{u.goodput_mbps.mean():.3f} ({u.mean_mcs.iloc[0]:.0f}, {u.mean_tb_bytes.iloc[0]:.0f})")
        print(f"| {rbs} | {ues} | {c.mean_rbs.mean():g} | {c.new_grants_per_s.mean():.1f} | "
              f"{c.goodput_mbps.sum():.3f} | " + " | ".join(cols) + " |")
print(f"\nlargest goodput spread among UEs at one distance in one cell: {spread:.2%}")
PY
  exit 0
fi

if [[ $step == handcheck ]]; then
  /usr/bin/python3 - "$here/ns3-lte.csv" <<'PY'
import math
import sys
import pandas as pd
t = pd.read_csv(sys.argv[1])
# docs/notes/ns3-lte-uplink.md sections 1-3, ns-3.37 source: lte-amc.cc (tables),
# pf-ff-mac-scheduler.cc L1555-1563 and L1687-1732 (blocks, MCS), lte-common.cc L134-157
# (SINR reports in S11.3 fixed point, truncated toward zero), lte-rlc-um.cc L127-330 (packing).
SE_CQI = [0, 0.15, 0.23, 0.38, 0.6, 0.88, 1.18, 1.48, 1.91, 2.41, 2.73, 3.32, 3.9, 4.52, 5.12, 5.55]
SE_MCS = [0.15, 0.19, 0.23, 0.31, 0.38, 0.49, 0.6, 0.74, 0.88, 1.03, 1.18, 1.33, 1.48, 1.7, 1.91,
          2.16, 2.41, 2.57, 2.73, 3.03, 3.32, 3.61, 3.9, 4.21, 4.52, 4.82, 5.12, 5.33, 5.55]
MCS_TO_ITBS_UL = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 19,
                  20, 21, 22, 23, 24, 25, 26]
# TS 36.213 Table 7.1.7.2.1-1 as lte-amc.cc has it, the rows (RBs) the grid uses; ITBS 0-26.
TBS = {
    3: [56, 88, 144, 176, 208, 224, 256, 328, 392, 456, 504, 584, 680, 744, 840, 904, 968, 1064, 1160, 1288, 1384, 1480, 1608, 1736, 1800, 1864, 2216],
    5: [120, 176, 208, 256, 328, 424, 504, 584, 680, 776, 872, 1000, 1128, 1256, 1416, 1544, 1608, 1800, 1992, 2152, 2344, 2472, 2664, 2856, 2984, 3112, 3752],
    6: [152, 208, 256, 328, 408, 504, 600, 712, 808, 936, 1032, 1192, 1352, 1544, 1736, 1800, 1928, 2152, 2344, 2600, 2792, 2984, 3240, 3496, 3624, 3752, 4392],
    7: [176, 224, 296, 392, 488, 600, 712, 840, 968, 1096, 1224, 1384, 1608, 1800, 1992, 2152, 2280, 2536, 2792, 2984, 3240, 3496, 3752, 4008, 4264, 4392, 5160],
    8: [208, 256, 328, 440, 552, 680, 808, 968, 1096, 1256, 1384, 1608, 1800, 2024, 2280, 2472, 2600, 2856, 3112, 3496, 3752, 4008, 4264, 4584, 4968, 5160, 5992],
    10: [256, 344, 424, 568, 696, 872, 1032, 1224, 1384, 1544, 1736, 2024, 2280, 2536, 2856, 3112, 3240, 3624, 4008, 4264, 4584, 4968, 5352, 5736, 5992, 6200, 7480],
    12: [328, 424, 520, 680, 840, 1032, 1224, 1480, 1672, 1864, 2088, 2408, 2728, 3112, 3496, 3624, 3880, 4392, 4776, 5160, 5544, 5992, 6456, 6968, 7224, 7480, 8760],
    15: [392, 520, 648, 872, 1064, 1320, 1544, 1800, 2088, 2344, 2664, 2984, 3368, 3880, 4264, 4584, 4968, 5352, 5992, 6456, 6968, 7480, 7992, 8504, 9144, 9528, 11064],
    20: [536, 712, 872, 1160, 1416, 1736, 2088, 2472, 2792, 3112, 3496, 4008, 4584, 5160, 5736, 6200, 6456, 7224, 7992, 8504, 9144, 9912, 10680, 11448, 12216, 12576, 14688],
    25: [680, 904, 1096, 1416, 1800, 2216, 2600, 3112, 3496, 4008, 4392, 4968, 5736, 6456, 7224, 7736, 7992, 9144, 9912, 10680, 11448, 12576, 13536, 14112, 15264, 15840, 18336],
    50: [1384, 1800, 2216, 2856, 3624, 4392, 5160, 6200, 6968, 7992, 8760, 9912, 11448, 12960, 14112, 15264, 16416, 18336, 19848, 21384, 22920, 25456, 27376, 28336, 30576, 31704, 36696],
    75: [2088, 2728, 3368, 4392, 5352, 6712, 7736, 9144, 10680, 11832, 12960, 15264, 16992, 19080, 21384, 22920, 24496, 27376, 29296, 32856, 35160, 37888, 40576, 43816, 45352, 46888, 55056],
    100: [2792, 3624, 4584, 5736, 7224, 8760, 10296, 12216, 14112, 15840, 17568, 19848, 22920, 25456, 28336, 30576, 32856, 36696, 39232, 43816, 46888, 51024, 55056, 57336, 61664, 63776, 75376],
}
def friis(d, f):
    return 20 * math.log10(4 * math.pi * d * f / 299792458)
def srs_sinr_db(d, rbs):
    # The UE aims at -80 dBm per RB plus the path loss it estimates from the downlink (2120
    # MHz); the SRS spans the whole band, capped at 23 dBm; the loss is at 1930 MHz.
    p = min(23.0, 10 * math.log10(rbs) - 80 + friis(d, 2120e6))
    noise_rb = -174 + 10 * math.log10(180e3) + 5
    return p - 10 * math.log10(rbs) - friis(d, 1930e6) - noise_rb
def mcs_of(sinr_db):
    sinr_db = math.trunc(sinr_db * 8) / 8  # the S11.3 report the scheduler reads back
    s = math.log2(1 + 10 ** (sinr_db / 10) / (-math.log(5 * 0.00005) / 1.5))
    cqi = 0
    while cqi < 15 and SE_CQI[cqi + 1] < s:
        cqi += 1
    if cqi == 0:
        return None  # no grant
    mcs = 0
    while mcs < 28 and SE_MCS[mcs + 1] <= SE_CQI[cqi]:
        mcs += 1
    return mcs
def app_bytes_per_tb(tb, pdu=1054, payload=1024, n=20000):
    # LteRlcUm::DoNotifyTxOpportunity with an endless queue of PDCP PDUs: 2 bytes of header,
    # a length indicator (2 then 1 then 2 ... bytes) before each further SDU, no LI when 2 or
    # fewer bytes would be left; only whole SDUs count.
    head, done = pdu, 0
    for _ in range(n):
        room, segment, cur = tb - 2, 1, head
        while cur > 0 and room > 0:
            if cur > room:
                head = cur - room
                cur = room = 0
            elif room - cur <= 2:
                room, done, head, cur = room - cur, done + 1, pdu, 0
            else:
                room -= (2 if segment % 2 else 1) + cur
                done, segment, head, cur = done + 1, segment + 1, pdu, pdu
    return done * payload / n
rows = []
for _, r in t.iterrows():
    n, rbs = r.n_ues, r.rbs
    per_flow = max(3, rbs // n)
    served = min(n, rbs // per_flow) / n
    mcs = mcs_of(srs_sinr_db(r.distance_m, rbs))
    if mcs is None:
        tb, mac, goodput = float("nan"), 0.0, 0.0
    else:
        tb = TBS[per_flow][MCS_TO_ITBS_UL[mcs]] // 8
        mac = tb * 8 * 1000 * served / 1e6
        goodput = app_bytes_per_tb(tb) * 8 * 1000 * served / 1e6
    rows.append(dict(grid=r.grid, rbs=rbs, n=n, d=r.distance_m, mcs_ns3=r.mean_mcs, mcs=mcs,
                     tb_ns3=r.mean_tb_bytes, tb=tb, mac_ns3=r.mac_mbps, mac=mac,
                     goodput_ns3=r.goodput_mbps, goodput=goodput))
p = pd.DataFrame(rows)
p["dev"] = (p.goodput_ns3 - p.goodput) / p.goodput
print("| grid | RBs | UEs | distance (m) | MCS ns-3 / paper | TB bytes ns-3 / paper | MAC Mbit/s ns-3 / paper | goodput Mbit/s ns-3 / paper | ns-3 off by |")
print("|---|---|---|---|---|---|---|---|---|")
shown = set()
for _, x in p.iterrows():
    # Cells repeat each distance; show each (grid, RBs, UEs, distance) once.
    key = (x.grid, x.rbs, x.n, x.d)
    if key in shown:
        continue
    shown.add(key)
    m = lambda v: "—" if v is None or (isinstance(v, float) and math.isnan(v)) else f"{v:g}"
    dev = "—" if x.goodput == 0 else f"{x.dev:+.2%}"
    print(f"| {x.grid} | {x.rbs} | {x.n} | {x.d:g} | {m(x.mcs_ns3)} / {m(x.mcs)} | {m(x.tb_ns3)} / {m(x.tb)} | "
          f"{x.mac_ns3:.4f} / {x.mac:.4f} | {x.goodput_ns3:.4f} / {x.goodput:.4f} | {dev} |")
moving = p[p.goodput > 0]
print(f"\nlargest |goodput deviation| where the paper moves bytes: {moving.dev.abs().max():.3%} "
      f"({len(moving)} UEs); MCS differs for {int((moving.mcs_ns3 != moving.mcs).sum())} UEs; "
      f"ns-3 moves bytes where the paper moves none: "
      f"{int(((p.goodput == 0) & (p.goodput_ns3 > 0.001)).sum())} UEs")
PY
  exit 0
fi

lte_cell=$("$here/build.sh" lte_cell)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$lte_cell" "$work/lte_cell"
# Distances for n UEs, cycling so that each cell mixes MCSs.
mixed() {
  local cycle=(100 800 1500 2500 4000) out=() i
  for ((i = 0; i < $1; i++)); do out+=("${cycle[i % 5]}"); done
  (IFS=,; echo "${out[*]}")
}
# Runs the jobs listed in $work/jobs ("TAG ARGS..." per line), two at a time.
run_jobs() {
  local start
  start=$(date +%s)
  xargs -P "$jobs" -L 1 "$0" _cell "$work" <"$work/jobs"
  echo "ns-3: $(wc -l <"$work/jobs") runs in $(($(date +%s) - start)) s" >&2
}
window="--seconds=$seconds --warmup=$warmup"

if [[ $step == run ]]; then
  : >"$work/jobs"
  # The 20 UE cell first: the longest run, so the two job slots finish together.
  for n in 20 15 10 8 5 3 2 1; do
    echo "mixed-$n --distances=$(mixed "$n") $window" >>"$work/jobs"
  done
  for rbs in 100 75 50 15 6; do
    for n in 10 5 1; do
      echo "bandwidth-$rbs-$n --rbs=$rbs --distances=$(mixed "$n") $window" >>"$work/jobs"
    done
  done
  for d in 50 100 200 500 1000 1500 2000 3000 4000 5000 7000 10000 15000 20000 25000 30000 \
    35000 50000 55000 60000; do
    echo "distance-$d --distances=$d $window" >>"$work/jobs"
  done
  run_jobs
  # In the grid's order: distance, mixed by UEs, bandwidth by RBs and UEs.
  {
    echo "grid,$(head -1 "$work/mixed-1.csv")"
    for tag in $(awk '{print $1}' "$work/jobs" | sort -t- -k1,1 -k2,2n -k3,3n); do
      tail -n +2 "$work/$tag.csv" | sed "s/^/${tag%%-*},/"
    done
  } >"$work/all.csv"
  # sort puts bandwidth before distance before mixed; the note reads distance first.
  {
    head -1 "$work/all.csv"
    for grid in distance mixed bandwidth; do grep "^$grid," "$work/all.csv" || true; done
  } >"$here/ns3-lte.csv"
  echo "wrote $here/ns3-lte.csv" >&2
  exit 0
fi

# checks
cell=$(mixed 10)
: >"$work/jobs"
for w in 5 20 40; do
  echo "window-$w --distances=$cell --seconds=$((w + warmup)) --warmup=$warmup" >>"$work/jobs"
done
echo "seed-2 --distances=$cell $window --seed=2" >>"$work/jobs"
echo "rr --distances=$cell $window --scheduler=ns3::RrFfMacScheduler" >>"$work/jobs"
echo "rr-20 --distances=$(mixed 20) $window --scheduler=ns3::RrFfMacScheduler" >>"$work/jobs"
echo "pf-20 --distances=$(mixed 20) $window" >>"$work/jobs"
for mss in 536 1448; do
  for buffer in 0 1000000; do
    echo "tcp-$mss-$buffer --distances=100 $window --transport=tcp --tcp-mss=$mss --rlc-buffer=$buffer" >>"$work/jobs"
    echo "tcp5-$mss-$buffer --distances=$(mixed 5) $window --transport=tcp --tcp-mss=$mss --rlc-buffer=$buffer" >>"$work/jobs"
  done
done
run_jobs
/usr/bin/python3 - "$work" <<'PY'
import sys
import pandas as pd
w = sys.argv[1]
r = lambda tag: pd.read_csv(f"{w}/{tag}.csv")
def compare(title, tags, names):
    print(f"\n{title}\n")
    t = [r(x) for x in tags]
    print("| UE | distance (m) | " + " | ".join(f"{n} goodput (Mbit/s)" for n in names) + " |")
    print("|---" * (2 + len(names)) + "|")
    for i in range(len(t[0])):
        print(f"| {i} | {t[0].distance_m[i]:g} | " + " | ".join(f"{x.goodput_mbps[i]:.4f}" for x in t) + " |")
    base = t[0].goodput_mbps
    for n, x in zip(names[1:], t[1:]):
        print(f"\nlargest relative change, {n} against {names[0]}: "
              f"{((x.goodput_mbps - base).abs() / base).max():.2%}")
compare("Window length (10 UEs, 25 RBs; warm-up 1 s)", ["window-5", "window-20", "window-40"],
        ["5 s", "20 s", "40 s"])
compare("Seed (10 UEs, 25 RBs, 20 s)", ["window-20", "seed-2"], ["RngRun 1", "RngRun 2"])
compare("Scheduler (10 UEs, 25 RBs, 20 s)", ["window-20", "rr"], ["PfFfMacScheduler", "RrFfMacScheduler"])
compare("Scheduler (20 UEs, 25 RBs, 20 s)", ["pf-20", "rr-20"], ["PfFfMacScheduler", "RrFfMacScheduler"])
print("\nTCP (BulkSend, one connection per UE, 25 RBs, 20 s)\n")
print("| UEs | MSS (bytes) | RLC UM buffer | goodput per UE (Mbit/s) | MAC per UE (Mbit/s) | grants/s per UE | RLC drops per UE | failed TBs |")
print("|---|---|---|---|---|---|---|---|")
for n in ("tcp", "tcp5"):
    for mss in (536, 1448):
        for buf in (0, 1000000):
            x = r(f"{n}-{mss}-{buf}")
            f = lambda c: " / ".join(f"{v:.3f}" for v in x[c])
            g = lambda c: " / ".join(f"{v:g}" for v in x[c])
            print(f"| {len(x)} | {mss} | {'10 KiB (LENA)' if buf == 0 else '1 MB'} | {f('goodput_mbps')} | "
                  f"{f('mac_mbps')} | {g('new_grants_per_s')} | {g('rlc_drops')} | {g('tbs_failed')} |")
PY
