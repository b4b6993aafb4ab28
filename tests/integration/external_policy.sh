#!/usr/bin/env bash
# policy = external (docs/external-policy.md): python/examples/hybrid.py gives the built-in
# hybrid's rows byte for byte after the policy column, in both modes, on three shipped
# scenarios; a policy process that exits, crashes, writes malformed JSON, answers with a
# placement the deployment lacks or stops answering fails its run with the reason while the
# rest of the sweep completes, and no process of its group is left, also after SIGINT.
source "$(dirname "$0")/common.sh"
PY=/usr/bin/python3
HYBRID="$PY $SRC/python/examples/hybrid.py"
BAD="$PY $SRC/tests/policies/bad_policy.py"
[[ -x $PY ]] || fail "$PY is missing (./setup-deps.sh installs Debian's python3)"

# The columns after `policy`, per row, for the rows of one policy.
after_policy() {
  $PY - "$1" "$2" <<'PYEOF'
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
i = rows[0].index("policy")
for r in rows[1:]:
    if r[i] == sys.argv[2]:
        print(",".join(r[i + 1:]))
PYEOF
}

for scenario in paper-table1 campus fading-cell; do
  "$MUXSIM" run "$SRC/scenarios/$scenario.ini" --out "$WORK/$scenario" --quiet \
    --set modes=closed-form,simulated --set policy.policies=hybrid,external \
    --set "policy.external_command=$HYBRID" || fail "$scenario: exit $?"
  after_policy "$WORK/$scenario/results.csv" hybrid >"$WORK/builtin"
  after_policy "$WORK/$scenario/results.csv" external >"$WORK/external"
  [[ -s $WORK/builtin ]] || fail "$scenario: no hybrid rows"
  grep -q ',ok,' "$WORK/external" || fail "$scenario: external rows not ok"
  cmp -s "$WORK/builtin" "$WORK/external" ||
    fail "$scenario: external hybrid.py differs from the built-in: $(diff "$WORK/builtin" "$WORK/external" | head -4)"
  echo "ok: $scenario: hybrid.py = built-in hybrid on $(wc -l <"$WORK/builtin") rows"
done

# One scenario per misbehaviour, each with mobile-only beside the external policy.
groups="$WORK/groups"
: >"$groups"
scenarios=()
for mode in exit crash malformed placement slow hang; do
  sed -e "s#\.\./models/#$SRC/models/#g" -e "s/^name = .*/name = bad-$mode/" \
    -e 's/^policies = .*/policies = mobile-only,external/' \
    "$SRC/scenarios/paper-table1.ini" >"$WORK/bad-$mode.ini"
  sed -i "s#^\[policy\]#[policy]\nexternal_command = $BAD $mode $groups\nexternal_timeout_s = 1#" \
    "$WORK/bad-$mode.ini"
  sed -i '1i requests = 200\nmodes = closed-form,simulated' "$WORK/bad-$mode.ini"
  scenarios+=("$WORK/bad-$mode.ini")
done
"$MUXSIM" run "${scenarios[@]}" --out "$WORK/bad" --quiet --jobs 2
rc=$?
[[ $rc == 3 ]] || fail "bad policies: exit $rc, wanted 3 (some runs failed)"
results="$WORK/bad/results.csv"
expect_row() { # MODE REASON: both of its external rows failed with REASON
  local n
  n=$(grep "^[0-9]*,bad-$1,.*,external,.*,failed,.*$2" "$results" | wc -l)
  [[ $n == 2 ]] || fail "bad-$1: $n failed external rows saying '$2'; rows: $(grep "bad-$1" "$results")"
  echo "ok: bad-$1: $(grep -m1 "^[0-9]*,bad-$1,.*,external," "$results" | sed 's/.*,failed,//')"
}
expect_row exit "external policy exited with status 3 before it would answer request 2"
expect_row crash "external policy crashed (signal 11"
expect_row malformed "answer to request 2: malformed JSON"
expect_row placement "placement \"\"edge\"\", but the deployment has no edge tier"
expect_row slow "did not answer request 2 within 1 s"
expect_row hang "did not answer hello within 1 s"
ok=$(grep -c ',mobile-only,.*,ok,' "$results")
[[ $ok == 12 ]] || fail "the rest of the sweep: $ok of 12 mobile-only rows ok"
[[ ! -e $WORK/bad/results.partial.csv ]] || fail "results.partial.csv left behind"
[[ $(wc -l <"$groups") == 12 ]] || fail "expected 12 policy processes, $(wc -l <"$groups") started"
# Processes of a group that are still running (a killed one may wait as a zombie for init).
alive() { ps -eo pgid=,stat=,args= | awk -v g="$1" '$1 == g && $2 !~ /^Z/'; }
sleep 0.5
while read -r group; do
  [[ -z $(alive "$group") ]] || fail "process group $group outlived its run: $(alive "$group")"
