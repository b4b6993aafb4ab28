#!/usr/bin/env bash
# Memory behind the budgets (docs/limits.md): peak RSS (GNU time) of whole muxsim runs,
# differenced so start-up cancels. Prints bytes per simulated request, per simulated phone,
# per planned run, and a 1,000,000-row decision trace's memory against its file size.
# usage: bench/memory.sh [BUILD_DIR]
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
muxsim=${1:-$src/build}/muxsim
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# scenario NAME PHONES REQUESTS MODES BANDWIDTH: the Table I pair, cloud-only, 8 GPU workers.
scenario() {
  sed -e "s#\.\./models/#$src/models/#g" -e "s/^policies = .*/policies = cloud-only/" \
    -e "s/^bandwidth_mbps = .*/bandwidth_mbps = $5/" \
    -e "s/^phones = .*/phones = $2\n[servers]\ngpu_workers = 8/" "$src/scenarios/paper-table1.ini" >"$work/$1.ini"
  sed -i "1i modes = $4\nrequests = $3" "$work/$1.ini"
}
# rss_kib NAME [OPTION...]: peak RSS of `muxsim run` on NAME.ini, in KiB.
rss_kib() {
  local name=$1
  shift
  /usr/bin/time -f "%M" -o "$work/$name.rss" "$muxsim" run "$work/$name.ini" --out "$work/out-$name" \
    --quiet "$@" 2>/dev/null
  cat "$work/$name.rss"
}
per() { awk -v a="$1" -v b="$2" -v n="$3" 'BEGIN { printf "%.0f", (a - b) * 1024 / n }'; }

# Per request, in runs long enough for the child's memory to pass the parent's start-up peak.
scenario r1 10 2000000 simulated 100
scenario r2 10 4000000 simulated 100
echo "simulated request: $(per "$(rss_kib r2)" "$(rss_kib r1)" 2000000) bytes (4,000,000 vs 2,000,000 requests; percentiles by the sketch)"
echo "simulated request, --exact-percentiles: $(per "$(rss_kib r2 --exact-percentiles)" "$(rss_kib r1 --exact-percentiles)" 2000000) bytes (the same runs)"
scenario r3 10 100000 simulated 100
scenario r4 10 1000000 simulated 100
echo "simulated request, --requests: $(per "$(rss_kib r4 --requests "$work/r4.csv.gz")" "$(rss_kib r3 --requests "$work/r3.csv.gz")" 900000) bytes (1,000,000 vs 100,000 requests)"
scenario p1 100 10000 simulated 100
scenario p2 10000 10000 simulated 100
echo "simulated phone: $(per "$(rss_kib p2)" "$(rss_kib p1)" 9900) bytes (10,000 vs 100 phones)"
scenario p3 40000 40000 simulated 100
scenario p4 60000 60000 simulated 100
echo "simulated phone past the guard-page limit: $(per "$(rss_kib p4)" "$(rss_kib p3)" 20000) bytes (60,000 vs 40,000 phones)"
scenario n1 1 1 closed-form 100
scenario n2 1 1 closed-form 1:100:lin:20000
echo "planned run: $(per "$(rss_kib n2)" "$(rss_kib n1)" 19999) bytes (20,000 closed-form runs vs 1)"

# A 1,000,000-row trace of two models, read for a one-request closed-form run.
/usr/bin/python3 - "$work/big.csv" <<'PY'
import random, sys
random.seed(1)
with open(sys.argv[1], "w") as f:
    f.write("input_id,label,fold,pred_small,conf_small,correct_small,score_small,"
            "pred_big,conf_big,correct_big,score_big,provenance\n")
    for i in range(1000000):
        label = random.randrange(1000)
        small = label if random.random() < 0.7 else (label + 1) % 1000
        big = label if random.random() < 0.8 else (label + 3) % 1000
        f.write(f"r{i:07d},{label},{i % 5},{small},{random.random():.6f},{int(small == label)},"
                f"{random.random():.6f},{big},{random.random():.6f},{int(big == label)},"
                f"{random.random():.6f},synthetic\n")
PY
head -3 "$work/big.csv" >"$work/small.csv"
cat >"$work/profile.csv" <<CSV
device,model,flops,latency_ms,energy_mj,accuracy,source,kind
phone,small,0.3,3.5,12,0.7,test,derived
phone,multiplexer,0.1,1,4,0,test,derived
cloud,big,16,11.8,0,0.8,test,derived
CSV
for t in small big; do
  printf 'trace = %s.csv\nprofiles = profile.csv\nmodes = closed-form\nrequests = 1\n[devices]\nphone_device = phone\ncloud_device = cloud\nmobile_model = small\ncloud_model = big\n[policy]\npolicies = mobile-only\n' \
    "$t" >"$work/t$t.ini"
done
bytes=$(stat -c %s "$work/big.csv")
growth=$(($(rss_kib tbig) - $(rss_kib tsmall)))
awk -v g="$growth" -v b="$bytes" 'BEGIN { printf "1,000,000-row trace: %.0f MB file, %.0f MB in memory: %.2fx\n", b / 1e6, g * 1024 / 1e6, g * 1024 / b }'
