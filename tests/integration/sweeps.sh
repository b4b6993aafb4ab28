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

# --resume reruns failed runs too: a run timeout fails every simulated run, then a resume
# without it reruns those alone and ends equal to an uninterrupted sweep.
"$MUXSIM" run "$S/bandwidth-sweep.ini" --out "$WORK/failed" --run-timeout 0.001 --quiet 2>/dev/null
[[ $? == 3 ]] || fail "a sweep with failed runs did not exit 3"
ok_rows=$(grep -c ',ok,' "$WORK/failed/results.csv")
"$MUXSIM" run "$S/bandwidth-sweep.ini" --out "$WORK/failed" --resume 2>"$WORK/err" || fail "resume after failures"
grep -q "$ok_rows resumed" "$WORK/err" || fail "resume did not keep the $ok_rows ok rows: $(tail -1 "$WORK/err")"
cmp "$WORK/failed/results.csv" "$WORK/whole/results.csv" || fail "resumed failures differ"
echo "ok: resume kept $ok_rows ok rows and reran the failed ones"

# SIGTERM and SIGINT to the parent stop its children at once, exit 143 and 130, and leave no
# results.csv.
sed -e "s#\.\./models/#$(cd "$SRC" && pwd)/models/#g" -e 's/^policies = .*/policies = cloud-only/' \
  -e 's/^phones = .*/phones = 10/' "$S/paper-table1.ini" >"$WORK/long.ini"
sed -i '1i modes = simulated\nrequests = 5000000\nseeds = 1,2,3,4' "$WORK/long.ini"
sed -i '/^seeds = 1$/d' "$WORK/long.ini"
for signal in TERM INT; do
  "$MUXSIM" run "$WORK/long.ini" --out "$WORK/stopped-$signal" --jobs 2 --quiet 2>"$WORK/err" &
  pid=$!
  children=""
  for _ in $(seq 100); do
    children=$(pgrep -P $pid | tr '\n' ' ')
    [[ $(wc -w <<<"$children") == 2 ]] && break
    sleep 0.05
  done
  [[ -n $children ]] || fail "SIG$signal: no children started: $(cat "$WORK/err")"
  kill -s "$signal" $pid
  wait $pid
  rc=$?
  want=$([[ $signal == TERM ]] && echo 143 || echo 130)
  [[ $rc == "$want" ]] || fail "SIG$signal: exit $rc, wanted $want: $(cat "$WORK/err")"
  for child in $children; do
    ! kill -0 "$child" 2>/dev/null || fail "SIG$signal: child $child still runs"
  done
  [[ ! -e $WORK/stopped-$signal/results.csv ]] || fail "SIG$signal: results.csv written"
  grep -q "stopped: interrupted by signal" "$WORK/err" || fail "SIG$signal: message: $(cat "$WORK/err")"
done
echo "ok: SIGTERM and SIGINT stop the children and exit 143 and 130"
