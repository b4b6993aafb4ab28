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
