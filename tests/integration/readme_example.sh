#!/usr/bin/env bash
# The scenario the README shows runs as shown: both modes, every policy, every sweep point.
source "$(dirname "$0")/common.sh"
# Its paths are relative to the repository root, where the README has the user save it.
sed -n '/^```ini$/,/^```$/p' "$SRC/README.md" | sed '1d;$d' |
  sed "s#= traces/#= $SRC/traces/#; s#= models/#= $SRC/models/#" >"$WORK/example.ini"
[[ -s $WORK/example.ini ]] || fail "no ini block in README.md"
"$MUXSIM" run "$WORK/example.ini" --out "$WORK/out" --quiet || fail "the README's scenario"
rows=$(($(wc -l <"$WORK/out/results.csv") - 1))
# 5 rates x 2 phone counts x 2 modes x 3 policies
[[ $rows == 60 ]] || fail "expected 60 rows, got $rows"
grep -q ",status,error$" "$WORK/out/results.csv" && ! grep -q ",failed," "$WORK/out/results.csv" ||
  fail "failed rows"
echo "ok: the README's scenario gives $rows rows"
