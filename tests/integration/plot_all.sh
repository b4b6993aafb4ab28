#!/usr/bin/env bash
# analysis/plot.py draws each figure the data supports as a PNG of the expected size, skips
# the others with a line saying why, and names a missing column. With eight scenarios,
# plot.py and plot_results.py wrap them three to a row: every figure at most 2,000 pixels
# wide, and every file they say they wrote exists.
source "$(dirname "$0")/common.sh"
sed -e "s#\.\./models/#$SRC/models/#g" -e 's/^bandwidth_mbps = .*/bandwidth_mbps = 1,10,100/' \
  -e 's/^inputs = 2000/inputs = 200/' "$SRC/scenarios/bandwidth-sweep.ini" >"$WORK/bw.ini"
sed -e "s#\.\./models/#$SRC/models/#g" -e 's/^requests = .*/requests = 300/' \
  -e 's/^arrival_rate_hz = .*/arrival_rate_hz = 2,6,9/' "$SRC/scenarios/load-sweep.ini" >"$WORK/load.ini"
"$MUXSIM" run "$WORK/bw.ini" "$WORK/load.ini" --out "$WORK/run" --requests "$WORK/req.csv.gz" --jobs 2 --quiet 2>/dev/null ||
  fail "runs"
/usr/bin/python3 "$SRC/analysis/plot.py" "$WORK/run/results.csv" --out "$WORK/figs" --requests "$WORK/req.csv.gz" \
  >"$WORK/log" || fail "plot.py: $(cat "$WORK/log")"
/usr/bin/python3 - "$WORK/figs" <<'PY' || fail "figures"
import struct, sys
# placement, called and latency_cdf have a panel per run point: 3 bandwidths + 3 loads.
expected = {"vs_bandwidth": (1100, 750), "vs_load": (1100, 750), "placement": (1500, 1000),
            "called": (1500, 1000), "fronts": (1100, 750), "latency_cdf": (1500, 1000)}
for name, size in expected.items():
    with open(f"{sys.argv[1]}/{name}.png", "rb") as f:
        head = f.read(24)
    assert head[:8] == b"\x89PNG\r\n\x1a\n", name
    w, h = struct.unpack(">II", head[16:24])
    assert (w, h) == size, (name, w, h)
print(f"ok: {len(expected)} figures, PNGs of the expected size")
PY
grep -q "skip gflops_front: no scenario multiplexes cloud models" "$WORK/log" || fail "no gflops_front skip line"
/usr/bin/python3 - "$WORK/run/results.csv" "$WORK/eight.csv" <<'PY' || fail "eight scenarios"
import sys, pandas as pd
df = pd.read_csv(sys.argv[1])
parts = [df.assign(scenario=df["scenario"] + f"-{i}") for i in range(4)]
pd.concat(parts).to_csv(sys.argv[2], index=False)
PY
{ /usr/bin/python3 "$SRC/analysis/plot.py" "$WORK/eight.csv" --out "$WORK/eight" &&
  /usr/bin/python3 "$SRC/analysis/plot_results.py" "$WORK/eight.csv" "$WORK/eight/policies.png"; } \
  >"$WORK/eight.log" || fail "plots of eight scenarios: $(cat "$WORK/eight.log")"
/usr/bin/python3 - "$WORK/eight.log" <<'PY' || fail "figure widths"
import struct, sys
wrote = [line.split(" ", 1)[1].strip() for line in open(sys.argv[1]) if line.startswith("wrote ")]
assert len(wrote) >= 5, wrote
for path in wrote:
    with open(path, "rb") as f:
        w, h = struct.unpack(">II", f.read(24)[16:24])
    assert w <= 2000, (path, w, h)
print(f"ok: {len(wrote)} figures of eight scenarios, each at most 2,000 px wide")
PY
# A sweep with three bandwidths gives three x positions, not one.
mkdir -p "$WORK/x"
/usr/bin/python3 - "$SRC/analysis/plot.py" "$WORK/run/results.csv" "$WORK/x" <<'PY' || fail "x positions"
import importlib.util, os, sys, pandas as pd
sys.path.insert(0, os.path.dirname(sys.argv[1]))  # plot.py imports figure_grid beside it
spec = importlib.util.spec_from_file_location("plot", sys.argv[1])
plot = importlib.util.module_from_spec(spec)
spec.loader.exec_module(plot)
df = pd.read_csv(sys.argv[2])
drawn = plot.vs_bandwidth(df[df["mode"] == "simulated"], sys.argv[3], False)
assert drawn == {"bandwidth-sweep": [1, 10, 100]}, drawn
PY
# Without per-request data the CDF is skipped with a reason.
/usr/bin/python3 "$SRC/analysis/plot.py" "$WORK/run/results.csv" --out "$WORK/figs2" >"$WORK/log" || fail "plot.py"
grep -q "skip latency_cdf: no per-request file" "$WORK/log" || fail "no skip line: $(cat "$WORK/log")"
# A missing column is named.
/usr/bin/python3 -c "import pandas as pd; pd.read_csv('$WORK/run/results.csv').drop(columns='latency_ms_p95').to_csv('$WORK/cut.csv', index=False)"
/usr/bin/python3 "$SRC/analysis/plot.py" "$WORK/cut.csv" --out "$WORK/figs3" 2>"$WORK/err" && fail "cut file accepted"
grep -q "needs column(s) .*latency_ms_p95" "$WORK/err" || fail "missing column not named: $(cat "$WORK/err")"
echo "plot_all: ok"
