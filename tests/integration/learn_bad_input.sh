#!/usr/bin/env bash
# Bad input to predict, trace and profile: one clear message naming the file, exit status
# 2, no output file. Cases that need the real model skip without the shared data.
source "$(dirname "$0")/common.sh"
data=${MUXSIM_SHARED_DATA:-$SRC/../shared/data}
model=$data/imagenet-models/mobilenet_v2_quantized.pt
val=$data/imagenet-val-1300

mkdir -p "$WORK/img"
echo "not a model" >"$WORK/fake.pt"
printf 'file_name,label\n' >"$WORK/labels.csv"
expect_refused not-a-model "fake.pt: not a TorchScript model" "$WORK/p.csv" \
  predict --model "$WORK/fake.pt" --images "$WORK/img" --labels "$SRC/tests/data/two-labels.csv" --out "$WORK/p.csv"
expect_refused bad-model-name "is not NAME=PREDICTIONS.csv" "$WORK/t" \
  trace --labels "$SRC/tests/data/two-labels.csv" --images "$WORK/img" --model oops --out "$WORK/t"
expect_refused profile-few-runs "--runs must be at least 50" "$WORK/prof.csv" \
  profile --arch mux-cnn64 --runs 5 --out "$WORK/prof.csv"
expect_refused profile-unknown "unknown architecture 'vgg'" "$WORK/prof.csv" \
  profile --arch vgg --out "$WORK/prof.csv"
# The quantized engine: QNNPACK or oneDNN; Debian's LibTorch has no FBGEMM.
expect_refused qengine-predict "--qengine 'fbgemm' is not qnnpack or onednn" "$WORK/p.csv" \
  predict --model "$WORK/fake.pt" --images "$WORK/img" --labels "$SRC/tests/data/two-labels.csv" \
  --out "$WORK/p.csv" --qengine fbgemm
expect_refused qengine-profile "--qengine 'x86' is not qnnpack or onednn" "$WORK/prof.csv" \
  profile --arch mux-cnn64 --out "$WORK/prof.csv" --qengine x86
expect_refused qengine-trace "--qengine '' is not qnnpack or onednn" "$WORK/t" \
  trace --labels "$SRC/tests/data/two-labels.csv" --images "$WORK/img" --model a=x.csv --out "$WORK/t" \
  --qengine ""
# Preprocessing options, refused before any image is read.
expect_refused crop-over-resize "--crop 300 is larger than --resize 256" "$WORK/p.csv" \
  predict --model "$WORK/fake.pt" --images "$WORK/img" --labels "$SRC/tests/data/two-labels.csv" \
  --out "$WORK/p.csv" --crop 300 --resize 256
expect_refused crop-zero "--crop 0 is not a side in pixels from 1 to 4096" "$WORK/t" \
  trace --labels "$SRC/tests/data/two-labels.csv" --images "$WORK/img" --model a=x.csv --out "$WORK/t" \
  --crop 0
# Early multiplexer options, refused before any image is read.
expect_refused early-blocks-text "--prefix-blocks: 'seven' is not an integer" "$WORK/t" \
  trace --labels "$SRC/tests/data/two-labels.csv" --images "$WORK/img" --model a=x.csv --out "$WORK/t" \
  --prefix-model "$WORK/fake.pt" --prefix-blocks 2,seven
expect_refused early-block-absent "--early-block 5 must be one of --prefix-blocks" "$WORK/t" \
  trace --labels "$SRC/tests/data/two-labels.csv" --images "$WORK/img" --model a=x.csv --out "$WORK/t" \
  --prefix-model "$WORK/fake.pt" --prefix-blocks 2,4 --early-block 5
expect_refused early-head "--head 'forest' must be logistic or mlp" "$WORK/t" \
  trace --labels "$SRC/tests/data/two-labels.csv" --images "$WORK/img" --model a=x.csv --out "$WORK/t" \
  --head forest
