#!/usr/bin/env bash
# src/'s folders include each other one way only, in the order docs/layers.md gives and
# scripts/layers.py checks: core's folders in a line, learn and sim beside each other on core.
source "$(dirname "$0")/common.sh"
check() { /usr/bin/python3 "$SRC/scripts/layers.py" "$1" >"$WORK/out"; }

# The check can fail: a made-up tree with an include of each wrong kind is caught, a line each.
mkdir -p "$WORK/src/core/base" "$WORK/src/core/model" "$WORK/src/sim" "$WORK/src/odd"
echo '#include "core/model/x.hpp"' >"$WORK/src/core/base/down.hpp"   # base sees nothing
echo '#include "core/base/ok.hpp"' >"$WORK/src/core/model/x.hpp"     # downward: allowed
echo '#include "learn/torch.hpp"' >"$WORK/src/sim/actor.cpp"          # sim never sees learn
echo '#include "core/base/ok.hpp"' >"$WORK/src/odd/stray.cpp"         # a folder in no layer
check "$WORK/src" && fail "wrong-way includes went unseen"
for expected in "core/base/down.hpp:1: core/base includes core/model/x.hpp" \
  "sim/actor.cpp:1: sim includes learn/torch.hpp" "odd/stray.cpp: in no layer"; do
  grep -qF "$expected" "$WORK/out" || fail "missed: $expected: $(cat "$WORK/out")"
done
[[ $(wc -l <"$WORK/out") == 3 ]] || fail "the allowed include was reported: $(cat "$WORK/out")"

check "$SRC/src" || fail "includes against the layers: $(cat "$WORK/out")"
echo "ok: src/ includes one way"
