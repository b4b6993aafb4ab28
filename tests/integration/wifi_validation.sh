#!/usr/bin/env bash
# The 802.11 timing model against ns-3's packet-level 802.11 (docs/wifi-validation.md), when
# ns-3 is installed (./setup-deps.sh --validation); otherwise one skip line and exit 77.
# One station uploading 100 KB messages back to back, at 54 and at 6 Mbit/s 802.11g and at
# 802.11n's MCS 7 with and without A-MPDU, and at the top MCS of 802.11ac and 802.11ax at
# ns-3's defaults (docs/wifi5-6.md): `muxsim airtime`'s goodput must be within 15 % of ns-3's.
source "$(dirname "$0")/common.sh"
wifi_cell=$(MUXSIM_NS3_BUILD=$WORK/ns3 bash "$SRC/validation/ns3/build.sh" 2>"$WORK/build.log")
rc=$?
if [[ $rc == 77 ]]; then
  cat "$WORK/build.log"
  exit 77
fi
[[ $rc == 0 ]] || fail "building the ns-3 reference: $(tail -5 "$WORK/build.log")"
for cell in "802.11g false 54" "802.11g false 6" "802.11n false 65" "802.11n true 65" \
  "802.11ac true 390" "802.11ax true 510.417"; do
  read -r standard aggregation rate <<<"$cell"
  "$wifi_cell" --standard=$standard --aggregation=$aggregation --rates=$rate --upload=100000 \
    --seconds=6 --warmup=1 --out="$WORK/cell.csv" || fail "ns-3 at $cell"
  ns3=$(/usr/bin/python3 -c "
import pandas as pd
d = pd.read_csv('$WORK/cell.csv')
print(len(d) * 100000 * 8 / (d.uploaded_s.max() - d.start_s.min()) / 1e6)")
  model=$("$MUXSIM" airtime $rate --standard $standard --aggregation $aggregation |
    awk -F, '$1 == "cell" {print $4}')
  /usr/bin/python3 -c "import sys; sys.exit(0 if abs($model / $ns3 - 1) <= 0.15 else 1)" ||
    fail "$cell: the model's $model Mbit/s is not within 15 % of ns-3's $ns3"
  echo "ok: $cell: ns-3 $ns3, model $model Mbit/s"
done
