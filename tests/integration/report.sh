#!/usr/bin/env bash
# muxsim report prints a golden Markdown table from a known results file: one table per run
# point, failed rows left out, the oracle not competing for bold; a missing column is named.
source "$(dirname "$0")/common.sh"
"$MUXSIM" report "$SRC/tests/data/report-results.csv" >"$WORK/report.md" || fail "report"
diff -u "$SRC/tests/data/report-golden.md" "$WORK/report.md" || fail "report differs from the golden table"
cut -d, -f1-7,9- "$SRC/tests/data/report-results.csv" >"$WORK/nophones.csv"
"$MUXSIM" report "$WORK/nophones.csv" >/dev/null 2>"$WORK/err" && fail "a missing column was accepted"
[[ $? == 2 ]] || fail "missing column: wanted exit 2"
grep -q "nophones.csv:1: field 'phones': missing column" "$WORK/err" || fail "missing column: $(cat "$WORK/err")"
echo "report: golden table matches; a missing column is named"
