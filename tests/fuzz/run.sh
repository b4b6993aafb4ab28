#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, ASan + UBSan) and runs each for SECONDS, after
# replaying its regression cases (tests/fuzz/regressions/TARGET/). Seeds come from the
# repository's own files. Prints one line per target: executions, corpus size, findings.
# Exit 1 when a target finds a crash, a leak, a timeout or undefined behaviour; the input is
# kept in BUILD/findings/TARGET/.
# usage: tests/fuzz/run.sh SECONDS [TARGET ...]   (env FUZZ_BUILD, default build-fuzz)
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
seconds=${1:?usage: tests/fuzz/run.sh SECONDS [TARGET ...]}
shift
targets=("$@")
((${#targets[@]})) || targets=(scenario profile trace labels predictions bandwidth positions cartography idx jpeg answer)
build=${FUZZ_BUILD:-$src/build-fuzz}

cmake -S "$src/tests/fuzz" -B "$build" -G Ninja -DCMAKE_CXX_COMPILER=clang++ >/dev/null
cmake --build "$build" >/dev/null

# seed TARGET FILE...: copies the first 40 lines of each file into TARGET's corpus.
seed() {
  local target=$1
  shift
  mkdir -p "$build/corpus/$target"
  for f in "$@"; do
    [[ -f $f ]] && head -n 40 "$f" >"$build/corpus/$target/seed-$(basename "$f")"
  done
  return 0
}
seed scenario "$src"/scenarios/*.ini
seed profile "$src"/models/*.csv
seed trace "$src"/traces/*.csv
seed bandwidth "$src"/traces/bandwidth/*
corpus=$build/corpus
mkdir -p "$corpus/labels" "$corpus/predictions" "$corpus/cartography" "$corpus/idx" "$corpus/jpeg" \
  "$corpus/answer" "$corpus/positions"
printf 'phone,t,x,y\n0,0,0,0\n1,0,5.5,2\n0,10,80,0\n' >"$corpus/positions/seed-walks.csv"
printf 'x,y\n0,0\n80,12.5\n' >"$corpus/positions/seed-points.csv"
printf '0:0, 40.5:0, 80:12' >"$corpus/positions/seed-list"
printf '{"placement":"cloud","models":["resnext101_32x8d"],"mux":true,"phone_first":false}' \
  >"$corpus/answer/seed-cloud"
printf '{"placement":"edge","mux":"early","request":7}' >"$corpus/answer/seed-edge"
printf '{"placement":"local"}' >"$corpus/answer/seed-local"
printf 'file_name,label\na.JPEG,3\n"b, c.JPEG",999\n' >"$corpus/labels/seed-inline.csv"
printf 'file_name,predicted_class,predicted_probability,label,correct\na.JPEG,3,0.91,3,1\nb.JPEG,7,0.2,1,0\n' \
  >"$corpus/predictions/seed-inline.csv"
{
  echo "sample,model,confidence,variability"
  for i in 0 1 2 3; do
    echo "train-0000$i,mobile,0.$((i * 3)),0.1$i"
    echo "train-0000$i,resnet,0.9,0.05"
  done
} >"$corpus/cartography/seed-inline.csv"
# First byte even: images (3 dims), odd: labels (1 dim). Then the IDX file.
printf '\x00\x00\x00\x08\x03\x00\x00\x00\x01\x00\x00\x00\x02\x00\x00\x00\x02\x01\x02\x03\x04' \
  >"$corpus/idx/seed-images"
printf '\x01\x00\x00\x08\x01\x00\x00\x00\x02\x05\x07' >"$corpus/idx/seed-labels"
/usr/bin/python3 - "$corpus/jpeg" <<'PY'
import sys
from PIL import Image
for side, mode in ((8, "RGB"), (16, "L")):
    Image.new(mode, (side, side + 3), 128).save(f"{sys.argv[1]}/seed-{mode}{side}.jpg", quality=50)
PY

# run_target TARGET: replays its regression cases, fuzzes it, and writes its summary line
# to BUILD/TARGET.line and 1 to BUILD/TARGET.status on a finding (else 0).
run_target() {
  local t=$1 bin=$build/fuzz_$1 log=$build/$1.log status=0 runs
  local regressions=("$src/tests/fuzz/regressions/$t"/*)
  if [[ -e ${regressions[0]} ]] && ! "$bin" "${regressions[@]}" >"$build/$t.replay.log" 2>&1; then
    echo "$t: a regression case fails again; see $build/$t.replay.log" >&2
    status=1
  fi
  mkdir -p "$build/findings/$t"
  "$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=4096 \
    -artifact_prefix="$build/findings/$t/" "$corpus/$t" >"$log" 2>&1 || status=1
  runs=$(grep -o 'Done [0-9]* runs' "$log" | awk '{ print $2 }')
  printf '%-12s %12s %8s %9s\n' "$t" "${runs:-?}" "$(find "$corpus/$t" -type f | wc -l)" \
    "$(find "$build/findings/$t" -type f | wc -l)" >"$build/$t.line"
  echo "$status" >"$build/$t.status"
}

# FUZZ_JOBS targets at once (default 1; CI uses the machine's cores).
jobs=${FUZZ_JOBS:-1}
for t in "${targets[@]}"; do
  while (($(jobs -rp | wc -l) >= jobs)); do wait -n; done
  run_target "$t" &
done
wait
status=0
printf '%-12s %12s %8s %9s\n' target executions corpus findings
for t in "${targets[@]}"; do
  cat "$build/$t.line"
  [[ $(cat "$build/$t.status") == 0 ]] || status=1
done
((status == 0)) || echo "findings: see $build/findings and $build/*.log"
exit "$status"
