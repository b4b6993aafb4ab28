#!/usr/bin/env bash
# Scale benchmark (docs/speed.md): prints each workload's figure, its target, and the ratio
# of the two (>= 1 meets the target). Timings are whole processes (wall clock, peak RSS from
# GNU time).
#  --peer: also runs PureEdgeSim (../shared/peers/pureedgesim/run.sh) on the same task count,
#    interleaved with muxsim (muxsim, PureEdgeSim, muxsim), and prints the speed ratio.
#  --baseline DIR: also times DIR/muxsim, an older build, on the 10,000-phone workload,
#    alternating with this one (new, old, new, old), and prints old time / new time.
# usage: bench/scale.sh [--peer] [--baseline DIR] [BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
peer=0
baseline=
while [[ ${1:-} == --* ]]; do
  case $1 in
  --peer) peer=1 && shift ;;
  --baseline) baseline=$2 && shift 2 ;;
  *) sed -n '2,9p' "$0" && exit 2 ;;
  esac
done
muxsim=${1:-$src/build}/muxsim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# scenario NAME PHONES REQUESTS MODES POLICIES: the Table I pair, 8 GPU workers.
scenario() {
  sed -e "s#\.\./models/#$src/models/#g" -e "s/^policies = .*/policies = $5/" \
    -e "s/^phones = .*/phones = $2\n[servers]\ngpu_workers = 8/" "$src/scenarios/paper-table1.ini" >"$work/$1.ini"
  sed -i "1i modes = $4\nrequests = $3" "$work/$1.ini"
}
# city NAME CELLS PHONES: scenarios/city.ini at that size, one request per phone.
city() {
  sed -e "s#\.\./models/#$src/models/#g" -e "s/^cells = .*/cells = $2/" -e "s/^phones = .*/phones = $3/" \
    -e "s/^requests = .*/requests = $(($2 * $3))/" "$src/scenarios/city.ini" >"$work/$1.ini"
}
# timed NAME ARGS...: runs muxsim (or $bin), sets $secs and $rss_mib.
timed() {
  local name=$1
  shift
  /usr/bin/time -f "%e %M" -o "$work/$name.time" "${bin:-$muxsim}" run "$@" --out "$work/out-$name" \
    --quiet --run-timeout 86400 2>/dev/null
  read -r secs rss_kib <"$work/$name.time"
  rss_mib=$((rss_kib / 1024))
}
row() { printf '%-56s %14s %14s %8s\n' "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
mean() { awk -v a="$1" -v b="$2" 'BEGIN { print (a + b) / 2 }'; }

row workload measured target ratio
scenario big 10000 1131000 simulated cloud-only
timed big "$work/big.ini"
rate=$(awk -v s="$secs" 'BEGIN { printf "%.0f", 1131000 / s }')
row "10,000 phones, 1.131M cloud-only requests: req/s" "$rate" 150000 "$(ratio "$rate" 150000)"
row "  wall s (peak RSS ${rss_mib} MiB)" "$secs" "" ""
big_secs=$secs

scenario long 10000 12000000 simulated cloud-only
timed long "$work/long.ini"
row "10,000 phones, 12M cloud-only requests: peak RSS MiB" "$rss_mib" 600 "$(ratio 600 "$rss_mib")"
row "  wall s" "$secs" "" ""

if [[ -n $baseline ]]; then
  bin=$baseline/muxsim timed old1 "$work/big.ini"
  old1=$secs
  timed big2 "$work/big.ini"
  new2=$secs
  bin=$baseline/muxsim timed old2 "$work/big.ini"
  speedup=$(ratio "$(mean "$old1" "$secs")" "$(mean "$big_secs" "$new2")")
  row "  $baseline/muxsim: wall s, its two runs" "$old1 $secs" "" ""
  row "  speed-up over it (mean of two runs each)" "$speedup" 2 "$(ratio "$speedup" 2)"
fi

if ((peer)); then
  pes=$("$src/../shared/peers/pureedgesim/run.sh" -w "$work/pes" 10000 | tail -1)
  timed big3 "$work/big.ini"
  pes_secs=$(awk '{ for (i = 1; i < NF; ++i) if ($i == "wall") print $(i + 1) }' <<<"$pes")
  row "PureEdgeSim, same task count: its line" "" "" ""
  echo "    $pes"
  speedup=$(ratio "$pes_secs" "$(mean "$big_secs" "$secs")")
  row "  muxsim speed / PureEdgeSim speed" "$speedup" 30 "$(ratio "$speedup" 30)"
fi

rates=()
for phones in 1 100 10000 100000; do
  scenario flat$phones $phones 1000000 simulated cloud-only
  timed flat$phones "$work/flat$phones.ini"
  rates+=("$(awk -v s="$secs" 'BEGIN { printf "%.0f", 1000000 / s }')")
  row "1M requests at $phones phones: req/s" "${rates[-1]}" "" ""
done
spread=$(printf '%s\n' "${rates[@]}" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { printf "%.2f", hi / lo }')
row "  fastest / slowest of those" "$spread" 2 "$(ratio 2 "$spread")"
# What phones cost before their requests: the city's cells, one request per phone.
for size in "4000 25" "4000 250"; do
  set -- $size
  city city$1x$2 "$1" "$2"
  timed city$1x$2 "$work/city$1x$2.ini"
  row "$(($1 * $2)) phones ($1 cells), one request each: s" "$secs" "" ""
  row "  peak RSS per phone, bytes (${rss_mib} MiB in all)" "$((rss_kib * 1024 / ($1 * $2)))" "" ""
done

scenario cf1 1 1 closed-form cloud-only,hybrid
timed cf1 "$work/cf1.ini"
base_kib=$(cut -d' ' -f2 "$work/cf1.time")
scenario cf 1 10000000 closed-form cloud-only,hybrid
timed cf "$work/cf.ini"
evals=$(awk -v s="$secs" 'BEGIN { printf "%.0f", 20000000 / s }')
per_request=$(awk -v a="$(cut -d' ' -f2 "$work/cf.time")" -v b="$base_kib" 'BEGIN { printf "%.1f", (a - b) * 1024 / 10000000 }')
row "closed form, 10M requests x 2 policies: evaluations/s" "$evals" 10000000 "$(ratio "$evals" 10000000)"
row "  bytes per request (peak RSS over a 1-request run)" "$per_request" 16 "$(ratio 16 "$per_request")"

scenario e2e 10 1000 closed-form,simulated cloud-only
timed e2e "$work/e2e.ini"
row "1,000 requests, end to end: s" "$secs" 0.2 "$(ratio 0.2 "$secs")"

scenario sweep 10 40000 simulated cloud-only
sed -i 's/^bandwidth_mbps = .*/bandwidth_mbps = 10:100:lin:8/' "$work/sweep.ini"
timed jobs1 "$work/sweep.ini" --jobs 1
one=$secs
timed jobs2 "$work/sweep.ini" --jobs 2
row "8-point sweep: --jobs 1 s / --jobs 2 s" "$(ratio "$one" "$secs")" 1.7 "$(ratio "$(ratio "$one" "$secs")" 1.7)"
