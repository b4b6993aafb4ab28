"""muxsim's Python side: policies that run inside a muxsim run (docs/external-policy.md),
a Gym-style environment around a run, and the results files as pandas frames.

Pure Python with numpy; pandas only for read_results. Install it with
`pip install --no-build-isolation ./python` (distribution muxsim-offload-sim), or put this
folder (python/) on sys.path, as the examples do.
"""
from .policy import Policy, cloud, edge, local
from .protocol import PROTOCOL_VERSION, serve
from .results import read_results

__all__ = ["Policy", "local", "edge", "cloud", "serve", "PROTOCOL_VERSION", "read_results",
           "MuxsimEnv", "CreditedEnv"]


def __getattr__(name):
    # The environment pulls in subprocess and numpy; a policy process does not need them.
    if name == "MuxsimEnv":
        from .env import MuxsimEnv
        return MuxsimEnv
    if name == "CreditedEnv":
        from .credit import CreditedEnv
        return CreditedEnv
    raise AttributeError(f"module 'muxsim' has no attribute {name!r}")
