#!/usr/bin/env bash
# Sweeps on a cluster: shards merged equal the whole sweep byte for byte, and --resume after
# a sweep killed halfway reruns only the missing runs and ends equal to an uninterrupted run.
source "$(dirname "$0")/common.sh"
set -o pipefail
S=$SRC/scenarios
"$MUXSIM" run "$S/paper-table1.ini" "$S/fmnist.ini" "$S/bandwidth-sweep.ini" --out "$WORK/all" --jobs 2 --quiet 2>/dev/null ||
  fail "whole sweep"
for k in 1 2 3; do
  "$MUXSIM" run "$S/paper-table1.ini" "$S/fmnist.ini" "$S/bandwidth-sweep.ini" --out "$WORK/shard$k" \
    --shard "$k/3" --jobs 2 --quiet 2>/dev/null || fail "shard $k/3"
done
"$MUXSIM" merge "$WORK/shard1" "$WORK/shard2" "$WORK/shard3" --out "$WORK/merged" 2>/dev/null || fail "merge"
cmp "$WORK/all/results.csv" "$WORK/merged/results.csv" || fail "merged shards differ from the whole sweep"
"$MUXSIM" merge "$WORK/shard1" "$WORK/shard3" --out "$WORK/gap" 2>"$WORK/err" && fail "merge with a shard missing"
grep -q "field 'run': run 1 is in no shard" "$WORK/err" || fail "missing shard message: $(cat "$WORK/err")"
echo "ok: 3 shards merged equal the whole sweep; a missing shard is named"

# Kill a one-job sweep once some of its runs are written, then resume it.
"$MUXSIM" run "$S/bandwidth-sweep.ini" --out "$WORK/cut" --jobs 1 --quiet 2>/dev/null &
pid=$!
for _ in $(seq 200); do
  [[ -f $WORK/cut/results.partial.csv ]] && (($(wc -l <"$WORK/cut/results.partial.csv") > 60)) && break
  sleep 0.05
done
kill -9 $pid 2>/dev/null
wait $pid 2>/dev/null
[[ ! -f $WORK/cut/results.csv ]] || fail "the killed sweep finished before it was killed"
before=$(($(wc -l <"$WORK/cut/results.partial.csv") - 1))
"$MUXSIM" run "$S/bandwidth-sweep.ini" --out "$WORK/cut" --jobs 1 --resume 2>"$WORK/err" || fail "resume"
grep -q "resumed" "$WORK/err" || fail "resume reran everything: $(tail -1 "$WORK/err")"
"$MUXSIM" run "$S/bandwidth-sweep.ini" --out "$WORK/whole" --jobs 1 --quiet 2>/dev/null || fail "uninterrupted"
cmp "$WORK/cut/results.csv" "$WORK/whole/results.csv" || fail "resumed sweep differs"
[[ ! -f $WORK/cut/results.partial.csv ]] || fail "partial file left behind"
echo "ok: killed after $before runs, resumed ($(tail -1 "$WORK/err")), equal to an uninterrupted run"
