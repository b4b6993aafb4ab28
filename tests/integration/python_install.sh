#!/usr/bin/env bash
# python/ installs offline as the distribution muxsim-offload-sim (docs/external-policy.md):
# `pip install --no-build-isolation` into a fresh venv that sees Debian's numpy, with no
# package index; then, from outside the source tree, `import muxsim` finds the installed
# copy, its version is the distribution's, and MuxsimEnv runs an episode against $MUXSIM.
# Skips (77) when this Python cannot make a venv with pip, or lacks Debian's setuptools or
# wheel (./setup-deps.sh installs them).
source "$(dirname "$0")/common.sh"
skip() { echo "skip: $*"; exit 77; }
py=/usr/bin/python3
[[ -x $py ]] || skip "no $py"
$py -m venv --system-site-packages "$WORK/venv" >"$WORK/venv.log" 2>&1 ||
  skip "$py -m venv cannot make a venv with pip (python3-venv): $(tail -1 "$WORK/venv.log")"
venv_py=$WORK/venv/bin/python
$venv_py -m pip --version >/dev/null 2>&1 || skip "the venv has no pip (python3-venv, python3-pip)"
$venv_py -c "import setuptools, wheel" 2>/dev/null ||
  skip "no setuptools or wheel for the build (python3-setuptools, python3-wheel)"
$venv_py -c "import numpy" 2>/dev/null || skip "no numpy (python3-numpy)"

# A copy: pip builds in place, and the source tree stays as it was.
cp -r "$SRC/python" "$WORK/python"
rm -rf "$WORK/python/build" "$WORK/python"/*.egg-info
PIP_CONFIG_FILE=/dev/null PIP_DISABLE_PIP_VERSION_CHECK=1 \
  $venv_py -m pip install --no-build-isolation --no-index "$WORK/python" >"$WORK/pip.log" 2>&1 ||
  fail "pip install --no-build-isolation: $(tail -5 "$WORK/pip.log")"
grep -q "Successfully installed muxsim-offload-sim-" "$WORK/pip.log" ||
  fail "pip did not install muxsim-offload-sim: $(tail -3 "$WORK/pip.log")"
rm -rf "$WORK/python" # the import below can only find the installed copy

mkdir "$WORK/elsewhere"
cd "$WORK/elsewhere" && env -u PYTHONPATH MUXSIM="$MUXSIM" SCENARIO="$SRC/scenarios/paper-table1.ini" \
  $venv_py - "$WORK/venv" <<'PY' || fail "the installed package"
import importlib.metadata, os, sys
import muxsim
from muxsim import MuxsimEnv, Policy, read_results
from muxsim.credit import CreditedEnv
site = os.path.realpath(sys.argv[1])
assert os.path.realpath(muxsim.__file__).startswith(site + os.sep), muxsim.__file__
assert importlib.metadata.version("muxsim-offload-sim") == "0.1.0"
files = [str(f) for f in importlib.metadata.files("muxsim-offload-sim")]
assert "muxsim/env.py" in files and not any(f.startswith("tests/") for f in files), files
with CreditedEnv(MuxsimEnv(os.environ["SCENARIO"], settings=["requests=5"])) as env:
    env.reset(seed=1)
    while not env.step(env.action_space.sample())[2]:
        pass
    assert len(env.step_rewards) == 5
print(f"python_install: muxsim-offload-sim imported from {os.path.dirname(muxsim.__file__)}")
PY
