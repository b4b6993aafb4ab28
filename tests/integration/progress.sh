#!/usr/bin/env bash
# Progress on stderr (docs/commands.md): off a terminal, plain lines every tenth of the sweep
# and for the last run, each with runs done of total, requests per second and the elapsed
# time, and the time left until the end; --quiet prints none (only the line naming
# results.csv).
source "$(dirname "$0")/common.sh"
ini=$SRC/scenarios/load-sweep.ini
"$MUXSIM" run "$ini" --out "$WORK/out" --jobs 2 2>"$WORK/err" >/dev/null || fail "run: $(cat "$WORK/err")"
lines=$(grep -c '^\[' "$WORK/err")
[[ $lines == 10 ]] || fail "wanted 10 progress lines for 60 runs, got $lines: $(cat "$WORK/err")"
grep -Eq '^\[6/60\] [0-9.]+[kM]? requests/s, [0-9]+s elapsed, [0-9hms]+ left \| load-sweep ' "$WORK/err" ||
  fail "the first line lacks rate, elapsed or time left: $(head -1 "$WORK/err")"
grep -Eq '^\[60/60\] .* elapsed \| ' "$WORK/err" || fail "no last line: $(tail -2 "$WORK/err")"
"$MUXSIM" run "$ini" --out "$WORK/quiet" --quiet 2>"$WORK/err" >/dev/null || fail "quiet run"
! grep -q '^\[' "$WORK/err" || fail "--quiet printed progress: $(head -2 "$WORK/err")"
echo "ok: 10 progress lines for 60 runs, none with --quiet"
