#!/usr/bin/env bash
# Progress on stderr (docs/commands.md): off a terminal, plain lines every tenth of the sweep
# and for the last run, each with runs done of total, requests per second and the elapsed
# time, and the time left until the end; --quiet prints none (only the line naming
# results.csv). On a terminal (faked with script(1)), a single long run's line counts its
# requests as they are served: a rate above zero and a time left before the run ends.
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
# 10,000 phones, 400,000 cloud-only requests: seconds of simulation in one run.
sed -e "s#\.\./models/#$SRC/models/#g" -e "s/^policies = .*/policies = cloud-only/" \
  -e "s/^phones = .*/phones = 10000\n[servers]\ngpu_workers = 8/" "$SRC/scenarios/paper-table1.ini" \
  >"$WORK/long.ini"
sed -i "1i modes = simulated\nrequests = 400000" "$WORK/long.ini"
script -qec "'$MUXSIM' run '$WORK/long.ini' --out '$WORK/long'" /dev/null >"$WORK/tty" 2>&1 ||
  fail "run under script: $(cat "$WORK/tty")"
tr '\r' '\n' <"$WORK/tty" | grep -aEq '\[0/1\] [0-9.]*[1-9][0-9.]*[kM]? requests/s, [0-9]+s elapsed, [0-9hms]+ left' ||
  fail "no line with a running run's rate and time left: $(tr '\r' '\n' <"$WORK/tty" | head -3)"
echo "ok: 10 progress lines for 60 runs, none with --quiet; a running run's rate on a terminal"
