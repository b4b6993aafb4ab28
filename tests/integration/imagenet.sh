#!/usr/bin/env bash
# The ImageNet pipeline end to end on the shared data (docs/imagenet.md): the
# default quantized engine's answers against the committed golden, on this CPU and under
# every ISA cap that can be set here (docs/reproducibility.md); the
# out-of-fold property checked from the fold membership file; and the imagenet-1300
# scenario's results. Skips in one line (exit 77) without the shared data.
source "$(dirname "$0")/common.sh"
data=${MUXSIM_SHARED_DATA:-$SRC/../shared/data}
if [[ ! -d $data/imagenet-val-1300 ]]; then
  echo "skip: no shared data at $data (the ImageNet validation images, models and per-image predictions of ../shared/data; docs/imagenet.md): set MUXSIM_SHARED_DATA to that folder"
  exit 77
fi
build=$(dirname "$MUXSIM")
"$SRC/scripts/imagenet-1300.sh" "$build" "$data" >"$WORK/log" 2>&1 || fail "pipeline: $(tail -5 "$WORK/log")"
out=$build/imagenet-1300
logits=$(sed -n 's/^logits sha256 //p' "$WORK/log")
[[ -n $logits ]] || fail "predict printed no logits digest"

# The default engine's logits are the same bits whatever ATen and oneDNN may use: caps down to
# AVX2 (an AVX2-only machine) and to no vector extension at all.
val=$data/imagenet-val-1300
for caps in "ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2" \
  "ATEN_CPU_CAPABILITY=default ONEDNN_MAX_CPU_ISA=SSE41"; do
  env $caps "$MUXSIM" predict --model "$data/imagenet-models/mobilenet_v2_quantized.pt" \
    --images "$val/images" --labels "$val/labels.csv" --resize 0 --out "$WORK/capped.csv" \
    2>"$WORK/capped.log" || fail "predict under $caps: $(cat "$WORK/capped.log")"
  grep -qx "logits sha256 $logits" "$WORK/capped.log" ||
    fail "logits under $caps differ from the uncapped run's: $(cat "$WORK/capped.log")"
  cut -d, -f1-5 "$WORK/capped.csv" | cmp -s - <(cut -d, -f1-5 "$out/mobilenet_v2.csv") ||
    fail "predictions under $caps differ from the uncapped run's"
  grep -q "capped ${caps%% *}" "$WORK/capped.csv" || fail "the isa column does not name the cap $caps"
  echo "ok: the same logits under $caps"
done

# The default engine's 1,300 top-1 classes equal the committed golden.
/usr/bin/python3 - "$out" "$SRC" <<'PY' || fail "checks above"
import hashlib, sys, pandas as pd
out, src = sys.argv[1], sys.argv[2]
p = pd.read_csv(f"{out}/mobilenet_v2.csv")
golden = pd.read_csv(f"{src}/tests/data/imagenet-top1-golden.csv").set_index("qengine")
g = golden.loc["qnnpack"]
top1 = hashlib.sha256("".join(f"{c}\n" for c in p.predicted_class).encode()).hexdigest()
acc = p.correct.mean()
print(f"mobilenet_v2 top-1 {acc:.4f} on {len(p)} images, classes sha256 {top1}")
assert len(p) == 1300 and top1 == g.top1_sha256, (top1, g.top1_sha256)
assert p.correct.sum() == g.top1_correct, p.correct.sum()
sha = "2778381c5eb7639a2229bc39567cf644226e5aa3d3a1d46dfcee70b373738498"  # shared data README
assert set(p.qengine) == {"qnnpack"} and set(p.model_sha256) == {sha}
assert p.isa.nunique() == 1 and p.isa.iloc[0] != ""

t = pd.read_csv(f"{out}/trace.csv")
folds = pd.read_csv(f"{out}/mux_folds.csv")
isa = p.isa.iloc[0]
assert set(t.provenance) == {f"real; mobilenet_v2 model_sha256={sha} qengine=qnnpack isa={isa}; "
                             f"early heads qengine=qnnpack isa={isa} model_sha256={sha}"}, set(t.provenance)
