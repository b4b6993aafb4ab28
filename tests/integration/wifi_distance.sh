#!/usr/bin/env bash
# Rate from distance against ns-3 (docs/wifi-validation.md, "Distance (ideal rate control)"):
# validation/ns3/distance.sh compares a lone muxsim phone's upload goodput with the committed
# ns-3 runs (validation/ns3/ns3-distance.csv; ns-3 itself is not needed), twice.
# With muxsim's defaults (ns-3's nominal IdealWifiManager thresholds):
#   (a) muxsim moves nothing exactly where ns-3 moves nothing;
#   (b) where both use the same PHY rate (ns-3's rate: the one most of its MPDUs used), the
#       goodput ratio muxsim / ns-3 is within [0.85, 1.15] ([0.85, 1.20] for 802.11ac and ax);
#   (c) in each configuration, at least 80 % of the distances in range are within it.
# With validation/ns3/ns3-static-thresholds.csv (the thresholds a static ns-3 station
# effectively uses): every distance in range has ns-3's rate and a ratio within [0.85, 1.15],
# except where ns-3 changed rate during the run (its rate under 95 % of the MPDUs: a final
# failure reset the manager, which then chose again at the nominal thresholds). There muxsim,
# which keeps one rate, must sit above ns-3's final rate (at the one ns-3 started with), and
# the run with the defaults must have ns-3's final rate within [0.85, 1.15].
# The checks are also run on copies of the joined tables with one ns-3 goodput doubled and
# one in-range row emptied, which must fail them. NS3_CSV=FILE compares with another ns-3
# table (distance.sh's NS3_CSV), e.g. a doctored copy, to see the test fail.
source "$(dirname "$0")/common.sh"
distance() { # NAME [RATE_TABLE]: distance.sh's Markdown to $WORK/NAME.md, its CSV to NAME.csv
  local name=$1 table=${2:-} rc=0
  RATE_TABLE=$table DISTANCE_CSV=$WORK/$name.csv bash "$SRC/validation/ns3/distance.sh" \
    >"$WORK/$name.md" 2>"$WORK/$name.err" || rc=$?
  if [[ $rc == 77 ]]; then
    cat "$WORK/$name.err"
    exit 77
  fi
  [[ $rc == 0 ]] ||
    fail "distance.sh ($name) exit $rc: $(grep -v 'counted as none' "$WORK/$name.err")"
}
start=$SECONDS
distance defaults
distance static "$SRC/validation/ns3/ns3-static-thresholds.csv"
/usr/bin/python3 - "$WORK/defaults.csv" "$WORK/static.csv" <<'PY' || fail "see above"
import sys
import pandas as pd

LOW, HIGH = 0.85, 1.15
# 802.11ac and ax (docs/wifi5-6.md): a lone station's long A-MPDUs collide with the access
# point's TCP acknowledgements (9 % of ns-3's MPDUs are retries), which the model does not
# count for one station: it is 3-16 % optimistic there, and held to 1.20.
HIGH_5GHZ = 1.20
defaults, static = (pd.read_csv(p, keep_default_na=True) for p in sys.argv[1:3])


def configs(t):
    t = t.assign(config=t.standard + t.aggregation.map({True: " A-MPDU", False: ""}),
                 ns3_moves=t.ns3_goodput_mbps.fillna(0) > 0,
                 mux_moves=t.muxsim_goodput_mbps.fillna(0) > 0)
    high = t.standard.isin(["802.11ac", "802.11ax"]).map({True: HIGH_5GHZ, False: HIGH})
    ratio = t.muxsim_goodput_mbps / t.ns3_goodput_mbps
    return t.assign(ratio=ratio, same_rate=t.muxsim_rate_mbps == t.ns3_rate_mbps,
                    inside=(ratio >= LOW) & (ratio <= high))


def at(r):
    return f"{r.config} {r.distance_m:g} m"


