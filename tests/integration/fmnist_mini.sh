#!/usr/bin/env bash
# Algorithm 1 in miniature (docs/fashion-mnist.md): a two-member zoo on
# 600 training images for one epoch, its multiplexer, and every output parsed; then bad
# input to the dataset reader.
source "$(dirname "$0")/common.sh"
data=/usr/share/datasets/fashion-mnist
if [[ ! -f $data/train-images-idx3-ubyte.gz ]]; then
  echo "skip: dataset-fashion-mnist is not installed"
  exit 77
fi
"$MUXSIM" zoo train --arch tiny --arch mobile --limit 600 --zoo-images 400 --epochs 1 \
  --out "$WORK/zoo" --cartography "$WORK/cartography.csv" --quiet || fail "zoo train"
"$MUXSIM" mux train --zoo "$WORK/zoo" --limit 200 --epochs 1 --out "$WORK/mux" --quiet 2>/dev/null ||
  fail "mux train"
"$MUXSIM" mux train --zoo "$WORK/zoo" --limit 200 --epochs 1 --out "$WORK/mux2" --quiet 2>/dev/null ||
  fail "mux train, again"
cmp -s "$WORK/mux/trace.csv" "$WORK/mux2/trace.csv" || fail "the same seed gave a different trace"
"$MUXSIM" zoo eval --zoo "$WORK/zoo" --trace "$WORK/mux/trace.csv" >"$WORK/eval.csv" ||
  fail "zoo eval: $(cat "$WORK/eval.csv")"
{
  echo "name = mini"
  echo "trace = $WORK/mux/trace.csv"
  echo "profiles = $SRC/models/fmnist-derived.csv"
  echo "[devices]"
  echo "phone_device = jetson-tx2"
  echo "cloud_device = gtx-1080ti"
  echo "mobile_model = mobile"
  echo "mux_model = mux-fmnist"
  echo "cloud_model = tiny"
  echo "cloud_models = tiny,mobile"
  echo "[policy]"
  echo "policies = mobile-only,cloud-only,hybrid,hybrid-confidence,hybrid-single,hybrid-ensemble,oracle"
  echo "[network]"
  echo "bandwidth_mbps = 10"
  echo "upload_bytes = 784"
} >"$WORK/mini.ini"
"$MUXSIM" run "$WORK/mini.ini" --out "$WORK/run" --quiet 2>/dev/null || fail "run on the mini trace"

/usr/bin/python3 - "$WORK" <<'PY' || fail "checks above"
import sys, pandas as pd
w = sys.argv[1]
zoo = pd.read_csv(f"{w}/zoo/zoo.csv")
assert list(zoo.architecture) == ["tiny", "mobile"] and (zoo.zoo_images == 400).all()
c = pd.read_csv(f"{w}/cartography.csv")
assert len(c) == 400 * 2 and set(c.model) == {"tiny", "mobile"}
for col in ["confidence", "variability", "correctness"]:
    assert c[col].between(0, 1).all(), col
t = pd.read_csv(f"{w}/mux/trace.csv")
assert len(t) == 200 and set(t.provenance) == {"real"} and (t.fold == 0).all()
for m in ["tiny", "mobile"]:
    assert t[f"score_{m}"].between(0, 1).all() and t[f"conf_{m}"].between(0, 1).all()
    assert ((t[f"pred_{m}"] == t.label) == (t[f"correct_{m}"] == 1)).all()
a = pd.read_csv(f"{w}/mux/algorithm2.csv")
assert {"hybrid-single", "hybrid-ensemble", "oracle"} <= set(a.policy)
assert (a[a.policy == "hybrid-ensemble"].threshold.round(3) == 0.288).any()
e = pd.read_csv(f"{w}/eval.csv")
assert (e.mismatched == 0).all() and (abs(e.trace_accuracy - e.weights_accuracy) < 1e-9).all()
r = pd.read_csv(f"{w}/run/results.csv")
assert (r.status == "ok").all() and len(r) == 14
print("mini pipeline outputs parse; trace invariants hold")
PY

# Bad input: a missing dataset says how to install it; a corrupt IDX file is named.
"$MUXSIM" zoo train --data "$WORK/nowhere" --out "$WORK/bad" 2>"$WORK/err"
[[ $? == 2 ]] || fail "missing dataset: wanted exit 2"
grep -q "apt-get install dataset-fashion-mnist" "$WORK/err" || fail "missing dataset: $(cat "$WORK/err")"
[[ ! -e $WORK/bad ]] || fail "missing dataset: output left behind"
mkdir -p "$WORK/corrupt"
echo "not idx" | gzip >"$WORK/corrupt/train-images-idx3-ubyte.gz"
cp "$data/train-labels-idx1-ubyte.gz" "$WORK/corrupt/"
"$MUXSIM" zoo train --data "$WORK/corrupt" --out "$WORK/bad" 2>"$WORK/err"
[[ $? == 2 ]] || fail "corrupt IDX: wanted exit 2"
grep -q "train-images-idx3-ubyte.gz: not an IDX file" "$WORK/err" || fail "corrupt IDX: $(cat "$WORK/err")"
[[ $(wc -l <"$WORK/err") == 1 && ! -e $WORK/bad ]] || fail "corrupt IDX: not one line, or output left"
echo "ok: fmnist miniature pipeline and bad input"
