#!/usr/bin/env bash
# The LTE uplink against the committed ns-3 3.37 runs (docs/lte.md; ns-3 is not needed):
# validation/ns3/lte-compare.sh asks `muxsim lte` for each cell of ns3-lte.csv (one UE from
# 50 m to 60 km, 1-20 UEs at mixed distances, 6 to 100 resource blocks) and exits 1 unless
# every UE's goodput is within 20 % of ns-3's and no UE has goodput in one but not the other;
# `lte-compare.sh run` simulates the cells of several UEs and asks the issue's bar of the
# simulation (80 % of phones within 0.8-1.2, every cell's total within 0.85-1.15).
# It must also fail on a copy of ns-3's table with one UE's goodput halved.
source "$(dirname "$0")/common.sh"
bash "$SRC/validation/ns3/lte-compare.sh" >"$WORK/lte.md" || { cat "$WORK/lte.md"; fail "lte-compare.sh"; }
tail -1 "$WORK/lte.md"
# The simulation: cells of 2 to 20 phones, back-to-back uploads through `muxsim run`.
bash "$SRC/validation/ns3/lte-compare.sh" run >"$WORK/run.md" || { cat "$WORK/run.md"; fail "lte-compare.sh run"; }
tail -1 "$WORK/run.md"
# The check can fail: halve one served UE's goodput in a copy of the table.
mkdir -p "$WORK/ns3"
cp "$SRC/validation/ns3/lte-compare.sh" "$WORK/ns3/"
/usr/bin/python3 - "$SRC/validation/ns3/ns3-lte.csv" "$WORK/ns3/ns3-lte.csv" <<'PY'
import sys
import pandas as pd
t = pd.read_csv(sys.argv[1])
t.loc[t.goodput_mbps.idxmax(), "goodput_mbps"] /= 2
t.to_csv(sys.argv[2], index=False)
PY
if MUXSIM=$MUXSIM bash "$WORK/ns3/lte-compare.sh" >"$WORK/bad.md"; then
  fail "lte-compare.sh passed a table with a UE's goodput halved"
fi
# Bad input: exit 2, one line naming the option.
expect_refused lte-bandwidth "--resource-blocks: 20 is not an LTE bandwidth (6, 15, 25, 50, 75 or 100)" "" lte 100 --resource-blocks 20
expect_refused lte-distance "--distances: -5 is not above 0" "" lte 100,-5
expect_refused lte-transport "--transport: 'quic' is not tcp or udp" "" lte 100 --transport quic
echo "ok: LTE uplink within 20 % of ns-3 in every UE"
