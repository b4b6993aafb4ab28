#!/usr/bin/env bash
# Bad input: one clear message naming file, line and field; exit status 2; no results.csv.
source "$(dirname "$0")/common.sh"

# expect_bad NAME EXPECTED_MESSAGE_PART muxsim-args...
expect_bad() {
  local name=$1 expected=$2
  shift 2
  local out="$WORK/out-$name"
  "$MUXSIM" run "$@" --out "$out" --quiet 2>"$WORK/err" && fail "$name: exit 0"
  local rc=$?
  [[ $rc == 2 ]] || fail "$name: exit $rc, wanted 2: $(cat "$WORK/err")"
  [[ $(wc -l <"$WORK/err") == 1 ]] || fail "$name: not one line: $(cat "$WORK/err")"
  grep -qF -- "$expected" "$WORK/err" || fail "$name: message lacks '$expected': $(cat "$WORK/err")"
  [[ ! -e $out/results.csv ]] || fail "$name: results.csv left behind"
  echo "ok: $name: $(cat "$WORK/err")"
}

# A valid scenario on a trace file and a profile of our own, then one defect at a time.
cat >"$WORK/profile.csv" <<CSV
device,model,flops,latency_ms,energy_mj,accuracy,source,kind
phone,small,0.3,3.5,12,0.7,test,derived
phone,multiplexer,0.1,1,4,0,test,derived
cloud,big,16,11.8,0,0.8,test,derived
CSV
cat >"$WORK/trace.csv" <<CSV
input_id,label,fold,pred_small,conf_small,correct_small,score_small,pred_big,conf_big,correct_big,score_big,provenance
a,1,0,1,0.9,1,0.8,1,0.9,1,0.9,synthetic
b,2,0,3,0.4,0,0.2,2,0.8,1,0.9,synthetic
CSV
scenario() { # scenario FILE [extra lines] — writes a valid scenario plus the extra lines
  local file=$1
  shift
  {
    echo "trace = trace.csv"
    echo "profiles = profile.csv"
    echo "phone_device = phone"
    echo "cloud_device = cloud"
    echo "mobile_model = small"
    echo "cloud_model = big"
    printf '%s\n' "$@"
  } >"$WORK/$file"
}
scenario good.ini "policies = mobile-only,hybrid"
"$MUXSIM" run "$WORK/good.ini" --out "$WORK/good" --quiet || fail "the valid scenario failed"
[[ -s $WORK/good/results.csv ]] || fail "the valid scenario wrote no results"

expect_bad missing-file "$WORK/nope.ini: cannot open file" "$WORK/nope.ini"

sed 's/^b,2,0,3,0.4/b,2,0,three,0.4/' "$WORK/trace.csv" >"$WORK/trace-text.csv"
scenario text.ini "policies = hybrid" "trace = trace-text.csv"
sed -i '1d' "$WORK/text.ini"
expect_bad malformed-row "trace-text.csv:3: field 'pred_small': 'three' is not an integer" "$WORK/text.ini"

cut -d, -f1-7 "$WORK/profile.csv" >"$WORK/profile-nokind.csv"
scenario nocol.ini "policies = hybrid" "profiles = profile-nokind.csv"
sed -i '2d' "$WORK/nocol.ini"
expect_bad missing-column "profile-nokind.csv:1: field 'kind': missing column" "$WORK/nocol.ini"

scenario key.ini "policies = hybrid" "bandwith_mbps = 10"
expect_bad unknown-key "key.ini:8: field 'bandwith_mbps': unknown key; known keys:" "$WORK/key.ini"

scenario model.ini "policies = hybrid" "cloud_models = big,huge"
expect_bad unknown-model "model.ini:8: field 'cloud_models': unknown model 'huge'; the trace has: small, big" "$WORK/model.ini"

scenario noprofile.ini "policies = hybrid" "mux_model = brain"
expect_bad model-without-profile "noprofile.ini:8: field 'mux_model': unknown model 'brain' on device 'phone'; known: small, multiplexer" "$WORK/noprofile.ini"

scenario policy.ini "policies = hybrid,teleport"
expect_bad unknown-policy "policy.ini:7: field 'policies': unknown policy 'teleport'" "$WORK/policy.ini"

scenario negative.ini "policies = hybrid" "bandwidth_mbps = -20"
expect_bad negative-bandwidth "negative.ini:8: field 'bandwidth_mbps': bandwidth must be positive" "$WORK/negative.ini"

scenario range.ini "policies = hybrid" "phones = 1:10:cubic:3"
expect_bad bad-sweep "range.ini:8: field 'phones': scale must be lin or log" "$WORK/range.ini"

expect_bad bad-option "unrecognised option" "$WORK/good.ini" --frobnicate
echo "bad input: all cases passed"
