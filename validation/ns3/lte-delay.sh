#!/usr/bin/env bash
# The uplink access delay of an idle UE in ns-3 3.37's LTE module (LENA, defaults, 25 RBs):
# validation/ns3/lte_cell in probe mode (docs/notes/ns3-lte-reference.md, "Access delay of an
# idle UE"). Each UE sends a probe every interval, long enough that its RLC buffer is empty
# when the next comes; lte_cell records app send -> eNB (S1-U) -> remote host per datagram and
# the UE's first UL grant per probe.
# usage: validation/ns3/lte-delay.sh run|tables
#   run     all cases -> ns3-lte-delay.csv (one row per UE and case: mean, min, max, p95 of the
#           delays) and ns3-lte-delay-probes.csv (one row per probe); per-datagram CSVs are
#           left in $MUXSIM_NS3_BUILD/lte-delay (build/ns3/lte-delay), not committed
#   tables  prints the two CSVs as the note's Markdown tables (runs nothing)
# Cases (all LENA defaults unless named; 21 simulated s, probes from 1 s):
#   idle      1,024-byte UDP probe every 200 ms: 1 UE at 100 m, 1 UE at 4000 m, 5 UEs at 100 m
#             40 ms apart (each alone in the cell when it sends), 5 UEs at 100 m in the same TTI
#   upload    28,624 bytes every 500 ms at 100 m and 4000 m: UDP (28 datagrams at once) with
#             LENA's 10 KiB RLC UM buffer and with 1 MB; TCP (BulkSend, a new connection per
#             upload) with MSS 536 and 1448, each with 10 KiB and 1 MB
#   rbs       the 1,024-byte probe and the UDP upload (1 MB) at 100 m on 6 and 100 RBs
#   early     1,024-byte probes every 16 ms from 10 ms, around the UE's connection and first SRS
# Runs one niced ns-3 process at a time (each takes under 4 s). Exit 77 without ns-3.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
step=${1:-}
case $step in run | tables) ;; *)
  echo "usage: lte-delay.sh run|tables" >&2
  exit 2
  ;;
esac

if [[ $step == run ]]; then
  set +e
  bin=$("$here/build.sh" lte_cell)
  rc=$?
  set -e
  [[ $rc -eq 0 ]] || exit $rc
  work=$(dirname "$bin")/lte-delay
  rm -rf "$work"
  mkdir -p "$work"
  # cell CASE ARGS...: one lte_cell run in probe mode; its CSVs get CASE as the first column
  cell() {
    local tag=$1
    shift
    nice -n 10 "$bin" --seconds=21 "$@" --out="$work/$tag.sum" --probes-csv="$work/$tag.probes" \
      --packets-csv="$work/$tag.packets.csv" 2>"$work/$tag.err"
    echo "$tag" >>"$work/cases"
    echo "ns-3: $tag done" >&2
  }
  five=100,100,100,100,100
  cell idle-100 --distances=100 --probe-interval-ms=200 --probe-bytes=1024
  cell idle-4000 --distances=4000 --probe-interval-ms=200 --probe-bytes=1024
  cell idle-5x100 --distances=$five --probe-interval-ms=200 --probe-bytes=1024
  cell same-tti-5x100 --distances=$five --probe-interval-ms=200 --probe-bytes=1024 \
    --probe-offset-ms=0
  for rbs in 6 100; do
    cell "idle-100-rbs$rbs" --rbs=$rbs --distances=100 --probe-interval-ms=200 --probe-bytes=1024
  done
  for d in 100 4000; do
    for rlc in 0 1000000; do
      cell "udp-$d-rlc$rlc" --distances=$d --probe-interval-ms=500 --probe-bytes=28624 \
        --rlc-buffer=$rlc
      for mss in 536 1448; do
        cell "tcp$mss-$d-rlc$rlc" --transport=tcp --distances=$d --probe-interval-ms=500 \
          --probe-bytes=28624 --tcp-mss=$mss --rlc-buffer=$rlc
      done
    done
  done
  for rbs in 6 100; do
    cell "udp-100-rlc1000000-rbs$rbs" --rbs=$rbs --distances=100 --probe-interval-ms=500 \
      --probe-bytes=28624 --rlc-buffer=1000000
  done
  for d in 100 4000; do
    cell "early-$d" --distances=$d --probe-interval-ms=16 --probe-start=0.010 --probe-count=8 \
      --probe-bytes=1024 --seconds=0.3
  done
  /usr/bin/python3 - "$work" "$here" <<'PY'
