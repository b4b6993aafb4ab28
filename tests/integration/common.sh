# Shared by the integration tests: $MUXSIM is the binary, $SRC the source tree.
set -u
MUXSIM=${MUXSIM:?set MUXSIM to the muxsim binary}
SRC=${SRC:?set SRC to the source tree}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_refused NAME EXPECTED_MESSAGE_PART OUTPUT muxsim-args...: the command must exit 2
# with one line on stderr holding EXPECTED, and leave OUTPUT (a path, or "") absent.
expect_refused() {
  local name=$1 expected=$2 output=$3
  shift 3
  "$MUXSIM" "$@" 2>"$WORK/err" >/dev/null && fail "$name: exit 0"
  local rc=$?
  [[ $rc == 2 ]] || fail "$name: exit $rc, wanted 2: $(cat "$WORK/err")"
  [[ $(wc -l <"$WORK/err") == 1 ]] || fail "$name: not one line: $(cat "$WORK/err")"
  grep -qF -- "$expected" "$WORK/err" || fail "$name: message lacks '$expected': $(cat "$WORK/err")"
  [[ -z $output || ! -e $output ]] || fail "$name: $output left behind"
  echo "ok: $name: $(cat "$WORK/err")"
}

# scenario FILE [LINE...]: a valid scenario over $WORK/trace.csv and $WORK/profile.csv (its
# lines 1-7: trace, profiles and [devices]), then the extra lines, written to $WORK/FILE.
scenario() {
  local file=$1
  shift
  {
    echo "trace = trace.csv"
    echo "profiles = profile.csv"
    echo "[devices]"
    echo "phone_device = phone"
    echo "cloud_device = cloud"
    echo "mobile_model = small"
    echo "cloud_model = big"
    printf '%s\n' "$@"
  } >"$WORK/$file"
}

# expect_bad NAME EXPECTED_MESSAGE_PART muxsim-run-args...: `muxsim run` refused, and no
# results.csv.
expect_bad() {
  local name=$1 expected=$2
  shift 2
  expect_refused "$name" "$expected" "$WORK/out-$name/results.csv" run "$@" --out "$WORK/out-$name" --quiet
}

# two_model_files: $WORK/profile.csv and a two-input $WORK/trace.csv of a phone model (small)
# and a cloud model (big), what scenario() reads.
two_model_files() {
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
}

# three_model_files TRACE: $WORK/profile.csv and a two-input trace $WORK/TRACE of a phone
# model (small) and two cloud models (big, bigger).
three_model_files() {
  cat >"$WORK/profile.csv" <<CSV
device,model,flops,latency_ms,energy_mj,accuracy,source,kind
phone,small,0.3,3.5,12,0.7,test,derived
phone,multiplexer,0.1,1,4,0,test,derived
cloud,big,16,11.8,0,0.8,test,derived
cloud,bigger,20,13,0,0.85,test,derived
CSV
  cat >"$WORK/$1" <<CSV
input_id,label,fold,pred_small,conf_small,correct_small,score_small,pred_big,conf_big,correct_big,score_big,pred_bigger,conf_bigger,correct_bigger,score_bigger,provenance
a,1,0,1,0.9,1,0.8,1,0.9,1,0.9,1,0.9,1,0.9,synthetic
b,2,0,3,0.4,0,0.2,2,0.8,1,0.9,2,0.8,1,0.9,synthetic
CSV
}

# fmnist_scenario FILE [LINE...]: a newcomer's scenario on the committed Fashion-MNIST trace
# (200 requests; its lines 1-11: trace, profiles, requests, [devices], [policy] policies =
# mobile-only,cloud-only,hybrid), then the extra lines, written to $WORK/FILE.
fmnist_scenario() {
  local file=$WORK/$1
  shift
  {
    echo "trace = $SRC/traces/fmnist-test.csv"
    echo "profiles = $SRC/models/fmnist-derived.csv"
    echo "requests = 200"
    echo "[devices]"
    echo "phone_device = jetson-tx2"
    echo "cloud_device = gtx-1080ti"
    echo "mobile_model = mobile"
    echo "cloud_model = wide-resnet"
    echo "mux_model = mux-fmnist"
    echo "[policy]"
    echo "policies = mobile-only,cloud-only,hybrid"
    printf '%s\n' "$@"
  } >"$file"
}

# png_drawn FILE: a PNG of at least 600 x 400 pixels, at least 5 % of its pixels not white
# and at least 0.25 % in colour: data drawn, not only axes (the figures draw their data in
# colour; frames and text are black and grey, legends a few short lines). The three figures
# of plot_mobility.sh's run are 9-36 % inked and 0.6-1.5 % in colour; axes with a title and an
# eight-line colour legend but no data are 2.3 % and 0.06 %, and a map without its walks
# and access points 2.6 % and 0.07 %.
png_drawn() {
  /usr/bin/python3 - "$1" <<'PY'
import sys
import matplotlib.image as mpimg
import numpy as np
path = sys.argv[1]
with open(path, "rb") as f:
    if f.read(8) != b"\x89PNG\r\n\x1a\n":
        sys.exit(f"{path}: not a PNG")
img = mpimg.imread(path)[..., :3]
h, w = img.shape[:2]
inked = (img < 0.97).any(axis=-1).mean()
coloured = (img.max(axis=-1) - img.min(axis=-1) > 0.2).mean()
if h < 400 or w < 600 or inked < 0.05 or coloured < 0.0025:
    sys.exit(f"{path}: {w}x{h} px, {inked:.1%} inked, {coloured:.2%} in colour: no data drawn")
print(f"{path.rsplit('/', 1)[-1]}: {w}x{h} px, {inked:.1%} inked, {coloured:.2%} in colour")
PY
}
