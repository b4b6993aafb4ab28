#!/usr/bin/env bash
# The plot script reads results.csv as muxsim writes it and draws a PNG.
source "$(dirname "$0")/common.sh"
"$MUXSIM" run "$SRC/scenarios/paper-table1.ini" --out "$WORK" --quiet || fail "run failed"
/usr/bin/python3 "$SRC/analysis/plot_results.py" "$WORK/results.csv" "$WORK/fig.png" || fail "plot failed"
[[ $(head -c 8 "$WORK/fig.png" | od -An -tx1 | tr -d ' \n') == 89504e470d0a1a0a ]] || fail "not a PNG"
echo "plot: ok"
