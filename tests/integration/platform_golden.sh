#!/usr/bin/env bash
# The committed platform is the one the Table I scenario runs on.
source "$(dirname "$0")/common.sh"
"$MUXSIM" platform "$SRC/scenarios/paper-table1.ini" >"$WORK/cell.xml" || fail "platform failed"
diff -u "$SRC/platforms/wifi-cell.xml" "$WORK/cell.xml" || fail "platforms/wifi-cell.xml is stale; regenerate it with muxsim platform"
echo "platform: platforms/wifi-cell.xml matches"
