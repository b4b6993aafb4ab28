#!/usr/bin/env bash
# What reading Wi-Fi rates as 802.11g PHY rates changes (docs/wifi-validation.md): runs
# paper-realistic-80211g, campus and fading-cell as shipped (wifi_standard = 802.11g) and
# again with wifi_standard = none (the rates taken as goodput), then prints the policies'
# latency and phone energy side by side, where hybrid stops beating cloud-only, and writes
# the figure OUT/wifi-semantics.png.
# usage: analysis/wifi_semantics.sh OUT_DIR   (MUXSIM: the binary, default build/muxsim)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: analysis/wifi_semantics.sh OUT_DIR}
muxsim=${MUXSIM:-$src/build/muxsim}
mkdir -p "$out"
for s in paper-realistic-80211g campus fading-cell; do
  sed "s/^wifi_standard = 802.11g/wifi_standard = none/; s#\.\./models/#$src/models/#g" \
    "$src/scenarios/$s.ini" >"$out/$s-none.ini"
  "$muxsim" run "$src/scenarios/$s.ini" --out "$out/$s-80211g" --jobs 2 --quiet
  "$muxsim" run "$out/$s-none.ini" --out "$out/$s-none" --jobs 2 --quiet
done
/usr/bin/python3 "$src/analysis/wifi_semantics.py" "$out"
