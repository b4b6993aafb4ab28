#!/usr/bin/env bash
# ns-3 3.37 reference runs for 802.11ac (VHT) and 802.11ax (HE) cells
# (docs/notes/ns3-acax-reference.md). Every cell is validation/ns3/wifi_cell: stations 5 m
# from the access point, one TCP connection each to a wired server 0.1 ms behind it, ns-3's
# 5 GHz defaults (80 MHz, ac 800 ns and ax 3200 ns guard interval, one spatial stream,
# A-MPDU up to 65,535 bytes), the access point answering at the fastest station rate. The
# stations connect at 0.5 s (--connect-s), after they have associated.
# usage: validation/ns3/acax.sh goodput|messages|heldout|ofdma|all|tables
#   goodput  saturated cells (100 KB messages back to back, 30 s, the first 5 s left out)
#            -> ns3-acax-goodput.csv; also the saturated goodput of the held-out cells.
#   messages Poisson 28,624-byte uploads with a 250-byte reply at 20, 50 and 80 % of the
#            cell's saturated goodput (read from ns3-acax-goodput.csv) -> ns3-acax-messages.csv;
#            each message written when it arrives (--pipeline), the reply after the 11.8 ms
#            muxsim's cloud takes (--server-ms), as in acax-compare.sh's cells
#   heldout  other cells at 35 and 65 % -> ns3-acax-heldout.csv
#   ofdma    802.11ax with and without uplink OFDMA (SpectrumWifiPhy in both, ns-3's
#            RrMultiUserScheduler defaults) -> ns3-ofdma.csv
#   tables   prints the committed CSVs as Markdown tables (runs nothing)
# Two ns-3 processes at a time (ACAX_JOBS), niced. Prints each step's wall time; ACAX_KEEP=DIR
# keeps the raw runs; ACAX_REUSE=DIR takes the runs kept there (same step) instead of rerunning
# them (ns-3 is deterministic: only the CSVs are rebuilt).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jobs=${ACAX_JOBS:-2}

# One ns-3 run, called back through xargs: _cell WORK TAG ARGS...
if [[ ${1:-} == _cell ]]; then
  work=$2 tag=$3
  shift 3
  start=$(date +%s.%N)
  nice -n 10 "$work/wifi_cell" "$@" --out="$work/$tag.csv" --goodput="$work/$tag.gp.csv" \
    --ppdus="$work/$tag.pp.csv" 2>"$work/$tag.err"
  awk "BEGIN { printf \"%.1f\\n\", $(date +%s.%N) - $start }" >"$work/$tag.time"
  echo "ns-3: $tag done ($(cat "$work/$tag.time") s)" >&2
  exit 0
fi

step=${1:-}
case $step in goodput | messages | heldout | ofdma | all | tables) ;; *)
  echo "usage: acax.sh goodput|messages|heldout|ofdma|all|tables" >&2
  exit 2
  ;;
esac
if [[ $step == all ]]; then
  for s in goodput messages heldout ofdma; do "$0" "$s"; done
  exit 0
fi
if [[ $step == tables ]]; then
  /usr/bin/python3 - "$here" <<'PY'
import sys
import pandas as pd
h = sys.argv[1]
def short(rates):
    # A cell's rates once round its cycle: "390 x5" or "390, 292.5, 175.5, 58.5 cycling".
    r = rates.split(",")
    cycle = list(dict.fromkeys(r))
    if len(cycle) == 1:
        return f"{cycle[0]} x{len(r)}"
    return ", ".join(cycle) + (" cycling" if len(r) > len(cycle) else "")
def std(r):
    return f"{r.standard[-2:]} {r.width_mhz} MHz {r.guard_ns} ns"
g = pd.read_csv(f"{h}/ns3-acax-goodput.csv", dtype={"rates": str})
print("| cell | stations | PHY rates (Mbit/s) | served | ns-3 goodput (Mbit/s) | grid |")
print("|---|---|---|---|---|---|")
for _, r in g.iterrows():
    print(f"| {std(r)} | {r.stations} | {short(r.rates)} | {r.stations_served} | {r.ns3_goodput_mbps:.1f} | {r.grid} |")
