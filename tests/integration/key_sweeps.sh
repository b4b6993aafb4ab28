#!/usr/bin/env bash
# Any numeric, choice or flag key can be swept (docs/formats.md, "Sweeps"): one row per value,
# the key's value in its own results column, each value checked like the key's one value.
source "$(dirname "$0")/common.sh"


fmnist_scenario gpus.ini "[network]" "wifi_standard = none,802.11g" "bandwidth_mbps = 6,54" \
  "[servers]" "gpu_workers = 1,2,4" "[load]" "arrival = poisson" "arrival_rate_hz = 400"
"$MUXSIM" run "$WORK/gpus.ini" --out "$WORK/o1" --quiet || fail "sweep run failed"
/usr/bin/python3 - "$WORK/o1/results.csv" <<'PY' || fail "a swept value is missing"
import sys, pandas as pd
d = pd.read_csv(sys.argv[1])
# 2 standards x 2 rates x 3 server counts x 2 modes, for each of the three policies.
assert len(d) == 72, len(d)
d = d[d["policy"] == "cloud-only"]
points = set(zip(d["wifi_standard"], d["bandwidth_mbps"], d["gpu_workers"], d["mode"]))
assert len(points) == 24, points
assert list(d.columns).index("gpu_workers") < list(d.columns).index("accuracy")
# More workers, less cloud load: 400 requests/s of 0.0151 ms each per worker.
sim = d[(d["mode"] == "simulated") & (d["wifi_standard"] == "none") & (d["bandwidth_mbps"] == 54)]
loads = sim.sort_values("gpu_workers")["load_cloud"].tolist()
assert loads[0] > loads[1] > loads[2], loads
PY
# report keeps the swept values apart: a table per value, never pooled as if seeds.
"$MUXSIM" report "$WORK/o1/results.csv" >"$WORK/report.md" || fail "report failed"
[[ $(grep -c '^### ' "$WORK/report.md") == 12 ]] || fail "report: not one table per run point"
for g in 1 2 4; do
  grep -q "gpu_workers $g, " "$WORK/report.md" || fail "report: no table for gpu_workers $g"
done
grep -q '| cloud-only | 1 |' "$WORK/report.md" || fail "report: swept values counted as seeds"
# Resuming the finished sweep reruns nothing and keeps the file.
cp "$WORK/o1/results.csv" "$WORK/before.csv"
"$MUXSIM" run "$WORK/gpus.ini" --out "$WORK/o1" --resume --quiet || fail "resume failed"
cmp -s "$WORK/before.csv" "$WORK/o1/results.csv" || fail "resume changed results"

# A key that counts at some values only is kept: batching's wait with batching on and off,
# a Poisson rate with closed and Poisson arrivals. An integer range is rounded.
fmnist_scenario onoff.ini "[network]" "upload_bytes = 10000:100000:log:3" "[load]" \
  "arrival = closed,poisson" "arrival_rate_hz = 20" "[servers]" "batch_max = 1,8" "batch_wait_ms = 5"
"$MUXSIM" run "$WORK/onoff.ini" --out "$WORK/o5" --quiet || fail "a sweep of batching on and off was refused"
/usr/bin/python3 - "$WORK/o5/results.csv" <<'PY' || fail "onoff: values"
import sys, pandas as pd
d = pd.read_csv(sys.argv[1])
assert sorted(set(d["upload_bytes"])) == [10000, 31623, 100000], set(d["upload_bytes"])
assert sorted(set(d["batch_max"])) == [1, 8] and sorted(set(d["arrival"])) == ["closed", "poisson"]
assert set(d[d["arrival"] == "closed"]["arrival_rate_hz"]) == {0}
PY
# ... but a key that counts at none of them is refused.
fmnist_scenario never.ini "[servers]" "batch_max = 1" "batch_wait_ms = 5" "gpu_workers = 1,2"
expect_refused idle-at-every-value "never.ini:14: field 'servers.batch_wait_ms': does nothing here: batching is off" "$WORK/o6" run "$WORK/never.ini" --out "$WORK/o6"
fmnist_scenario twice.ini "[servers]" "gpu_workers = 2,2"
expect_refused swept-twice "twice.ini:13: field 'servers.gpu_workers': '2' is swept twice" "$WORK/o7" run "$WORK/twice.ini" --out "$WORK/o7"
# A swept deadline keeps its tables apart, each titled with its value.
fmnist_scenario deadline.ini "[load]" "deadline_ms = 50,100"
"$MUXSIM" run "$WORK/deadline.ini" --out "$WORK/o8" --quiet || fail "deadline sweep failed"
"$MUXSIM" report "$WORK/o8/results.csv" >"$WORK/deadline.md" || fail "deadline report failed"
grep -q "deadline_ms 50," "$WORK/deadline.md" && grep -q "deadline_ms 100," "$WORK/deadline.md" ||
  fail "report: the swept deadline is not in the titles: $(grep '###' "$WORK/deadline.md")"

# A command that builds one run refuses a sweep rather than read its first value alone.
expect_refused platform-of-a-sweep "gpus.ini:13: field 'network.wifi_standard': muxsim platform reads one value" "" platform "$WORK/gpus.ini"

fmnist_scenario bad.ini "[servers]" "gpu_workers = 1,0"
expect_refused bad-swept-value "bad.ini:13: field 'servers.gpu_workers': must be an integer in [1, 1e9], got 0" "$WORK/o2" run "$WORK/bad.ini" --out "$WORK/o2"
fmnist_scenario badchoice.ini "[network]" "wifi_standard = 802.11g,802.11q"
expect_refused bad-swept-choice "badchoice.ini:13: field 'network.wifi_standard': '802.11q' is not one of none, 802.11g, 802.11n" "$WORK/o3" run "$WORK/badchoice.ini" --out "$WORK/o3"
fmnist_scenario many.ini "[network]" "upload_bytes = 0:1999000:lin:2000"
expect_refused swept-key-budget "many.ini:13: field 'network.upload_bytes': the sweeps plan 1.2e+04 runs" "$WORK/o4" run "$WORK/many.ini" --out "$WORK/o4" --max-runs 1000
echo "key sweeps: all cases passed"
