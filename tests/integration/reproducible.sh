#!/usr/bin/env bash
# docs/invariants.md #3: the same scenario and seed give byte-identical results, also with
# seeded randomness: per-phone rates drawn at random and Poisson arrivals (campus), a Markov
# channel (fading-cell). Those two are cut down to keep the test short.
source "$(dirname "$0")/common.sh"
for s in campus fading-cell; do
  sed -e "s#^profiles = \.\./#profiles = $SRC/#; s#,\.\./models/#,$SRC/models/#g" \
    -e 's/^requests = .*/requests = 600/; s/^cells = .*/cells = 2/; s/^seeds = .*/seeds = 1,2/' \
    -e 's/^bandwidth_mbps = 6,24,54/bandwidth_mbps = 24/' \
    "$SRC/scenarios/$s.ini" >"$WORK/$s.ini"
done
for i in 1 2; do
  "$MUXSIM" run "$SRC/scenarios/paper-table1.ini" "$SRC/scenarios/paper-table2.ini" \
    "$WORK/campus.ini" "$WORK/fading-cell.ini" --out "$WORK/run$i" --jobs 2 --quiet ||
    fail "run $i failed"
done
cmp "$WORK/run1/results.csv" "$WORK/run2/results.csv" || fail "results differ between runs"
# The two seeds of fading-cell must differ: the seed reaches the channel and the arrivals.
/usr/bin/python3 - "$WORK/run1/results.csv" <<'PY' || fail "seeds do not change the simulated rows"
import sys, pandas as pd
r = pd.read_csv(sys.argv[1])
f = r[(r.scenario == "fading-cell") & (r["mode"] == "simulated") & (r.policy == "cloud-only")]
assert f.seed.nunique() == 2 and f.latency_ms_mean.nunique() == 2, f
PY
echo "reproducible: $(wc -l <"$WORK/run1/results.csv") lines identical"
