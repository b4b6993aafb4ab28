#!/usr/bin/env bash
# The main job runs and draws its figures, ends with its summary (a table per scenario whose
# policies and figures equal results.csv's at the scenario's first run point, at most 100
# columns wide, then one line saying where the figures are, all of which exist), and
# analysis/muxsim.ipynb executes headless with Debian's jupyter-nbconvert on its output and
# displays its figures (image/png outputs, not figures drawn off screen); the notebook is
# committed without outputs.
source "$(dirname "$0")/common.sh"
/usr/bin/python3 - "$SRC/analysis/muxsim.ipynb" <<'PY' || fail "the committed notebook holds outputs"
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
assert all(not c.get("outputs") and not c.get("execution_count") for c in cells if c["cell_type"] == "code")
PY
# The main job's output, figures included (it also checks that the main job runs).
MUXSIM=$MUXSIM "$SRC/scripts/main-job.sh" "$WORK/out" --quiet >"$WORK/main.log" 2>&1 ||
  fail "the main job: $(tail -3 "$WORK/main.log")"
for f in policies.png load.png figures/vs_load.png figures/replay.png figures/gflops_front.png; do
  [[ -s $WORK/out/$f ]] || fail "the main job drew no $f"
done
/usr/bin/python3 - "$WORK/main.log" "$WORK/out" <<'PY' || fail "the main job's summary: $(tail -30 "$WORK/main.log")"
import glob, re, sys
import pandas as pd
log, out = open(sys.argv[1]).read().splitlines(), sys.argv[2]
r = pd.read_csv(f"{out}/results.csv")
r = r[(r["mode"] == "simulated") & (r["status"] == "ok")]
columns = ["accuracy", "latency_ms_mean", "latency_ms_p95", "phone_energy_mj", "cloud_gflops"]
decimals = [4, 2, 2, 2, 2]
checked = 0
for scenario, rows in r.groupby("scenario", sort=False):
    first = rows.iloc[0]
    for c in ["bandwidth_mbps", "cells", "phones", "arrival_rate_hz"]:
        rows = rows[rows[c] == first[c]]
    # The summary gives each policy's mean over the seeds.
    rows = rows.groupby("policy", sort=False)[columns].mean().reset_index()
    start = next(i for i, line in enumerate(log) if line.startswith(f"{scenario} (simulated): "))
    assert log[start + 1].split() == ["policy", "accuracy", "mean", "ms", "p95", "ms", "phone",
                                      "mJ", "cloud", "GFLOPs"], log[start + 1]
    for k, (_, row) in enumerate(rows.iterrows()):
        cells = log[start + 2 + k].split()
        assert cells[0].rstrip("*") == row["policy"], (cells, row["policy"])
        want = [f"{row[c]:.{d}f}" for c, d in zip(columns, decimals)]
        # An overloaded row ends with its mark ("⚠ air") after the figures.
        assert cells[1:6] == want, (scenario, cells, want)
        checked += 1
table = [line for line in log if line.startswith("  ")]
assert table and all(len(line) <= 100 for line in table), max(table, key=len)
last = log[-1]
n = int(re.match(r"(\d+) figures in ", last).group(1))
assert n == len(glob.glob(f"{out}/*.png") + glob.glob(f"{out}/figures/*.png")) >= 8, last
print(f"summary: {checked} rows equal results.csv")
PY
MUXSIM_RESULTS=$WORK/out PATH=/usr/bin:$PATH jupyter-nbconvert --to notebook --execute \
  "$SRC/analysis/muxsim.ipynb" --output-dir "$WORK" --output executed.ipynb 2>"$WORK/err" ||
  fail "the notebook did not execute: $(tail -5 "$WORK/err")"
figures=$(/usr/bin/python3 - "$WORK/executed.ipynb" <<'PY'
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
print(sum("image/png" in o.get("data", {}) for c in cells if c["cell_type"] == "code"
          for o in c.get("outputs", [])))
PY
) || fail "the executed notebook is not JSON"
((figures >= 1)) || fail "the executed notebook displays no figure (no image/png output)"
echo "notebook: the main job drew its figures; the notebook executed headless on its output" \
  "and displayed $figures figures"