for name in ("messages", "heldout"):
    m = pd.read_csv(f"{h}/ns3-acax-{name}.csv", dtype={"rates": str})
    print(f"\n{name}:\n")
    print("| cell | stations | PHY rates (Mbit/s) | load | Hz per station | messages | served | upload mean / p95 (ms) | with queueing mean / p95 (ms) | goodput / offered (Mbit/s) | stalled / MAC drops | mean without stalls (ms) |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for _, r in m.iterrows():
        print(f"| {std(r)} | {r.stations} | {short(r.rates)} | {r.load_pct} % | {r.poisson_hz:g} | {r.messages} | {r.stations_served} | "
              f"{r.upload_ms_mean:.2f} / {r.upload_ms_p95:.2f} | {r.upload_queued_ms_mean:.2f} / {r.upload_queued_ms_p95:.2f} | {r.goodput_mbps:.1f} / {r.offered_mbps:.1f} | {r.stalled} / {r.mac_drops} | {r.upload_ms_mean_unstalled:.2f} |")
o = pd.read_csv(f"{h}/ns3-ofdma.csv", dtype={"rates": str, "load": str, "ofdma": str})
print("\nofdma:\n")
print("| stations | load | Hz | OFDMA | messages | served | upload mean / p95 (ms) | with queueing mean / p95 (ms) | goodput (Mbit/s) | stalled / MAC drops | mean without stalls (ms) | HE TB PSDUs | data MPDUs in TB | OFDMA's change of mean / p95 / goodput / mean without stalls |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|")
for _, r in o.iterrows():
    load = r.load if r.load == "saturated" else f"{r.load} %"
    hz = "" if pd.isna(r.poisson_hz) else f"{r.poisson_hz:g}"
    on = r.ofdma.lower() == "true"
    change = (f"{r.mean_change_pct:+.0f} % / {r.p95_change_pct:+.0f} % / {r.goodput_change_pct:+.0f} % / "
              f"{r.mean_unstalled_change_pct:+.0f} %") if on else ""
    print(f"| {r.stations} | {load} | {hz} | {'on' if on else 'off'} | {r.messages} | {r.stations_served} | {r.upload_ms_mean:.2f} / {r.upload_ms_p95:.2f} | "
          f"{r.upload_queued_ms_mean:.2f} / {r.upload_queued_ms_p95:.2f} | {r.goodput_mbps:.1f} | {r.stalled} / {r.mac_drops} | {r.upload_ms_mean_unstalled:.2f} | {r.he_tb_psdus} | {r.he_tb_data_mpdus} of {r.sta_data_mpdus} | {change} |")
PY
  exit 0
fi
work=$(mktemp -d)
# ACAX_KEEP=DIR keeps every run's raw output (messages, goodput, PSDU counts, run time) there.
cleanup() {
  if [[ -n ${ACAX_KEEP:-} ]]; then mkdir -p "$ACAX_KEEP" && cp -r "$work"/. "$ACAX_KEEP"/; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [[ -n ${ACAX_REUSE:-} ]]; then cp -r "$ACAX_REUSE"/. "$work"/; fi
cp "$("$here/build.sh")" "$work/wifi_cell"
began=$(date +%s)

# rates STANDARD N MIX: N stations' PHY rates (Mbit/s, one stream, 80 MHz, default GI): all
# at the top MCS, all at a middle one, or cycling from the top MCS down.
rates() {
  local cycle
  case $1-$3 in
    802.11ac-top) cycle=(390) ;;
    802.11ac-middle) cycle=(175.5) ;;
    802.11ac-mixed) cycle=(390 292.5 175.5 58.5) ;;
    802.11ax-top) cycle=(510.417) ;;
    802.11ax-middle) cycle=(245) ;;
    802.11ax-mixed) cycle=(510.417 306.25 183.75 61.25) ;;
  esac
  local out=""
  for ((i = 0; i < $2; ++i)); do out+=",${cycle[i % ${#cycle[@]}]}"; done
  echo "${out#,}"
}

# The held-out cells: standard width guard load(%) rates. None shares a rate mix, a station
# count or a load with the main grid.
heldout_cells() {
  cat <<'EOF'
802.11ac 80 800 35 292.5,175.5,117
802.11ac 40 800 65 180,180,180,180
802.11ac 20 800 35 78,52,26,78,52,26,78
802.11ac 80 400 65 433.333,433.333,433.333,433.333,433.333,433.333,433.333,433.333
802.11ax 80 1600 35 567.130,340.278,136.111,567.130
802.11ax 80 3200 65 459.375,367.5,245
802.11ax 40 3200 35 195,195,195,195,195,195,195
802.11ax 20 3200 65 121.875,73.125,43.875,121.875,73.125,43.875,121.875,73.125
EOF
}

