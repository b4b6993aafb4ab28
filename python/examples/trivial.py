"""The cheapest policy: every input on the phone, no multiplexer. bench/external.sh times
the protocol with it."""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import muxsim  # noqa: E402


class Trivial(muxsim.Policy):
    answer = muxsim.local()

    def decide(self, request):
        return self.answer


if __name__ == "__main__":
    Trivial().run()
