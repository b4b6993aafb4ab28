#!/usr/bin/env bash
# No function outside tests is longer than 80 lines (issue "One place for each thing"): a
# longer one is doing several things, and each wants a name.
source "$(dirname "$0")/common.sh"
# The check itself can fail: a made-up function of 90 lines is found.
{ echo "int long_one() {"; for i in $(seq 88); do echo "  f($i);"; done; echo "}"; } >"$WORK/long.cpp"
/usr/bin/python3 "$SRC/scripts/function_lengths.py" 80 "$WORK/long.cpp" >/dev/null &&
  fail "a 90-line function went unseen"
mapfile -t files < <(find "$SRC/src" -name '*.cpp' -o -name '*.hpp' -o -name '*.cc')
/usr/bin/python3 "$SRC/scripts/function_lengths.py" 80 "${files[@]}" || fail "functions over 80 lines"
echo "ok: ${#files[@]} files, no function over 80 lines"