# run_jobs FILE: every line "TAG ARGS..." is one ns-3 run, $jobs at a time (not the runs whose
# output is already there, with ACAX_REUSE).
run_jobs() {
  while read -r t rest; do
    [[ -s $work/$t.pp.csv ]] || echo "$t $rest"
  done <"$1" | xargs -r -P "$jobs" -L 1 "$0" _cell "$work"
  for t in $(cut -d' ' -f1 "$1"); do
    if [[ -s $work/$t.err ]]; then
      echo "acax.sh: $t wrote to stderr:" >&2
      cat "$work/$t.err" >&2
      exit 1
    fi
  done
}

# Python helpers shared by the steps: one run's messages, goodput and PSDU counts.
cat >"$work/cell.py" <<'PY'
import pandas as pd

WARMUP = 2.0  # Poisson cells: messages queued before this are left out

def messages(path):
    """Per-message times (ms) of the messages queued after the warm-up."""
    d = pd.read_csv(path)
    d = d[d.queued_s >= WARMUP]
    return (d.uploaded_s - d.start_s) * 1e3, (d.uploaded_s - d.queued_s) * 1e3, d.station.nunique()

def stalled(upload_ms):
    """Uploads that waited out a TCP retransmission timeout (ns-3's minimum RTO is 1 s)."""
    return int((upload_ms > 500).sum())

def unstalled_mean(upload_ms):
    """Mean upload time of the uploads that did not stall."""
    return upload_ms[upload_ms <= 500].mean()

def goodput(path):
    """Cell goodput after the warm-up (Mbit/s) and the stations that delivered any byte."""
    g = pd.read_csv(path)
    return g.bytes.sum() * 8 / g.seconds[0] / 1e6, int((g.bytes > 0).sum())

def drops(path):
    """Data MPDUs the MACs (stations and access point) dropped after the warm-up."""
    p = pd.read_csv(path)
    return int(p[p.preamble.str.startswith("drop_")].data_mpdus.sum())

def psdus(path):
    p = pd.read_csv(path)
    pick = lambda who, pre, col: int(p[(p.sender == who) & (p.preamble == pre)][col].sum())
    sent = p[~p.preamble.str.startswith("drop_")]
    sta_data = int(sent[sent.sender == "sta"].data_mpdus.sum())
    return dict(he_tb_psdus=pick("sta", "HE_TB", "psdus"),
                he_tb_data_mpdus=pick("sta", "HE_TB", "data_mpdus"),
                sta_data_mpdus=sta_data, he_mu_psdus=pick("ap", "HE_MU", "psdus"),
                mac_drops=drops(path))

def hz(load, goodput_mbps, stations, upload=28624):
    """Per-station Poisson rate for `load` of the cell's goodput, 2 significant digits."""
    x = load * goodput_mbps * 1e6 / (stations * upload * 8)
    return float(f"{x:.2g}")
PY

case $step in
goodput)
  : >"$work/jobs"
  echo "tag,standard,width_mhz,guard_ns,rates,grid" >"$work/meta.csv"
  k=0
  for standard in 802.11ac 802.11ax; do
    guard=$([[ $standard == 802.11ac ]] && echo 800 || echo 3200)
    for mix in top middle mixed; do
      for n in 1 2 5 10; do
        # One station of the mixed cycle is the top-MCS cell.
        [[ $mix == mixed && $n == 1 ]] && continue
        r=$(rates $standard $n $mix)
        echo "g$k --standard=$standard --rates=$r --upload=100000 --seconds=30 --warmup=5 --connect-s=0.5" >>"$work/jobs"
        echo "g$k,$standard,80,$guard,\"$r\",main" >>"$work/meta.csv"
        k=$((k + 1))
      done
    done
  done
  while read -r standard width guard load r; do
    echo "g$k --standard=$standard --width=$width --guard-ns=$guard --rates=$r --upload=100000 --seconds=30 --warmup=5 --connect-s=0.5" >>"$work/jobs"
    echo "g$k,$standard,$width,$guard,\"$r\",heldout" >>"$work/meta.csv"
    k=$((k + 1))
  done < <(heldout_cells)
  run_jobs "$work/jobs"
  /usr/bin/python3 - "$work" >"$here/ns3-acax-goodput.csv" <<'PY'
