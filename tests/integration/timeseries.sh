#!/usr/bin/env bash
# --timeseries (docs/commands.md): the load sweep's simulated runs, minute by minute. Each
# run's minutes add up to its results row (requests, mean latency, misses), and each
# minute's p95, overall and per tier, is within 0.1 % of the exact p95 of the requests that
# completed in that minute, taken from the --requests log. Closed-form runs have no minutes.
# The sweep rerun with --jobs 1 writes the same file byte for byte.
source "$(dirname "$0")/common.sh"
"$MUXSIM" run "$SRC/scenarios/load-sweep.ini" --out "$WORK/out" --jobs 2 --quiet \
  --timeseries "$WORK/out/minutes.csv.gz" --requests "$WORK/out/requests.csv.gz" ||
  fail "run with --timeseries"
/usr/bin/python3 - "$WORK/out" <<'PY' || fail "see above"
import sys
import numpy as np
import pandas as pd
out = sys.argv[1]
r = pd.read_csv(f"{out}/results.csv").set_index("run")
m = pd.read_csv(f"{out}/minutes.csv.gz")
q = pd.read_csv(f"{out}/requests.csv.gz")
sim = r[r["mode"] == "simulated"]
assert set(m.run) == set(sim.index), (sorted(set(m.run)), sorted(sim.index))
for run, g in m.groupby("run"):
    row = sim.loc[run]
    assert g.requests.sum() == row.requests, (run, g.requests.sum(), row.requests)
    assert list(g.minute) == list(range(len(g))), run
    mean = (g.latency_ms_mean.fillna(0) * g.requests).sum() / g.requests.sum()
    assert abs(mean / row.latency_ms_mean - 1) < 1e-5, (run, mean, row.latency_ms_mean)
    assert abs(g.misses.sum() / row.requests - row.miss_rate) < 1e-9, run
# Each minute's p95 against the exact one of the requests that completed in it.
q = q[q.run.isin(sim.index)].copy()
q["minute"] = np.floor((q.start_s + q.latency_ms / 1e3) / 60).astype(int)
worst, checked = 0.0, 0
for (run, minute), g in q.groupby(["run", "minute"]):
    row = m[(m.run == run) & (m.minute == minute)].iloc[0]
    assert row.requests == len(g), (run, minute, row.requests, len(g))
    for tier, col in (("all", "latency_ms_p95"), ("local", "local_p95_ms"), ("cloud", "cloud_p95_ms")):
        lat = g.latency_ms if tier == "all" else g.latency_ms[g.placement == tier]
        if len(lat) < 20:
            continue
        err = abs(row[col] / np.percentile(lat, 95) - 1)
        worst, checked = max(worst, err), checked + 1
assert checked > 100 and worst <= 1e-3, (checked, worst)
print(f"{len(m)} minutes of {m.run.nunique()} simulated runs; {checked} p95s within {worst:.2e} of exact")
PY
"$MUXSIM" run "$SRC/scenarios/load-sweep.ini" --out "$WORK/again" --jobs 1 --quiet \
  --timeseries "$WORK/again/minutes.csv.gz" || fail "rerun with --timeseries"
cmp "$WORK/out/minutes.csv.gz" "$WORK/again/minutes.csv.gz" ||
  fail "the per-minute series differs between --jobs 2 and a rerun with --jobs 1"
echo "ok: --timeseries adds up to the results, its p95s are within 0.1 %, and it reproduces"