import sys
import pandas as pd
work, here = sys.argv[1], sys.argv[2]
cases = open(f"{work}/cases").read().split()
for ext, name in ((".sum", "ns3-lte-delay.csv"), (".probes", "ns3-lte-delay-probes.csv")):
    parts = []
    for case in cases:
        t = pd.read_csv(f"{work}/{case}{ext}", dtype=str, keep_default_na=False)
        t.insert(0, "case", case)
        parts.append(t)
    pd.concat(parts).to_csv(f"{here}/{name}", index=False)
    print(f"wrote {here}/{name}", file=sys.stderr)
PY
  exit 0
fi

/usr/bin/python3 - "$here/ns3-lte-delay.csv" "$here/ns3-lte-delay-probes.csv" "$here/ns3-lte.csv" <<'PY'
import sys
import pandas as pd
s = pd.read_csv(sys.argv[1])
p = pd.read_csv(sys.argv[2])
ref = pd.read_csv(sys.argv[3])
# The full-buffer goodput of one UE (lte.sh's grid) at the same distance and bandwidth.
lone = ref[ref.n_ues == 1]
full = lambda d, rbs: lone[(lone.distance_m == d) & (lone.rbs == rbs)].goodput_mbps.iloc[0]
f = lambda v, fmt=".2f": "—" if pd.isna(v) else format(v, fmt)

print("1,024-byte UDP probes (delays in ms; net = raw - fixed wired part)\n")
print("| case | UE | distance (m) | RBs | probes | raw mean | raw min | raw max | raw p95 | fixed | "
      "net mean | net min | net max | net p95 | first UL DCI after send: mean (min-max) | "
      "first MCS | first TB (bytes) | grants per probe |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for _, r in s[s.case.str.contains("idle|same-tti")].iterrows():
    print(f"| {r.case} | {r.ue} | {r.distance_m:g} | {r.rbs} | {r.complete}/{r.probes} | {f(r.raw_mean_ms)} | "
          f"{f(r.raw_min_ms)} | {f(r.raw_max_ms)} | {f(r.raw_p95_ms)} | {f(r.fixed_ms, '.4f')} | "
          f"{f(r.net_mean_ms)} | {f(r.net_min_ms)} | {f(r.net_max_ms)} | {f(r.net_p95_ms)} | "
          f"{f(r.first_grant_mean_ms)} ({f(r.first_grant_min_ms)}-{f(r.first_grant_max_ms)}) | "
          f"{r.first_mcs_min:g}-{r.first_mcs_max:g} | {f(r.first_tb_bytes_mean, '.0f')} | "
          f"{f(r.grants_mean)} |")

print("\n28,624-byte uploads from idle (ms, first byte handed to the socket -> last byte at the "
      "remote host; TCP from Connect)\n")
print("| case | distance (m) | RBs | complete | RLC drops per upload | raw mean | raw min | raw max | "
      "raw p95 | net mean (UDP) | full-buffer time | net - full-buffer | TCP handshake | "
      "grants per upload | first MCS |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for _, r in s[s.case.str.contains("udp|tcp")].iterrows():
    fb = r.probe_bytes * 8 / full(r.distance_m, r.rbs) / 1e3
    print(f"| {r.case} | {r.distance_m:g} | {r.rbs} | {r.complete}/{r.probes} | {r.rlc_drops / r.probes:.1f} | "
          f"{f(r.raw_mean_ms)} | {f(r.raw_min_ms)} | {f(r.raw_max_ms)} | {f(r.raw_p95_ms)} | "
          f"{f(r.net_mean_ms)} | {fb:.2f} | {f(r.net_mean_ms - fb)} | {f(r.first_data_mean_ms)} | "
          f"{f(r.grants_mean)} | "
          f"{'—' if pd.isna(r.first_mcs_min) else format(r.first_mcs_min, 'g')} |")

print("\nProbes around the connection (the UE connects at ~20 ms, the first SRS report reaches "
      "the eNB at 41 ms)\n")
print("| case | probe | sent (ms) | received | first UL DCI after send (ms) | first MCS | "
      "first TB (bytes) | grants | raw (ms) | net (ms) |")
print("|---|---|---|---|---|---|---|---|---|---|")
for _, r in p[p.case.str.startswith("early")].iterrows():
    print(f"| {r.case} | {r.probe} | {r.sent_s * 1e3:.1f} | {r.received} | {f(r.first_grant_ms)} | "
          f"{f(r.first_mcs, '.0f')} | {r.first_tb_bytes} | {r.grants} | {f(r.raw_ms)} | "
          f"{f(r.net_ms)} |")
PY