import sys
import pandas as pd
sys.path.insert(0, sys.argv[1])
from cell import goodput
meta = pd.read_csv(f"{sys.argv[1]}/meta.csv", dtype={"rates": str})
print("standard,width_mhz,guard_ns,rates,stations,stations_served,ns3_goodput_mbps,grid")
for _, m in meta.iterrows():
    g, served = goodput(f"{sys.argv[1]}/{m.tag}.gp.csv")
    n = len(m.rates.split(","))
    print(f'{m.standard},{m.width_mhz},{m.guard_ns},"{m.rates}",{n},{served},{g:.4f},{m.grid}')
PY
  ;;
messages | heldout)
  out=$here/ns3-acax-$step.csv
  : >"$work/jobs"
  echo "tag,standard,width_mhz,guard_ns,rates,load_pct" >"$work/meta.csv"
  k=0
  if [[ $step == messages ]]; then
    for standard in 802.11ac 802.11ax; do
      guard=$([[ $standard == 802.11ac ]] && echo 800 || echo 3200)
      for n in 2 5 10; do
        for mix in top mixed; do
          for load in 20 50 80; do
            echo "m$k,$standard,80,$guard,\"$(rates $standard $n $mix)\",$load" >>"$work/meta.csv"
            k=$((k + 1))
          done
        done
      done
    done
  else
    while read -r standard width guard load r; do
      echo "m$k,$standard,$width,$guard,\"$r\",$load" >>"$work/meta.csv"
      k=$((k + 1))
    done < <(heldout_cells)
  fi
  # Each cell's Poisson rate from its saturated goodput; 22 s simulated, 2 s of warm-up.
  /usr/bin/python3 - "$work" "$here/ns3-acax-goodput.csv" >"$work/jobs" <<'PY'
import sys
import pandas as pd
sys.path.insert(0, sys.argv[1])
from cell import hz
meta = pd.read_csv(f"{sys.argv[1]}/meta.csv", dtype={"rates": str})
sat = pd.read_csv(sys.argv[2], dtype={"rates": str}).set_index(["standard", "width_mhz", "guard_ns", "rates"])
hzs = []
for _, m in meta.iterrows():
    g = sat.loc[(m.standard, m.width_mhz, m.guard_ns, m.rates)].ns3_goodput_mbps
    n = len(m.rates.split(","))
    hzs.append(hz(m.load_pct / 100, g, n))
    print(f"{m.tag} --standard={m.standard} --width={m.width_mhz} --guard-ns={m.guard_ns} "
          f"--rates={m.rates} --upload=28624 --download=250 --poisson-hz={hzs[-1]:g} "
          f"--seconds=22 --warmup=2 --connect-s=0.5 --pipeline=1 --server-ms=11.8")
meta["poisson_hz"] = hzs
meta.to_csv(f"{sys.argv[1]}/meta.csv", index=False)
PY
  run_jobs "$work/jobs"
  /usr/bin/python3 - "$work" >"$out" <<'PY'
import sys
import pandas as pd
sys.path.insert(0, sys.argv[1])
from cell import drops, goodput, messages, stalled, unstalled_mean
w = sys.argv[1]
meta = pd.read_csv(f"{w}/meta.csv", dtype={"rates": str})
# stalled: uploads over 500 ms (a TCP retransmission timeout); mac_drops: data MPDUs dropped
# by the MACs, mostly at the retry limit; upload_ms_mean_unstalled: the mean without them.
print("standard,width_mhz,guard_ns,stations,rates,load_pct,poisson_hz,offered_mbps,messages,"
      "stations_served,upload_ms_mean,upload_ms_p95,upload_queued_ms_mean,upload_queued_ms_p95,"
      "goodput_mbps,stalled,mac_drops,upload_ms_mean_unstalled")
for _, m in meta.iterrows():
    up, queued, served = messages(f"{w}/{m.tag}.csv")
    g, _ = goodput(f"{w}/{m.tag}.gp.csv")
    n = len(m.rates.split(","))
    offered = n * m.poisson_hz * 28624 * 8 / 1e6
    print(f'{m.standard},{m.width_mhz},{m.guard_ns},{n},"{m.rates}",{m.load_pct},{m.poisson_hz:g},'
          f"{offered:.2f},{len(up)},{served},{up.mean():.3f},{up.quantile(0.95):.3f},"
          f"{queued.mean():.3f},{queued.quantile(0.95):.3f},{g:.2f},{stalled(up)},"
          f"{drops(f'{w}/{m.tag}.pp.csv')},{unstalled_mean(up):.3f}")
