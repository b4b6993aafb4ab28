#!/usr/bin/env bash
# Per-request output (--requests): one row per request of every run, gzip CSV, whose means
# and fractions add back up to each results row; and the results are those of a run that
# did not ask for it.
source "$(dirname "$0")/common.sh"
S=$SRC/scenarios
"$MUXSIM" run "$S/paper-table1.ini" "$S/load-sweep.ini" --out "$WORK/with" --requests "$WORK/req.csv.gz" \
  --jobs 2 --quiet 2>/dev/null || fail "run with --requests"
"$MUXSIM" run "$S/paper-table1.ini" "$S/load-sweep.ini" --out "$WORK/without" --jobs 2 --quiet 2>/dev/null ||
  fail "run without"
cmp "$WORK/with/results.csv" "$WORK/without/results.csv" || fail "--requests changed the results"
ls "$WORK" | grep -q part && fail "part files left behind"
/usr/bin/python3 - "$WORK" <<'PY' || fail "per-request rows do not add up to the results"
import sys, pandas as pd
w = sys.argv[1]
q = pd.read_csv(f"{w}/req.csv.gz")
r = pd.read_csv(f"{w}/with/results.csv").set_index("run")
g = q.groupby("run")
assert sorted(g.groups) == sorted(r.index), "one group per run"
for col, agg in [("latency_ms_mean", g.latency_ms.mean()), ("phone_energy_mj", g.phone_energy_mj.mean()),
                 ("queue_ms_mean", g.queue_ms.mean()), ("upload_ms_mean", g.upload_ms.mean()),
                 ("accuracy", g.correct.mean()), ("total_gflops", g.total_gflops.mean()),
                 ("local_fraction", g.placement.apply(lambda p: (p == "local").mean()))]:
    diff = (agg - r[col]).abs().max()
    assert diff < 2e-6, (col, diff)
assert (g.size() == r.requests).all()
print(f"ok: {len(q)} requests in {len(r)} runs add up to results.csv")
PY
