#!/usr/bin/env bash
# The seed policies on a small bandwidth sweep (docs/seed-policies.md): AutoScale writes its
# learning curve and policy table per run, and analysis/policy_table.py makes the
# comparison in docs/seed-policies.md from the results.
source "$(dirname "$0")/common.sh"
sed -e 's/^inputs = 2000/inputs = 300/' -e 's/^bandwidth_mbps = .*/bandwidth_mbps = 1,10,100/' \
  -e "s#\.\./models/#$SRC/models/#g" "$SRC/scenarios/bandwidth-sweep.ini" >"$WORK/bw.ini"
"$MUXSIM" run "$WORK/bw.ini" --out "$WORK/out" --jobs 2 --quiet || fail "run"
/usr/bin/python3 "$SRC/analysis/policy_table.py" "$WORK/out/results.csv" >"$WORK/table.md" ||
  fail "policy_table.py"
grep -q "| bandwidth-sweep | 10 Mbit/s, 1 phones | network-aware |" "$WORK/table.md" ||
  fail "table lacks network-aware: $(head -5 "$WORK/table.md")"
/usr/bin/python3 - "$WORK/out" <<'PY' || fail "checks above"
import sys, glob, pandas as pd
out = sys.argv[1]
r = pd.read_csv(f"{out}/results.csv")
assert (r.status == "ok").all()
auto = r[r.policy == "autoscale"]
curves = sorted(glob.glob(f"{out}/learning/run-*-autoscale-curve.csv"))
tables = sorted(glob.glob(f"{out}/learning/run-*-autoscale-q.csv"))
# One curve and one table per AutoScale run, named by its run number.
assert len(curves) == len(tables) == len(auto), (len(curves), len(auto))
for run in auto.run:
    c = pd.read_csv(f"{out}/learning/run-{run:05d}-autoscale-curve.csv")
    assert list(c.columns) == ["window", "requests", "mean_reward", "share_phone", "share_edge",
                               "share_cloud"], c.columns
    assert (abs(c[["share_phone", "share_edge", "share_cloud"]].sum(axis=1) - 1) < 1e-3).all()
    q = pd.read_csv(f"{out}/learning/run-{run:05d}-autoscale-q.csv")
    assert q.visits.sum() == 300 and set(q.greedy) <= {"phone", "edge", "cloud"}
# Random offloading sends as many inputs away as hybrid, but not the right ones.
one = r[(r["mode"] == "closed-form") & (r.bandwidth_mbps == 10)].set_index("policy")
assert abs(one.loc["random-offload", "local_fraction"] - one.loc["hybrid", "local_fraction"]) < 0.06
assert one.loc["random-offload", "accuracy"] < one.loc["hybrid", "accuracy"]
print(open(f"{out}/../table.md").read())
PY
echo "ok: seed policies"