# No input is scored by a network that trained on it: the network with the input's own
# fold number must not list it among its training inputs.
scored_by = dict(zip(t.input_id, t.fold))
leaks = [i for n, i in zip(folds.network, folds.trained_on) if scored_by[i] == n]
assert not leaks, leaks[:5]
# ...and every other network did train on it (k-1 of k).
k = t.fold.nunique()
assert len(folds) == len(t) * (k - 1), (len(folds), len(t), k)
for m in ["mobilenet_v2", "resnet50", "vit", "dino", "simclr"]:
    assert t[f"score_{m}"].between(0, 1).all()
print(f"trace: {len(t)} inputs, {k} folds, no input scored by a network trained on it")

r = pd.read_csv(f"{out}/results.csv")
assert (r.status == "ok").all()
need = {"mobile-only", "cloud-only", "hybrid", "hybrid-confidence", "hybrid-early", "oracle"}
assert need <= set(r.policy), set(r.policy)
one = r[(r["mode"] == "closed-form") & (r.phones == 1) & (r.bandwidth_mbps == 100)].set_index("policy")
assert abs(one.loc["mobile-only", "accuracy"] - acc) < 1e-5
assert abs(one.loc["cloud-only", "accuracy"] - t.correct_resnet50.mean()) < 1e-5
assert one.loc["oracle", "accuracy"] >= one.accuracy.max() - 1e-9
rep = pd.read_csv(f"{out}/mux_report.csv")
early = [f"early-k{k}" for k in (2, 4, 7, 11, 14, 17, 18)]
assert set(rep.scorer) == {"learned", "confidence", *early}, set(rep.scorer)
assert len(rep) == 5 * 9
assert (rep.auc_lo <= rep.auc).all() and (rep.auc <= rep.auc_hi).all()
print(rep[rep.model == "mobilenet_v2"].to_string(index=False))

# The early multiplexers' costs: the committed TX2 rows are Table I's mobilenet_v2 figures
# scaled by the MACs early_blocks.csv counts.
blocks = pd.read_csv(f"{out}/early_blocks.csv")
total = blocks.prefix_macs.iloc[-1]
assert blocks.module.iloc[-1] == "classifier" and abs(total - 300.8e6) < 1e6, total
prof = pd.read_csv(f"{sys.argv[2]}/models/jetson-tx2.csv").set_index("model")
for k in (2, 4, 7, 11, 14, 17, 18):
    b = blocks.set_index("block").loc[k]
    for row, macs in ((f"mobilenet_v2-k{k}", b.prefix_macs), (f"mux-head-k{k}", b.head_macs)):
        assert abs(prof.loc[row, "flops"] - 0.299 * macs / total) < 1e-8, row
        assert abs(prof.loc[row, "latency_ms"] - 3.53 * macs / total) < 1e-6, row

# hybrid-early at one phone, recomputed from the trace: local when the early score for
# mobilenet_v2 reaches 0.5, else resnet50 in the cloud.
keep = t.early_mobilenet_v2 >= 0.5
expect = (keep * t.correct_mobilenet_v2 + (~keep) * t.correct_resnet50).mean()
e = one.loc["hybrid-early"]
assert abs(e.accuracy - expect) < 1e-5, (e.accuracy, expect)
assert abs(e.local_fraction - keep.mean()) < 1e-5
PY
echo "ok: imagenet-1300 pipeline"

