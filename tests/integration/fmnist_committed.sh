#!/usr/bin/env bash
# The committed Fashion-MNIST trace is what the committed weights predict, on every test
# image, and the fmnist scenario runs on it (README "Committed trace").
source "$(dirname "$0")/common.sh"
if [[ ! -f /usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz ]]; then
  echo "skip: dataset-fashion-mnist is not installed"
  exit 0
fi
"$MUXSIM" zoo eval --zoo "$SRC/models/fmnist" --trace "$SRC/traces/fmnist-test.csv" >"$WORK/eval.csv" ||
  fail "zoo eval: $(cat "$WORK/eval.csv")"
cat "$WORK/eval.csv"
"$MUXSIM" run "$SRC/scenarios/fmnist.ini" --out "$WORK/run" --quiet || fail "fmnist scenario"
/usr/bin/python3 - "$WORK" "$SRC" <<'PY' || fail "checks above"
import sys, pandas as pd
w, src = sys.argv[1], sys.argv[2]
e = pd.read_csv(f"{w}/eval.csv").set_index("model")
assert (e.inputs == 10000).all() and (e.mismatched == 0).all()
r = pd.read_csv(f"{w}/run/results.csv")
assert (r.status == "ok").all() and set(r.trace) == {"real"}
one = r[(r["mode"] == "closed-form") & (r.bandwidth_mbps == 100)].set_index("policy")
assert abs(one.loc["mobile-only", "accuracy"] - e.loc["mobile", "weights_accuracy"]) < 1e-4
assert abs(one.loc["cloud-only", "accuracy"] - e.loc["wide-resnet", "weights_accuracy"]) < 1e-4
print("committed trace = committed weights on all 10,000 test images; fmnist scenario runs")
PY
# Early multiplexers on the committed zoo (README "Early multiplexer on Fashion-MNIST"),
# on a 2,000-image slice: one row per model and scorer, intervals around each AUC, and
# cuts that cost more the deeper they are.
"$MUXSIM" zoo early --zoo "$SRC/models/fmnist" --trace "$SRC/traces/fmnist-test.csv" \
  --out "$WORK/early" --limit 2000 --quiet || fail "zoo early"
/usr/bin/python3 - "$WORK" <<'PY' || fail "early report checks above"
import sys, pandas as pd
r = pd.read_csv(f"{sys.argv[1]}/early/early_report.csv")
cuts = [f"early-k{k}" for k in range(7)]
assert set(r.scorer) == {"distilled", "confidence", *cuts}, set(r.scorer)
assert len(r) == 6 * 9 and (r.inputs == 2000).all()
assert (r.auc_lo <= r.auc).all() and (r.auc <= r.auc_hi).all()
g = r[r.model == "mobile"].set_index("scorer").gmacs
assert all(g[a] < g[b] for a, b in zip(cuts, cuts[1:]))
print(r[r.model == "mobile"].to_string(index=False))
PY
