#!/usr/bin/env bash
# Byte-identical results across --jobs 1 and --jobs 2 (issue "Trustworthy under bad input",
# determinism): every shipped scenario whose inputs are in the repository, plus wifi-walk
# when the shared data is there. imagenet-1300 and fmnist-dimec read traces built under
# build/, so they are left to their own tests. Adaptive policies' learning files too.
source "$(dirname "$0")/common.sh"
S=$SRC/scenarios
scenarios=("$S/paper-table1.ini" "$S/paper-table1-light-mux.ini" "$S/paper-table2.ini"
  "$S/paper-realistic.ini" "$S/bandwidth-sweep.ini" "$S/load-sweep.ini"
  "$S/load-sweep-batching.ini" "$S/campus.ini" "$S/fading-cell.ini" "$S/fmnist.ini")
data=${MUXSIM_SHARED_DATA:-$SRC/../shared/data}
walk=$data/bandwidth/wifi-walk/7_1_wifi.csv
if [[ -f $walk ]]; then
  sed "s#^channel_trace = .*#channel_trace = $walk#; s#\.\./models/#$SRC/models/#g" \
    "$S/wifi-walk.ini" >"$WORK/wifi-walk.ini"
  scenarios+=("$WORK/wifi-walk.ini")
else
  echo "skip wifi-walk: no shared data at $data"
fi
for jobs in 1 2; do
  "$MUXSIM" run "${scenarios[@]}" --out "$WORK/jobs$jobs" --jobs "$jobs" --quiet ||
    fail "run with --jobs $jobs"
done
cmp "$WORK/jobs1/results.csv" "$WORK/jobs2/results.csv" || fail "results.csv differs between --jobs 1 and 2"
diff -r "$WORK/jobs1/learning" "$WORK/jobs2/learning" >/dev/null || fail "learning files differ"
echo "ok: $(($(wc -l <"$WORK/jobs1/results.csv") - 1)) rows byte-identical across --jobs 1 and 2"
# The same bytes on a CPU without AVX, AVX2, FMA or AVX-512 (docs/reproducibility.md):
# glibc's libm picks exp, log and pow variants by CPU feature, and the tunable hides these
# features from it.
GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX512F,-AVX2,-FMA,-AVX "$MUXSIM" run "${scenarios[@]}" \
  --out "$WORK/baseline" --jobs 2 --quiet || fail "run with the vector ISA extensions hidden"
cmp "$WORK/jobs1/results.csv" "$WORK/baseline/results.csv" ||
  fail "results.csv differs with AVX, AVX2, FMA and AVX-512 hidden from libm"
diff -r "$WORK/jobs1/learning" "$WORK/baseline/learning" >/dev/null ||
  fail "learning files differ with AVX, AVX2, FMA and AVX-512 hidden from libm"
echo "ok: byte-identical with AVX, AVX2, FMA and AVX-512 hidden from libm"
