#!/usr/bin/env bash
# Every run point of a sweep reaches a figure: plot.py, plot_load.py and plot_results.py each
# write a manifest (--manifest FILE, a line per row drawn with its inputs and policy), and it
# must hold every row of results.csv the figure covers, whichever inputs the scenarios sweep
# (bandwidth x phones; load x bandwidth with two seeds, pooled as a mean and said so).
# Overloaded runs (column `overload`) are drawn apart, and the axis is scaled to the stable
# ones; a results file without the column (older runs) still plots.
source "$(dirname "$0")/common.sh"
PY=/usr/bin/python3
A=$SRC/analysis

# A newcomer's sweep of two keys, an open-loop sweep of load and bandwidth, and an overloaded
# cloud: 200 kB uploads over 5 Mbit/s at 20 requests per second.
scenario() { # NAME, then the lines of its [network] and [load] sections, separated by an empty argument
  local name=$1 section=network
  shift
  printf '%s\n' "name = $name" "trace = $SRC/traces/fmnist-test.csv" "profiles = $SRC/models/fmnist-derived.csv" \
    "modes = closed-form,simulated" "requests = 200" "${SEEDS:-seeds = 1}" "[devices]" "phone_device = jetson-tx2" \
    "cloud_device = gtx-1080ti" "mobile_model = mobile" "mux_model = mux-fmnist" "cloud_model = wide-resnet" \
    "[policy]" "policies = ${POLICIES:-mobile-only,cloud-only,hybrid}" "[network]"
  for line in "$@"; do
    if [[ -z $line ]]; then echo "[load]"; else echo "$line"; fi
  done
}
scenario my-sweep "bandwidth_mbps = 5,20,100" "upload_bytes = 784" "" "phones = 1,4" >"$WORK/my-sweep.ini"
SEEDS="seeds = 1,2" scenario load-bw "bandwidth_mbps = 5,50" "upload_bytes = 784" "" "phones = 2" \
  "arrival = poisson" "arrival_rate_hz = 10,40" "deadline_ms = 100" >"$WORK/load-bw.ini"
POLICIES=cloud-only scenario overloaded "bandwidth_mbps = 5" "upload_bytes = 200000" "" "phones = 1" \
  "arrival = poisson" "arrival_rate_hz = 20" >"$WORK/overloaded.ini"
"$MUXSIM" run "$WORK/my-sweep.ini" "$WORK/load-bw.ini" "$WORK/overloaded.ini" --out "$WORK/run" --quiet ||
  fail "muxsim run"
R=$WORK/run/results.csv

# covered MANIFEST FIGURE SCENARIOS MODES: every ok row of those scenarios and modes has a
# manifest line 'drawn FIGURE: ...' with its inputs (the columns between requests and
# accuracy, plus scenario, mode and seed) and policy; a pooled value reads 'a|b'.
covered() {
  $PY - "$R" "$@" <<'PY'
import sys, pandas as pd
results, manifest, figure, scenarios, modes = sys.argv[1:]
df = pd.read_csv(results, dtype=str, keep_default_na=False)
cols = list(df.columns)
inputs = ["scenario", "mode", "seed"] + cols[cols.index("requests") + 1:cols.index("accuracy")] + ["policy"]
df = df[(df["status"] == "ok") & df["scenario"].isin(scenarios.split(",")) & df["mode"].isin(modes.split(","))]

def same(a, b):
    try:
        return abs(float(a) - float(b)) <= 1e-9 * max(1.0, abs(float(a)))
    except ValueError:
        return a == b

lines = []
for line in open(manifest):
    verb, rest = line.rstrip("\n").split(" ", 1)
    name, fields = rest.split(": ", 1)
    if verb == "drawn" and name == figure:
        lines.append(dict(f.split("=", 1) for f in fields.split("; ")))
assert lines, f"no line drawn in {figure}"
missing = [r for _, r in df.iterrows()
           if not any(all(k in l and any(same(r[k], v) for v in l[k].split("|")) for k in inputs) for l in lines)]
for r in missing:
    print(f"{figure}: not drawn: " + ", ".join(f"{k}={r[k]}" for k in inputs), file=sys.stderr)
assert not missing, f"{len(missing)} of {len(df)} run points missing from {figure}"
print(f"ok: {figure}: all {len(df)} run points of {scenarios} ({modes}) drawn")
PY
}

for mode in simulated closed-form; do
  $PY "$A/plot.py" "$R" --out "$WORK/figs-$mode" --mode "$mode" --manifest "$WORK/plot-$mode.txt" \
    >"$WORK/plot-$mode.log" || fail "plot.py --mode $mode: $(cat "$WORK/plot-$mode.log")"
  covered "$WORK/plot-$mode.txt" vs_bandwidth.png my-sweep,load-bw "$mode" || fail "vs_bandwidth ($mode)"
  covered "$WORK/plot-$mode.txt" vs_load.png load-bw "$mode" || fail "vs_load ($mode)"
  for figure in placement called fronts; do
    covered "$WORK/plot-$mode.txt" $figure.png my-sweep,load-bw,overloaded "$mode" || fail "$figure ($mode)"
  done
  grep -q "^vs_load.png: seeds 1,2 pooled as mean$" "$WORK/plot-$mode.log" ||
    fail "plot.py does not say it pooled the seeds: $(cat "$WORK/plot-$mode.log")"
  ! grep -q "^dropped" "$WORK/plot-$mode.txt" || fail "plot.py dropped rows: $(grep ^dropped "$WORK/plot-$mode.txt")"