def check_defaults(t):
    """(a), (b), (c); returns (problems, summary lines)."""
    t = configs(t)
    problems, lines = [], []
    for _, r in t[t.ns3_moves != t.mux_moves].iterrows():
        problems.append(f"(a) {at(r)}: ns-3 {'moves' if r.ns3_moves else 'moves nothing'}, "
                        f"muxsim {'moves' if r.mux_moves else 'moves nothing'}")
    both = t[t.ns3_moves & t.mux_moves]
    for _, r in both[both.same_rate & ~both.inside].iterrows():
        problems.append(f"(b) {at(r)}: both at {r.ns3_rate_mbps:g}, ratio {r.ratio:.3f}")
    for config, g in t[t.ns3_moves].groupby("config", sort=False):
        ok = g.inside
        if ok.mean() < 0.8:
            problems.append(f"(c) {config}: {ok.sum()}/{len(g)} in range within the band")
        off = ", ".join(f"{r.distance_m:g} m (ratio {r.ratio:.2f}, muxsim {r.muxsim_rate_mbps:g}, "
                        f"ns-3 {r.ns3_rate_mbps:g})" for _, r in g[~ok].iterrows())
        lines.append(f"{config}: {ok.sum()}/{len(g)} within, ratios {g.ratio.min():.2f}-"
                     f"{g.ratio.max():.2f}" + (f"; outside: {off}" if off else ""))
    return problems, lines


def check_static(s, d):
    """Every in-range distance at ns-3's rate and within the band, but where ns-3 changed
    rate during its run; returns (problems, summary lines)."""
    s, d = configs(s), configs(d)
    problems, lines = [], []
    for _, r in s[s.ns3_moves != s.mux_moves].iterrows():
        problems.append(f"(a) {at(r)}: one moves bytes where the other moves none")
    both = s[s.ns3_moves & s.mux_moves]
    mixed = both.ns3_rate_share < 0.95
    for _, r in both[~mixed].iterrows():
        if not r.same_rate or not r.inside:
            problems.append(f"{at(r)}: muxsim {r.muxsim_rate_mbps:g}, ns-3 {r.ns3_rate_mbps:g}, "
                            f"ratio {r.ratio:.3f}")
    key = ["config", "distance_m"]
    for _, r in both[mixed].merge(d, on=key, suffixes=("", "_d")).iterrows():
        if not r.muxsim_rate_mbps > r.ns3_rate_mbps:
            problems.append(f"{at(r)}: ns-3 changed rate during the run, ending at "
                            f"{r.ns3_rate_mbps:g}; muxsim's {r.muxsim_rate_mbps:g} is not above it")
        if not (r.same_rate_d and r.inside_d):
            problems.append(f"{at(r)}: with the defaults muxsim {r.muxsim_rate_mbps_d:g} against "
                            f"ns-3's final {r.ns3_rate_mbps:g}, ratio {r.ratio_d:.3f}")
    single = both[~mixed]
    lines.append(f"{len(single)} distances where ns-3 kept one rate: {single.same_rate.sum()} at "
                 f"it, ratios {single.ratio.min():.2f}-{single.ratio.max():.2f}")
    for _, r in both[mixed].iterrows():
        lines.append(f"{at(r)}: ns-3 changed rate during the run ({r.ns3_rate_mbps:g} for "
                     f"{r.ns3_rate_share:.0%}); muxsim keeps {r.muxsim_rate_mbps:g}, ratio "
                     f"{r.ratio:.2f}; with the defaults it matches")
    return problems, lines


failed = False
for name, (problems, lines) in [("defaults", check_defaults(defaults)),
                                ("static thresholds", check_static(static, defaults))]:
    for line in lines:
        print(f"{name}: {line}")
    for p in problems:
        print(f"FAIL: {name}: {p}", file=sys.stderr)
    failed |= bool(problems)

# The checks must catch a wrong table: ns-3's goodput doubled at one distance where the rates
# agree (b), and ns-3 moving nothing at one distance in range (a).
in_range = defaults.index[defaults.ns3_goodput_mbps.fillna(0) > 0]
row = defaults.index[(defaults.muxsim_rate_mbps == defaults.ns3_rate_mbps)][0]
for what, value, rows in [("goodput doubled", None, [row]),
                          ("in-range row emptied", 0.0, [in_range[-1]])]:
    for name, check, t in [("defaults", lambda t: check_defaults(t), defaults),
                           ("static", lambda t: check_static(t, defaults), static)]:
        bad = t.copy()
        column = "ns3_goodput_mbps"
        bad.loc[rows, column] = bad.loc[rows, column] * 2 if value is None else value
        if not check(bad)[0]:
            print(f"FAIL: the {name} checks pass a table with ns-3's {what}", file=sys.stderr)
            failed = True
sys.exit(1 if failed else 0)
PY
echo "ok: rate from distance against ns-3 ($((SECONDS - start)) s)"
