#!/usr/bin/env bash
# muxsim merge joins separately run sweeps of different scenarios and the shards of one: the
# union of their columns (empty where an input lacks one), runs numbered on from one sweep to
# the next as muxsim run numbers scenarios given together, so --resume over the merged folder
# reruns nothing. Incompatible inputs are refused in one line, exit 2, nothing written.
source "$(dirname "$0")/common.sh"
set -o pipefail

three_model_files trace3.csv
cut -d, -f1-11,16 "$WORK/trace3.csv" >"$WORK/trace2.csv" # no model "bigger"
scenario() {                                             # scenario FILE TRACE SEEDS
  cat >"$WORK/$1" <<INI
trace = $2
profiles = profile.csv
seeds = $3
modes = closed-form
[devices]
phone_device = phone
cloud_device = cloud
mobile_model = small
cloud_model = big
[policy]
policies = mobile-only,cloud-only,hybrid
INI
}
scenario a.ini trace3.csv 1,2
scenario b.ini trace2.csv 1
sed 's/^seeds = .*/seeds = 3/' "$WORK/a.ini" >"$WORK/a3.ini" # scenario "a3", own sweep
run() { "$MUXSIM" run "$@" --quiet 2>/dev/null || fail "muxsim run $*"; }
run "$WORK/a.ini" --out "$WORK/a"
run "$WORK/b.ini" --out "$WORK/b"
run "$WORK/a.ini" "$WORK/b.ini" --out "$WORK/joint"

# Two scenarios run apart: OUT first, inputs as files or folders.
"$MUXSIM" merge "$WORK/m" "$WORK/a/results.csv" "$WORK/b" 2>"$WORK/err" || fail "merge: $(cat "$WORK/err")"
grep -q "wrote $WORK/m/results.csv (9 rows from 2 inputs, 2 sweeps" "$WORK/err" || fail "merge said: $(cat "$WORK/err")"
head -1 "$WORK/m/results.csv" | cmp - <(head -1 "$WORK/joint/results.csv") || fail "merged header is not the joint sweep's"
grep -q ",called_big,called_bigger,called_small," "$WORK/m/results.csv" || fail "called_ columns not sorted together"
head -7 "$WORK/m/results.csv" | cmp - "$WORK/a/results.csv" || fail "the first sweep's rows changed"
[[ $(cut -d, -f1 "$WORK/m/results.csv" | tail -n +2 | tr '\n' ' ') == "0 1 2 3 4 5 6 7 8 " ]] ||
  fail "runs not numbered on: $(cut -d, -f1 "$WORK/m/results.csv" | tr '\n' ' ')"
# b's rows: empty called_bigger, all else as b wrote it but the run.
col=$(head -1 "$WORK/m/results.csv" | tr ',' '\n' | grep -nx called_bigger | cut -d: -f1)
[[ $(tail -3 "$WORK/m/results.csv" | cut -d, -f"$col" | tr -d '\n') == "" ]] || fail "b's called_bigger is not empty"
diff <(tail -3 "$WORK/m/results.csv" | cut -d, -f2- | cut -d, -f"$((col - 1))" --complement) \
  <(tail -3 "$WORK/b/results.csv" | cut -d, -f2-) || fail "b's rows changed beyond run and called_bigger"
# The same as running them together, but for the cells b's trace has no model for.
diff <(cut -d, -f"$col" --complement "$WORK/m/results.csv") \
  <(cut -d, -f"$col" --complement "$WORK/joint/results.csv") || fail "merged differs from the joint sweep"
echo "ok: two scenarios run apart merge as the joint sweep numbers them, called_bigger empty where absent"

# --resume over the merged folder with the scenarios in that order reruns nothing.
cp "$WORK/m/results.csv" "$WORK/merged-copy.csv"
"$MUXSIM" run "$WORK/a.ini" "$WORK/b.ini" --out "$WORK/m" --resume 2>"$WORK/err" || fail "resume: $(cat "$WORK/err")"
grep -q "(9 rows, 9 resumed)" "$WORK/err" || fail "resume over the merged folder reran runs: $(cat "$WORK/err")"
cmp "$WORK/m/results.csv" "$WORK/merged-copy.csv" || fail "resume changed the merged file"
echo "ok: --resume over the merged folder reruns nothing"

