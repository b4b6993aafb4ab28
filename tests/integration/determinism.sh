#!/usr/bin/env bash
# Byte-identical results and request logs (docs/invariants.md #3): for every shipped scenario
# whose inputs are in the repository, plus wifi-walk when the shared data is there (without
# it the rest runs and the test ends with 77, skipped),
#  * --jobs 1 and --jobs 2 give the same results.csv and request log;
#  * so does a run with AVX, AVX2, FMA and AVX-512 hidden from glibc's libm, which picks its
#    exp, log and pow variants by CPU feature (docs/reproducibility.md);
#  * both match the digests committed in tests/data/scenario-digests.csv, so a change that
#    moves any shipped scenario's numbers fails here until the digests are renewed with
#    `determinism.sh --update` and the change is explained in its commit.
# imagenet-1300 and fmnist-dimec read traces built under build/, so they are left to their
# own tests. Adaptive policies' learning files are compared across the runs too. Beside the
# shipped scenarios, tests/data/every-policy runs every registered policy, external included,
# a shortened campus-walk its walking phones, and shortened wifi6-lab and campus-wifi6 the
# 802.11ac and ax models.
source "$(dirname "$0")/common.sh"
S=$SRC/scenarios
DIGESTS=$SRC/tests/data/scenario-digests.csv
scenarios=("$S/paper-table1.ini" "$S/paper-table1-light-mux.ini" "$S/paper-table2.ini"
  "$S/paper-realistic.ini" "$S/paper-realistic-80211g.ini" "$S/bandwidth-sweep.ini" "$S/load-sweep.ini"
  "$S/load-sweep-batching.ini" "$S/campus.ini" "$S/fading-cell.ini" "$S/fmnist.ini")
data=${MUXSIM_SHARED_DATA:-$SRC/../shared/data}
[[ $data == /* ]] || data=$PWD/$data # the scenario is written elsewhere
walk=$data/bandwidth/wifi-walk/7_1_wifi.csv
if [[ -f $walk ]]; then
  sed "s#^channel_trace = .*#channel_trace = $walk#; s#\.\./models/#$SRC/models/#g" \
    "$S/wifi-walk.ini" >"$WORK/wifi-walk.ini"
  scenarios+=("$WORK/wifi-walk.ini")
else
  echo "skip wifi-walk: no shared data at $data"
fi

# Every policy in the registry (muxsim run --policies), none named by hand, on a deployment
# that has what any of them needs: a policy added to the registry is compared here at once.
policies=$("$MUXSIM" run --policies | paste -sd, -)
[[ $policies == *,* ]] || fail "muxsim run --policies: '$policies'"
every=$(cd "$SRC/tests/data/every-policy" && pwd)
sed -e "s#^policies = .*#policies = $policies#" -e "s#^\(trace\|profiles\) = #\1 = $every/#" \
  -e "s# \.\./\.\./\.\./# $every/../../../#" "$every/every-policy.ini" >"$WORK/every-policy.ini"
scenarios+=("$WORK/every-policy.ini")

# Phones that walk (docs/mobility.md): campus-walk's seeded walks, roaming, gaps and waits
# for a link, shortened to a few simulated minutes.
sed -e "s#\.\./models/#$SRC/models/#g" -e 's/^requests = .*/requests = 6000/' \
  -e 's/^seeds = .*/seeds = 1,2/' "$S/campus-walk.ini" >"$WORK/campus-walk.ini"
scenarios+=("$WORK/campus-walk.ini")

# Wi-Fi 5 and 6 (docs/wifi5-6.md): the 802.11ax lab and the campus under g, n, ac and ax,
# shortened.
sed -e "s#\.\./models/#$SRC/models/#g" -e 's/^requests = .*/requests = 2000/' \
  "$S/wifi6-lab.ini" >"$WORK/wifi6-lab.ini"
sed -e "s#\.\./models/#$SRC/models/#g" -e 's/^requests = .*/requests = 3000/' \
  -e 's/^seeds = .*/seeds = 1/' "$S/campus-wifi6.ini" >"$WORK/campus-wifi6.ini"
scenarios+=("$WORK/wifi6-lab.ini" "$WORK/campus-wifi6.ini")

# An LTE cell (docs/lte.md), shortened.
sed -e "s#\.\./models/#$SRC/models/#g" -e 's/^requests = .*/requests = 2000/' \
  "$S/lte-cell.ini" >"$WORK/lte-cell.ini"
scenarios+=("$WORK/lte-cell.ini")

# run NAME SCENARIO JOBS [VAR=VALUE...]: results and the request log's text under $WORK/NAME.
run() {
  local name=$1 ini=$2 jobs=$3
  shift 3
  mkdir -p "$WORK/$name"
  env "$@" "$MUXSIM" run "$ini" --out "$WORK/$name" --requests "$WORK/$name/requests.csv.gz" \
    --jobs "$jobs" --quiet || fail "$name"
  gzip -dc "$WORK/$name/requests.csv.gz" >"$WORK/$name/requests.csv"
}
digest() { sha256sum <"$1" | cut -c1-16; }

echo "scenario,results_sha256,requests_sha256" >"$WORK/digests.csv"
for ini in "${scenarios[@]}"; do
  s=$(basename "$ini" .ini)
  run "$s-1" "$ini" 1
  run "$s-2" "$ini" 2
  run "$s-libm" "$ini" 2 GLIBC_TUNABLES=glibc.cpu.hwcaps=-AVX512F,-AVX2,-FMA,-AVX
  for other in 2 libm; do
    for f in results.csv requests.csv; do
      cmp -s "$WORK/$s-1/$f" "$WORK/$s-$other/$f" || fail "$s: $f differs between --jobs 1 and $other"
    done
    if [[ -d $WORK/$s-1/learning ]]; then
      diff -r "$WORK/$s-1/learning" "$WORK/$s-$other/learning" >/dev/null ||
        fail "$s: learning files differ between --jobs 1 and $other"
    fi
  done
  if [[ $s == every-policy ]]; then
    for p in ${policies//,/ }; do
      grep -q ",$p,.*,ok," "$WORK/$s-1/results.csv" || fail "every-policy: no ok row of $p"
    done
  fi
  echo "$s,$(digest "$WORK/$s-1/results.csv"),$(digest "$WORK/$s-1/requests.csv")" >>"$WORK/digests.csv"
done
echo "ok: ${#scenarios[@]} scenarios (every-policy's $(tr , '\n' <<<"$policies" | wc -l) policies) byte-identical across --jobs 1, --jobs 2 and libm without AVX"

if [[ ${1:-} == --update ]]; then
  cp "$WORK/digests.csv" "$DIGESTS"
  echo "wrote $DIGESTS"
  exit 0
fi
while IFS=, read -r s results requests; do
  [[ $s == scenario ]] && continue
  committed=$(grep "^$s," "$DIGESTS") || fail "$s: no committed digest in $DIGESTS"
  [[ $committed == "$s,$results,$requests" ]] ||
    fail "$s: digests $results,$requests differ from the committed ${committed#*,} (a change in its numbers: renew with determinism.sh --update and say why)"
done <"$WORK/digests.csv"
echo "ok: every scenario matches its committed digests"
# What ran passed; wifi-walk did not run, so the test as a whole is a skip, never a pass.
[[ -f $walk ]] || exit 77
