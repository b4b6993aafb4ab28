#!/usr/bin/env bash
# The main job runs and draws its figures, and analysis/muxsim.ipynb executes headless with
# Debian's jupyter-nbconvert on its output; the notebook is committed without outputs.
source "$(dirname "$0")/common.sh"
/usr/bin/python3 - "$SRC/analysis/muxsim.ipynb" <<'PY' || fail "the committed notebook holds outputs"
import json, sys
cells = json.load(open(sys.argv[1]))["cells"]
assert all(not c.get("outputs") and not c.get("execution_count") for c in cells if c["cell_type"] == "code")
PY
# The main job's output, figures included (it also checks that the main job runs).
MUXSIM=$MUXSIM "$SRC/scripts/main-job.sh" "$WORK/out" --quiet >"$WORK/main.log" 2>&1 ||
  fail "the main job: $(tail -3 "$WORK/main.log")"
for f in policies.png load.png figures/vs_load.png figures/replay.png figures/gflops_front.png; do
  [[ -s $WORK/out/$f ]] || fail "the main job drew no $f"
done
MUXSIM_RESULTS=$WORK/out PATH=/usr/bin:$PATH jupyter-nbconvert --to notebook --execute \
  "$SRC/analysis/muxsim.ipynb" --output-dir "$WORK" --output executed.ipynb 2>"$WORK/err" ||
  fail "the notebook did not execute: $(tail -5 "$WORK/err")"
echo "notebook: the main job drew its figures; the notebook executed headless on its output"