# Shards of a two-scenario sweep, with a third scenario run apart and given first.
run "$WORK/a3.ini" --out "$WORK/a3"
for k in 1 2; do run "$WORK/a.ini" "$WORK/b.ini" --shard "$k/2" --out "$WORK/s$k"; done
"$MUXSIM" merge "$WORK/a3" "$WORK/s2" "$WORK/s1" --out "$WORK/m2" 2>/dev/null || fail "merge shards and a sweep"
head -4 "$WORK/m2/results.csv" | tail -3 | cut -d, -f2- | cmp - <(tail -3 "$WORK/a3/results.csv" | cut -d, -f2-) ||
  fail "the sweep given first is not first"
tail -9 "$WORK/m2/results.csv" | cut -d, -f2- | cmp - <(tail -9 "$WORK/joint/results.csv" | cut -d, -f2-) ||
  fail "the shards' rows are not the joint sweep's, in order"
[[ $(cut -d, -f1 "$WORK/m2/results.csv" | tail -n +2 | tr '\n' ' ') == "0 1 2 3 4 5 6 7 8 9 10 11 " ]] ||
  fail "shards plus a sweep not numbered on"
echo "ok: shards of one sweep and a sweep run apart merge in the order given"

# A column an input lacks is added, empty in its rows (an older muxsim's file).
col=$(head -1 "$WORK/b/results.csv" | tr ',' '\n' | grep -nx miss_rate | cut -d: -f1)
mkdir -p "$WORK/old" && cut -d, -f"$col" --complement "$WORK/b/results.csv" >"$WORK/old/results.csv"
"$MUXSIM" merge "$WORK/m3.csv" "$WORK/a" "$WORK/old" 2>/dev/null || fail "merge with a column missing"
head -1 "$WORK/m3.csv" | cmp - <(head -1 "$WORK/joint/results.csv") || fail "the missing column is not in its place"
[[ $(tail -3 "$WORK/m3.csv" | cut -d, -f"$col" | tr -d '\n') == "" ]] || fail "the missing column is not empty"
echo "ok: a column one input lacks is empty in its rows"

# Refused, naming file, line and field, and nothing written.
run "$WORK/a.ini" --set seeds=7 --out "$WORK/a-again"
expect_refused same-scenario-twice "a-again/results.csv:2: field 'run': run 0 is in more than one input (also $WORK/a/results.csv:2)" \
  "$WORK/x/results.csv" merge "$WORK/x" "$WORK/a" "$WORK/a-again"
expect_refused missing-shard "s2/results.csv: field 'run': run 0 is in no shard" \
  "$WORK/x/results.csv" merge "$WORK/x" "$WORK/a3" "$WORK/s2"
mkdir -p "$WORK/s1-old" && cut -d, -f"$col" --complement "$WORK/s1/results.csv" >"$WORK/s1-old/results.csv"
expect_refused shards-differ "s2/results.csv:1: field 'header': its columns differ from $WORK/s1-old/results.csv's" \
  "$WORK/x/results.csv" merge "$WORK/x" "$WORK/s1-old" "$WORK/s2"
mkdir -p "$WORK/twice" && sed '1s/,miss_rate,/,accuracy,/' "$WORK/b/results.csv" >"$WORK/twice/results.csv"
expect_refused column-twice "twice/results.csv:1: field 'accuracy': column named twice" \
  "$WORK/x/results.csv" merge "$WORK/x" "$WORK/a" "$WORK/twice"
expect_refused out-exists "m/results.csv: already exists; merge will not replace it unless it is named with --out" \
  "" merge "$WORK/m" "$WORK/a"
cmp "$WORK/m/results.csv" "$WORK/merged-copy.csv" || fail "a refused merge touched OUT"
expect_refused no-input "command line: no results file given" "" merge "$WORK/x"
echo "merge: all cases passed"
