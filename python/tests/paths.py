"""Where the tests find the source tree and the muxsim binary (MUXSIM; ctest sets it)."""
import os
import unittest

PYTHON_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))  # holds muxsim/
SRC = os.path.dirname(PYTHON_DIR)
MUXSIM = os.environ.get("MUXSIM") or os.path.join(SRC, "build", "muxsim")


def scenario(name):
    return os.path.join(SRC, "scenarios", f"{name}.ini")


needs_muxsim = unittest.skipUnless(os.path.exists(MUXSIM), "no muxsim binary (set MUXSIM)")

# fading-cell at one run point: ten phones asking at Poisson times over a fading channel,
# so requests overlap and the seed moves arrivals and fades.
FADING_ONE_POINT = ["network.bandwidth_mbps=24", "seeds=1"]