done
$PY "$A/plot_load.py" "$R" load-bw "$WORK/load.png" --manifest "$WORK/load.txt" >"$WORK/load.log" ||
  fail "plot_load.py: $(cat "$WORK/load.log")"
covered "$WORK/load.txt" load.png load-bw simulated,closed-form || fail "plot_load.py"
grep -q "seeds 1,2 pooled as mean" "$WORK/load.log" || fail "plot_load.py does not say it pooled the seeds"
$PY "$A/plot_results.py" "$R" "$WORK/policies.png" --manifest "$WORK/results.txt" >"$WORK/results.log" ||
  fail "plot_results.py: $(cat "$WORK/results.log")"
covered "$WORK/results.txt" policies.png my-sweep,load-bw,overloaded simulated,closed-form || fail "plot_results.py"

# The load figure's title names no value it sweeps: two bandwidths, so no "Mbit/s" in it.
$PY - "$A" "$R" "$WORK" <<'PY' || fail "plot_load.py title"
import sys
sys.path.insert(0, sys.argv[1])
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import plot_load
saved = []
plt.Figure.savefig = lambda fig, *a, **k: saved.append(fig)
plot_load.main(sys.argv[2], "load-bw", f"{sys.argv[3]}/unused.png")
title = saved[0]._suptitle.get_text()
assert "Mbit/s" not in title and "req/s" not in title, title
print(f"ok: plot_load title '{title}' names no swept value")
PY

# Overloaded runs. Until muxsim writes the `overload` column, a copy of the results gets it:
# the overloaded scenario's run marked "air+cloud", its latency far above every other.
$PY - "$R" "$WORK/over.csv" "$WORK/old.csv" <<'PY' || fail "crafting results"
import sys, pandas as pd
df = pd.read_csv(sys.argv[1])
df.drop(columns=[c for c in ["overload", "load_max"] if c in df], errors="ignore").to_csv(sys.argv[3], index=False)
if "overload" not in df:
    hot = df["scenario"] == "overloaded"
    df["load_max"] = 0.5
    df.loc[hot, "load_max"] = 3.0
    df["overload"] = ""
    df.loc[hot, "overload"] = "air+cloud"
    df.loc[hot, "latency_ms_mean"] = 1e6
df.to_csv(sys.argv[2], index=False)
PY
$PY - "$WORK/over.csv" <<'PY' || fail "the overloaded run is not flagged"
import sys, pandas as pd
df = pd.read_csv(sys.argv[1])
flagged = df[df["scenario"] == "overloaded"]["overload"].fillna("")
assert (flagged != "").all(), flagged
print("ok: the overloaded scenario's runs are flagged:", ", ".join(sorted(set(flagged))))
PY
$PY "$A/plot_results.py" "$WORK/over.csv" "$WORK/over.png" --manifest "$WORK/over.txt" >/dev/null ||
  fail "plot_results.py on overloaded runs"
$PY "$A/plot.py" "$WORK/over.csv" --out "$WORK/over" --manifest "$WORK/over-plot.txt" >/dev/null ||
  fail "plot.py on overloaded runs"
for m in "$WORK/over.txt" "$WORK/over-plot.txt"; do
  grep -q "^drawn .*scenario=overloaded.*; overload=" "$m" || fail "$m: the overloaded run not drawn as such"
done
# The axis comes from the stable points: a runaway value far above them leaves the scale.
$PY - "$A" "$WORK/over.csv" <<'PY' || fail "axis limits"
import sys
sys.path.insert(0, sys.argv[1])
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
import plot
df = pd.read_csv(sys.argv[2])
rows = df[(df["mode"] == "simulated") & (df["scenario"] == "my-sweep") & (df["phones"] == 1)].copy()
stable_top = rows["latency_ms_mean"].max()
rows["overload"] = ""
rows.loc[rows.index[-1], ["overload", "latency_ms_mean"]] = ["air", stable_top * 1000]
fig, ax = plt.subplots()
plot.draw_metric(ax, rows, "bandwidth_mbps", "latency_ms_mean", "clip", list(dict.fromkeys(rows["policy"])))
low, high = ax.get_ylim()
assert stable_top <= high < stable_top * 2, (stable_top, high)
print(f"ok: an overloaded run at {stable_top * 1000:.3g} ms leaves the axis at {high:.3g} ms (stable up to {stable_top:.3g})")
PY
# Older results without the columns: every run stable, and all three scripts still draw.
{ $PY "$A/plot.py" "$WORK/old.csv" --out "$WORK/old" &&
  $PY "$A/plot_load.py" "$WORK/old.csv" load-bw "$WORK/old/load.png" &&
  $PY "$A/plot_results.py" "$WORK/old.csv" "$WORK/old/policies.png"; } >"$WORK/old.log" ||
  fail "results without overload columns: $(cat "$WORK/old.log")"
echo "plot_sweeps: ok"