done <"$groups"
echo "ok: 12 failed runs, 12 mobile-only rows, every policy's process group gone"

# SIGINT of the sweep while the policy thinks, in each mode: exit 130, its group gone.
for mode in closed-form simulated; do
  : >"$groups"
  sed -i -e "s/^external_timeout_s = .*/external_timeout_s = 60/" -e "s/^modes = .*/modes = $mode/" \
    "$WORK/bad-slow.ini"
  "$MUXSIM" run "$WORK/bad-slow.ini" --out "$WORK/int-$mode" --quiet &
  sweep=$!
  for _ in $(seq 100); do [[ -s $groups ]] && break; sleep 0.1; done
  group=$(head -1 "$groups")
  [[ -n $group ]] || fail "$mode: the policy never started"
  sleep 0.5
  kill -INT "$sweep"
  wait "$sweep"
  rc=$?
  [[ $rc == 130 ]] || fail "SIGINT in $mode: exit $rc, wanted 130"
  sleep 0.5
  [[ -z $(alive "$group") ]] || fail "SIGINT in $mode: group $group left: $(alive "$group")"
  echo "ok: SIGINT during a $mode run: exit 130, the policy's process group gone"
done

# Several named external policies in one scenario: each runs its own command ({name}), is
# named in results, and the named hybrid.py equals the built-in hybrid after the policy column.
{
  echo "trace = $SRC/traces/fmnist-test.csv"
  echo "profiles = $SRC/models/fmnist-derived.csv"
  echo "requests = 300"
  echo "[devices]"
  printf '%s\n' "phone_device = jetson-tx2" "cloud_device = gtx-1080ti" "mobile_model = mobile" \
    "mux_model = mux-fmnist" "cloud_model = wide-resnet"
  echo "[policy]"
  echo "policies = hybrid,external:hybrid,external:trivial"
  echo "external_command = /usr/bin/python3 $SRC/python/examples/{name}.py"
} >"$WORK/named.ini"
"$MUXSIM" run "$WORK/named.ini" --out "$WORK/named" --quiet || fail "named externals: run failed"
/usr/bin/python3 - "$WORK/named/results.csv" <<'PY' || fail "named externals: results"
import sys, pandas as pd
d = pd.read_csv(sys.argv[1])
assert set(d["policy"]) == {"hybrid", "external:hybrid", "external:trivial"}, set(d["policy"])
for mode, rows in d.groupby("mode"):
    a = rows[rows["policy"] == "hybrid"].drop(columns=["run", "policy"]).reset_index(drop=True)
    b = rows[rows["policy"] == "external:hybrid"].drop(columns=["run", "policy"]).reset_index(drop=True)
    pd.testing.assert_frame_equal(a, b)
    assert (rows[rows["policy"] == "external:trivial"]["local_fraction"] == 1).all()
PY
sed 's#{name}#hybrid#' "$WORK/named.ini" >"$WORK/same.ini"
expect_refused named-externals-one-command "field 'policy.external_command': several external policies would run the same command" "$WORK/same" run "$WORK/same.ini" --out "$WORK/same"
echo "ok: named external policies"
