#!/usr/bin/env bash
# docs/invariants.md #4: a run that fails is one failed row with its reason, not a lost sweep.
source "$(dirname "$0")/common.sh"
# 5 million simulated requests take far longer than the 2 s limit.
sed -e "s#\.\./models/#$SRC/models/#g" "$SRC/scenarios/paper-table1.ini" >"$WORK/slow.ini"
sed -i '1i requests = 5000000\nmodes = simulated' "$WORK/slow.ini"
sed -i 's/^policies = .*/policies = cloud-only/' "$WORK/slow.ini"
cp "$SRC/scenarios/paper-table2.ini" "$WORK/fast.ini"
sed -i "s#\.\./models/#$SRC/models/#g" "$WORK/fast.ini"
"$MUXSIM" run "$WORK/slow.ini" "$WORK/fast.ini" --out "$WORK/out" --run-timeout 2 --quiet
rc=$?
[[ $rc == 3 ]] || fail "exit $rc, wanted 3 (some runs failed)"
grep -q 'cloud-only,.*failed,run exceeded its time limit of 2 s' "$WORK/out/results.csv" || fail "no failed row with its reason"
ok=$(grep -c ',ok,' "$WORK/out/results.csv")
[[ $ok == 8 ]] || fail "expected the 8 rows of the other scenario, got $ok"
echo "fault isolation: 1 failed row with its reason, $ok rows ok"
