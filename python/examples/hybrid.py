"""The built-in hybrid policy (Table I), written against muxsim's external-policy protocol:
the binary multiplexer keeps an input on the phone when its score for the phone's model
reaches [policy] hybrid_threshold, and sends it to the cloud's model otherwise. Run as
    [policy] policies = external
             external_command = /usr/bin/python3 path/to/hybrid.py
it gives the built-in hybrid's results exactly (tests/python)."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import muxsim  # noqa: E402


class Hybrid(muxsim.Policy):
    def hello(self, setup):
        phone = setup["tiers"]["phone"]["model"]
        self.mobile = setup["models"].index(phone)
        self.threshold = setup["params"]["hybrid_threshold"]
        self.keep = muxsim.local(mux=True)
        self.send = muxsim.cloud([setup["tiers"]["cloud_default"]], mux=True)

    def decide(self, request):
        return self.keep if request["scores"][self.mobile] >= self.threshold else self.send


if __name__ == "__main__":
    Hybrid().run()
