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