PY
  ;;
ofdma)
  # Saturated first (28,624-byte uploads back to back, no reply, 8 s, 3 s of warm-up),
  # then Poisson uploads at 50 and 80 % of the saturated goodput without OFDMA (10 s, 2 s
  # of warm-up; --pipeline, as in the messages step: each message is written to its connection
  # when it arrives). Both arms on SpectrumWifiPhy, which ns-3 needs for OFDMA.
  : >"$work/jobs"
  for n in 2 4 6 10; do
    for ofdma in false true; do
      echo "s$n$ofdma --standard=802.11ax --phy=spectrum --ofdma=$ofdma --rates=$(rates 802.11ax $n top) --upload=28624 --seconds=8 --warmup=3 --connect-s=0.5" >>"$work/jobs"
    done
  done
  run_jobs "$work/jobs"
  : >"$work/jobs2"
  for n in 2 4 6 10; do
    for load in 50 80; do
      h=$(/usr/bin/python3 -c "import sys; sys.path.insert(0, '$work'); from cell import goodput, hz; print(f'{hz($load / 100, goodput(\"$work/s${n}false.gp.csv\")[0], $n):g}')")
      for ofdma in false true; do
        echo "p$n-$load-$ofdma --standard=802.11ax --phy=spectrum --ofdma=$ofdma --rates=$(rates 802.11ax $n top) --upload=28624 --download=250 --poisson-hz=$h --seconds=10 --warmup=2 --connect-s=0.5 --pipeline=1" >>"$work/jobs2"
      done
    done
  done
  run_jobs "$work/jobs2"
  /usr/bin/python3 - "$work" >"$here/ns3-ofdma.csv" <<'PY'
import sys
import pandas as pd
sys.path.insert(0, sys.argv[1])
from cell import goodput, messages, psdus, stalled, unstalled_mean
import cell
w = sys.argv[1]
rows = []
for n in (2, 4, 6, 10):
    for load in ("saturated", 50, 80):
        for ofdma in ("false", "true"):
            tag = f"s{n}{ofdma}" if load == "saturated" else f"p{n}-{load}-{ofdma}"
            cell.WARMUP = 3.0 if load == "saturated" else 2.0
            up, queued, served = messages(f"{w}/{tag}.csv")
            g, _ = goodput(f"{w}/{tag}.gp.csv")
            args = open(f"{w}/jobs" if load == "saturated" else f"{w}/jobs2").read()
            line = [l for l in args.splitlines() if l.split()[0] == tag][0]
            h = [a.split("=")[1] for a in line.split() if a.startswith("--poisson-hz=")]
            rows.append(dict(stations=n, load=load, poisson_hz=h[0] if h else "", ofdma=ofdma,
                             messages=len(up), stations_served=served,
                             upload_ms_mean=up.mean(), upload_ms_p95=up.quantile(0.95),
                             upload_queued_ms_mean=queued.mean(),
                             upload_queued_ms_p95=queued.quantile(0.95), goodput_mbps=g,
                             stalled=stalled(up), upload_ms_mean_unstalled=unstalled_mean(up),
                             **psdus(f"{w}/{tag}.pp.csv")))
d = pd.DataFrame(rows)
# The change OFDMA makes, on the rows with it, against the same cell without.
base = d[d.ofdma == "false"].set_index(["stations", "load"])
for col, name in (("upload_ms_mean", "mean"), ("upload_ms_p95", "p95"), ("goodput_mbps", "goodput"),
                  ("upload_ms_mean_unstalled", "mean_unstalled")):
    d[f"{name}_change_pct"] = [
        100 * (r[col] / base.loc[(r.stations, r.load)][col] - 1) if r.ofdma == "true" else float("nan")
        for _, r in d.iterrows()]
d.insert(1, "rates", d.stations.map(lambda n: ",".join(["510.417"] * n)))
d.insert(0, "standard", "802.11ax")
d.insert(1, "width_mhz", 80)
d.insert(2, "guard_ns", 3200)
print(d.to_csv(index=False, float_format="%.3f"), end="")
PY
  ;;
esac
echo "acax.sh $step: $(($(date +%s) - began)) s" >&2
