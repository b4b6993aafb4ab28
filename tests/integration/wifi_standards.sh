#!/usr/bin/env bash
# Wi-Fi 4, 5 and 6 side by side (docs/wifi5-6.md): scenarios/campus-wifi6.ini, shortened
# (3,000 requests, one seed), runs its four standards on the same walks. In range, a faster
# standard moves an upload sooner: the median cloud-only upload time falls from 802.11g to n
# to ac, and ax is within 10 % of ac (at 80 MHz both reach hundreds of Mbit/s, where the
# upload's fixed costs dominate). analysis/plot_standards.py draws a panel per standard;
# a run without a wifi_standard sweep is refused with exit 2. Then the shipped
# scenarios/wifi6-lab.ini's 802.11ax rates as typed (306.3, 510.4) are the standard's.
# Also the whole of campus-wifi6's walk under ac and ax for cloud-only, without a failed run.
source "$(dirname "$0")/common.sh"
"$MUXSIM" run "$SRC/scenarios/campus-wifi6.ini" --out "$WORK/run" --requests "$WORK/run/requests.csv.gz" \
  --quiet --set requests=3000 --set seeds=1 || fail "campus-wifi6 failed"
/usr/bin/python3 - "$WORK/run" <<'PY' || fail "see above"
import sys
import pandas as pd
runs = pd.read_csv(f"{sys.argv[1]}/results.csv")
log = pd.read_csv(f"{sys.argv[1]}/requests.csv.gz").merge(runs[["run", "mode", "policy", "wifi_standard"]], on="run")
sim = log[(log["mode"] == "simulated") & (log.policy == "cloud-only") & (log.upload_ms > 0)]
sim = sim[sim.distance_m < 40]  # in range, away from the last rate ring
median = sim.groupby("wifi_standard").upload_ms.median()
print("median cloud-only upload (ms) within 40 m:", median.round(3).to_dict())
order = ["802.11g", "802.11n", "802.11ac", "802.11ax"]
assert list(median.index.sort_values()) == sorted(order), median.index
assert median["802.11g"] > median["802.11n"] > median["802.11ac"], "uploads not faster from g to n to ac"
assert abs(median["802.11ax"] / median["802.11ac"] - 1) < 0.1, "ax far from ac"
PY
echo "ok: uploads get faster from 802.11g to n to ac, ax beside ac"
/usr/bin/python3 "$SRC/analysis/plot_standards.py" "$WORK/run" --out "$WORK/figures" >"$WORK/out" ||
  fail "plot_standards.py failed"
png_drawn "$WORK/figures/standards.png" || fail "standards.png"
[[ $(grep -c "within the 100 ms deadline up to" "$WORK/out") == 12 ]] || fail "expected 12 lines: $(cat "$WORK/out")"
# A run of one standard has nothing to put side by side.
"$MUXSIM" run "$SRC/scenarios/campus-wifi6.ini" --out "$WORK/one" --requests "$WORK/one/requests.csv.gz" \
  --quiet --set requests=500 --set seeds=1 --set network.wifi_standard=802.11ax || fail "one standard"
/usr/bin/python3 "$SRC/analysis/plot_standards.py" "$WORK/one" --out "$WORK/none" 2>"$WORK/err"
[[ $? == 2 && ! -e $WORK/none/standards.png ]] && grep -q "sweep it" "$WORK/err" ||
  fail "one standard was drawn: $(cat "$WORK/err")"
echo "ok: a run of one standard is refused"
# Walking phones whose uploads wait for their turn on the air while they roam or lose their
# link (sim/air_turns.hpp): the whole walk of campus-wifi6's first seed, cloud-only under ac
# and ax, where a turn once came to a phone with no link and the run crashed.
"$MUXSIM" run "$SRC/scenarios/campus-wifi6.ini" --out "$WORK/walk" --quiet --set seeds=1 \
  --set policy.policies=cloud-only --set network.wifi_standard=802.11ac,802.11ax \
  --set modes=simulated || fail "campus-wifi6's walk under ac and ax: $(grep -c failed "$WORK/walk/results.csv") runs failed"
echo "ok: turns on the air follow walking phones"
"$MUXSIM" run "$SRC/scenarios/wifi6-lab.ini" --out "$WORK/lab" --quiet --set requests=300 --set seeds=1 \
  --set modes=closed-form || fail "wifi6-lab refused"
echo "ok: wifi6-lab runs"
