#!/usr/bin/env bash
# GUIDE invariant 3: the same scenario and seed give byte-identical results.
source "$(dirname "$0")/common.sh"
for i in 1 2; do
  "$MUXSIM" run "$SRC/scenarios/paper-table1.ini" "$SRC/scenarios/paper-table2.ini" \
    --out "$WORK/run$i" --jobs 2 --quiet || fail "run $i failed"
done
cmp "$WORK/run1/results.csv" "$WORK/run2/results.csv" || fail "results differ between runs"
echo "reproducible: $(wc -l <"$WORK/run1/results.csv") lines identical"
