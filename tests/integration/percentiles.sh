#!/usr/bin/env bash
# The streaming percentiles on whole runs (docs/commands.md, "Percentiles"): the load sweep,
# simulated and closed form, with --sketch-percentiles against --exact-percentiles. Every
# column but the three percentiles is the same; those are within 0.1 % of the exact ones.
# A run of at most 2^20 requests is exact by default: the default equals --exact-percentiles.
source "$(dirname "$0")/common.sh"
ini=$SRC/scenarios/load-sweep.ini
for how in exact sketch default; do
  flag=--$how-percentiles
  [[ $how == default ]] && flag=
  "$MUXSIM" run "$ini" --out "$WORK/$how" --jobs 2 --quiet $flag || fail "run with $how percentiles"
done
cmp -s "$WORK/exact/results.csv" "$WORK/default/results.csv" ||
  fail "the default differs from --exact-percentiles on runs under 2^20 requests"
/usr/bin/python3 - "$WORK/exact/results.csv" "$WORK/sketch/results.csv" <<'PY' || fail "see above"
import sys
import pandas as pd
exact, sketch = pd.read_csv(sys.argv[1]), pd.read_csv(sys.argv[2])
p = ["latency_ms_p50", "latency_ms_p95", "latency_ms_p99"]
rest = [c for c in exact.columns if c not in p]
pd.testing.assert_frame_equal(exact[rest], sketch[rest])
err = ((sketch[p] - exact[p]).abs() / exact[p]).max()
print(f"{len(exact)} rows; largest relative errors: " + ", ".join(f"{c} {e:.2e}" for c, e in err.items()))
assert (err <= 1e-3).all(), err
assert (sketch[p] != exact[p]).any().any(), "the sketch gave exactly the exact values: was it used?"
PY
expect_refused both-percentiles "--exact-percentiles and --sketch-percentiles exclude each other" \
  "$WORK/both" run "$ini" --out "$WORK/both" --exact-percentiles --sketch-percentiles
echo "ok: sketch percentiles within 0.1 % of the exact ones"
