#!/usr/bin/env bash
# analysis/muxsim.ipynb executes headless with Debian's jupyter-nbconvert on muxsim output,
# and is committed without outputs.
source "$(dirname "$0")/common.sh"
/usr/bin/python3 - "$SRC/analysis/muxsim.ipynb" <<'PY' || fail "the committed notebook holds outputs"
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
assert all(not c.get("outputs") and not c.get("execution_count") for c in cells if c["cell_type"] == "code")
PY
sed -e "s#\.\./models/#$SRC/models/#g" -e 's/^requests = .*/requests = 300/' \
  -e 's/^arrival_rate_hz = .*/arrival_rate_hz = 2,6,9/' "$SRC/scenarios/load-sweep.ini" >"$WORK/load.ini"
"$MUXSIM" run "$SRC/scenarios/paper-table1.ini" "$WORK/load.ini" --out "$WORK/out" \
  --requests "$WORK/out/requests.csv.gz" --jobs 2 --quiet 2>/dev/null || fail "runs"
MUXSIM_RESULTS=$WORK/out PATH=/usr/bin:$PATH jupyter-nbconvert --to notebook --execute \
  "$SRC/analysis/muxsim.ipynb" --output-dir "$WORK" --output executed.ipynb 2>"$WORK/err" ||
  fail "the notebook did not execute: $(tail -5 "$WORK/err")"
echo "notebook: executed headless on muxsim output"
