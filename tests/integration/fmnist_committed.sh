#!/usr/bin/env bash
# The committed Fashion-MNIST trace is what the committed weights predict, on every test
# image, and the fmnist scenario runs on it (docs/fashion-mnist.md).
source "$(dirname "$0")/common.sh"
if [[ ! -f /usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz ]]; then
  echo "skip: dataset-fashion-mnist is not installed"
  exit 77
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
# Early multiplexers on the committed zoo (docs/fashion-mnist.md),
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
# Distilled early heads on the zoo (--views), on 600 training and test images with 32 views
# each: every kind and target at every cut; at the last cut only the linear classifier follows
# the pool, so the linear student of the logits ranks the test images as the phone's own
# confidence does, and its AUC is the confidence's.
"$MUXSIM" zoo early --zoo "$SRC/models/fmnist" --trace "$SRC/traces/fmnist-test.csv" \
  --out "$WORK/distilled" --limit 600 --views 32 --quiet || fail "zoo early --views"
/usr/bin/python3 - "$WORK" <<'PY' || fail "distilled head checks above"
import sys, pandas as pd
r = pd.read_csv(f"{sys.argv[1]}/distilled/early_report.csv")
distilled = {f"distilled-{h}-{t}-k{k}" for h in ("ridge", "mlp", "student")
             for t in ("softmax", "margin") for k in range(7)}
assert set(r.scorer) == {"distilled", "confidence", *[f"early-k{k}" for k in range(7)], *distilled}
m = r[r.model == "mobile"].set_index("scorer").auc
assert abs(m["distilled-student-softmax-k6"] - m["confidence"]) < 0.005, m
print(m[[s for s in m.index if "student-softmax" in s or s == "confidence"]].to_string())
PY

# DIMEC-DC's data flow (docs/seed-policies.md): the region classifier learns from the
# cartography and the thresholds from the validation images, so scrambling the test
# trace's labels and correctness changes neither the thresholds nor any placement. A
# synthetic cartography stands in for the real one, which takes a zoo training run.
awk 'BEGIN { print "sample,model,confidence,variability,correctness";
  split("tiny mobile small resnet medium wide-resnet", m, " ");
  for (s = 0; s < 50000; s++) for (k = 1; k <= 6; k++)
    printf "train-%05d,%s,%.3f,%.3f,1\n", s, m[k], (s * 7919 % 1000) / 1000, (s % 3) / 10 }' >"$WORK/carto.csv"
/usr/bin/python3 - "$SRC/traces/fmnist-test.csv" "$WORK/scrambled.csv" <<'PY'
import sys, pandas as pd
t = pd.read_csv(sys.argv[1]).head(800)
t["label"] = (t.label + 3) % 10
# correct_ follows pred_ == label, as every trace must.
for c in [c for c in t.columns if c.startswith("correct_")]:
    t[c] = (t["pred_" + c[len("correct_"):]] == t.label).astype(int)
t.to_csv(sys.argv[2], index=False)
PY
for v in real scrambled; do
  trace=$SRC/traces/fmnist-test.csv
  [[ $v == scrambled ]] && trace=$WORK/scrambled.csv
  "$MUXSIM" zoo dimec --zoo "$SRC/models/fmnist" --cartography "$WORK/carto.csv" --trace "$trace" \
    --out "$WORK/dimec-$v" --limit 800 --region-samples 2000 --quiet 2>/dev/null || fail "zoo dimec ($v)"
done
/usr/bin/python3 - "$WORK" <<'PY' || fail "dimec data-flow checks above"
import sys, pandas as pd
w = sys.argv[1]
a, b = (pd.read_csv(f"{w}/dimec-{v}/trace.csv") for v in ("real", "scrambled"))
assert len(a) == 800 and set(a.region) <= {0, 1, 2}
assert (a.region == b.region).all(), "placements depend on test labels"
ra, rb = (pd.read_csv(f"{w}/dimec-{v}/dimec_report.csv").set_index("split") for v in ("real", "scrambled"))
assert ra.loc["validation"].equals(rb.loc["validation"])
assert (ra.easy_at == rb.easy_at).all() and (ra.hard_at == rb.hard_at).all()
# The test rows do read the labels, after placement: scrambled correctness changes accuracy.
assert ra.loc["test", "accuracy"] != rb.loc["test", "accuracy"]
print(ra.to_string())
PY
