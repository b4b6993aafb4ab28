"""Puts this repository's python/ first on sys.path, so the analysis scripts read muxsim's
files with the package's reader (muxsim.results), uninstalled, and never with a different
installed copy. Import it before muxsim: `import _muxsim_path  # noqa: F401`."""
import os
import sys

PYTHON = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "python")
if PYTHON not in sys.path:
    sys.path.insert(0, PYTHON)