printf 'input_id,label,fold,pred_a,conf_a,correct_a,score_a,provenance\nt10k-00000,9,0,9,0.9,1,0.8,real\n' >"$WORK/other-trace.csv"
printf 'sample,model,confidence,variability,correctness\ntrain-00000,mobile,0.9,0.1,1\n' >"$WORK/carto.csv"
expect_refused dimec-negative-mu "--mu must be at least 0" "$WORK/dm" \
  zoo dimec --zoo "$SRC/models/fmnist" --cartography "$WORK/carto.csv" \
  --trace "$SRC/traces/fmnist-test.csv" --out "$WORK/dm" --mu -1
expect_refused dimec-cartography "carto.csv: does not match the zoo at" "$WORK/dm" \
  zoo dimec --zoo "$SRC/models/fmnist" --cartography "$WORK/carto.csv" \
  --trace "$SRC/traces/fmnist-test.csv" --out "$WORK/dm"
expect_refused zoo-early-trace "are not the zoo's" "$WORK/ze" \
  zoo early --zoo "$SRC/models/fmnist" --trace "$WORK/other-trace.csv" --out "$WORK/ze"
expect_refused zoo-early-views "--views must be 0 or more" "$WORK/ze" \
  zoo early --zoo "$SRC/models/fmnist" --trace "$SRC/traces/fmnist-test.csv" --out "$WORK/ze" --views -1
# Distilled heads: a negative view count, and an early score that is not a probability.
expect_refused trace-views "--views must be 0 or more" "$WORK/t" \
  trace --labels "$SRC/tests/data/two-labels.csv" --images "$WORK/img" --model a=x.csv --out "$WORK/t" \
  --views -1
expect_refused trace-early-margin "--early-scores 'distilled-student-margin' must be logistic" "$WORK/t" \
  trace --labels "$SRC/tests/data/two-labels.csv" --images "$WORK/img" --model a=x.csv --out "$WORK/t" \
  --views 4 --early-scores distilled-student-margin

if [[ ! -f $model ]]; then
  echo "skip: no shared data at $data for the model-based cases (set MUXSIM_SHARED_DATA)"
  exit 77
fi
# Three real images, one of them corrupted by truncation.
ids=($(sed -n '2,4p' "$val/labels.csv" | cut -d, -f1))
for id in "${ids[@]}"; do cp "$val/images/$id" "$WORK/img/"; done
sed -n '1,4p' "$val/labels.csv" >"$WORK/labels.csv"
predict() { "$MUXSIM" predict --model "$model" --images "$WORK/$1" --labels "$WORK/$2" --out "$WORK/p.csv"; }

cp -r "$WORK/img" "$WORK/corrupt"
head -c 3000 "$val/images/${ids[1]}" >"$WORK/corrupt/${ids[1]}"
expect_refused corrupt-jpeg "${ids[1]}: not a readable JPEG" "$WORK/p.csv" \
  predict --model "$model" --images "$WORK/corrupt" --labels "$WORK/labels.csv" --out "$WORK/p.csv"

sed -n '1,3p' "$val/labels.csv" >"$WORK/short.csv"
expect_refused unlabelled-image "${ids[2]}: image has no label in" "$WORK/p.csv" \
  predict --model "$model" --images "$WORK/img" --labels "$WORK/short.csv" --out "$WORK/p.csv"

{ sed -n '1,3p' "$val/labels.csv"; echo "${ids[2]},1000"; } >"$WORK/range.csv"
expect_refused label-out-of-range "range.csv:4: field 'label': class 1000 is out of range" "$WORK/p.csv" \
  predict --model "$model" --images "$WORK/img" --labels "$WORK/range.csv" --out "$WORK/p.csv"

# A good run, then a trace whose imported predictions miss one input.
"$MUXSIM" predict --model "$model" --images "$WORK/img" --labels "$WORK/labels.csv" --out "$WORK/p.csv" 2>/dev/null ||
  fail "good predict failed"
grep -v "${ids[0]}" "$WORK/p.csv" >"$WORK/missing.csv"
expect_refused join-missing "'${ids[0]}' has no prediction in" "$WORK/t" \
  trace --labels "$WORK/labels.csv" --images "$WORK/img" --model a="$WORK/p.csv" --model b="$WORK/missing.csv" --folds 2 --out "$WORK/t"