# Distilled early heads (muxsim trace --views) on 60 of the images with 2 views each (the
# full run is scripts/imagenet-distill.sh): the same seed gives a byte-identical report; no
# head trained on a view of an image it scored (mux_view_folds.csv); and the labels never
# reach the distilled heads: with the labels shuffled, their scores are unchanged and only
# their AUC moves, while the heads trained on correctness change.
sub=$WORK/subset
mkdir -p "$sub/images"
head -61 "$val/labels.csv" >"$sub/labels.csv"
tail -n +2 "$sub/labels.csv" | cut -d, -f1 | while read -r f; do ln -s "$val/images/$f" "$sub/images/$f"; done
/usr/bin/python3 - "$sub" "$out/mobilenet_v2.csv" <<'PY' || fail "subset"
import sys, pandas as pd
sub, predictions = sys.argv[1], sys.argv[2]
labels = pd.read_csv(f"{sub}/labels.csv")
p = pd.read_csv(predictions).set_index("file_name").loc[labels.file_name].reset_index()
p.to_csv(f"{sub}/p.csv", index=False)
shuffled = labels.assign(label=labels.label.sample(frac=1, random_state=3).values)
assert (shuffled.label != labels.label).any()
shuffled.to_csv(f"{sub}/shuffled.csv", index=False)
p.assign(label=shuffled.label.values, correct=(p.predicted_class == shuffled.label.values).astype(int)) \
    .to_csv(f"{sub}/p-shuffled.csv", index=False)
PY
distill() { # distill OUT LABELS PREDICTIONS
  "$(dirname "$MUXSIM")/muxsim-learn" trace --labels "$2" --images "$sub/images" \
    --model mobilenet_v2="$3" --out "$1" --epochs 1 --quiet --prefix-blocks 4,11 \
    --prefix-model "$data/imagenet-models/mobilenet_v2_quantized.pt" --resize 0 \
    --early-block 11 --views 2 --early-scores distilled-ridge-softmax 2>"$WORK/distill.log" ||
    fail "muxsim trace --views: $(tail -3 "$WORK/distill.log")"
}
distill "$WORK/d1" "$sub/labels.csv" "$sub/p.csv"
distill "$WORK/d2" "$sub/labels.csv" "$sub/p.csv"
cmp -s "$WORK/d1/mux_report.csv" "$WORK/d2/mux_report.csv" || fail "the same seed gave another mux_report.csv"
distill "$WORK/d3" "$sub/shuffled.csv" "$sub/p-shuffled.csv"
/usr/bin/python3 - "$WORK" <<'PY' || fail "distilled heads"
import sys, pandas as pd
w = sys.argv[1]
t1, t3 = pd.read_csv(f"{w}/d1/trace.csv"), pd.read_csv(f"{w}/d3/trace.csv")
folds = pd.read_csv(f"{w}/d1/mux_view_folds.csv")
scored_by = dict(zip(t1.input_id, t1.fold))
# 2 cuts x (ridge, MLP, student) x (softmax, margin) + the light CNN = 13 heads, x 5 folds x 48
assert len(folds) == 13 * 5 * 48, len(folds)
assert not [i for n, i in zip(folds.network, folds.trained_on) if scored_by[i] == n]
# The distilled ridge head at block 11 wrote early_mobilenet_v2; shuffled labels leave it be.
assert (t1.early_mobilenet_v2 == t3.early_mobilenet_v2).all()
assert (t1.correct_mobilenet_v2 != t3.correct_mobilenet_v2).any()
r1, r3 = (pd.read_csv(f"{w}/{d}/mux_report.csv").set_index("scorer") for d in ("d1", "d3"))
distilled = [s for s in r1.index if s.startswith("distilled-")]
assert len(distilled) == 13, distilled
assert any(r1.loc[s, "auc"] != r3.loc[s, "auc"] for s in distilled)
assert (r1.loc["early-k11", "auc"] != r3.loc["early-k11", "auc"]) or \
       (pd.read_csv(f"{w}/d1/trace.csv").score_mobilenet_v2 != t3.score_mobilenet_v2).any()
print(f"distilled heads: {len(distilled)} scorers, report identical on a rerun, no view of a "
      f"scored image in its head's training, scores unchanged by shuffled labels")
PY
echo "ok: distilled early heads"
