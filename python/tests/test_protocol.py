"""The protocol loop (muxsim/protocol.py) against scripted messages."""
import io
import json
import os
import threading
import unittest

import muxsim
from muxsim.protocol import lines, serve

# muxsim's hello offers every version it serves; the package speaks the newest.
HELLO = {"type": "hello", "protocol": 2, "protocols": [1, 2], "models": ["a", "b"]}


def decide(k, scores):
    return {"type": "decide", "request": k, "scores": scores}


class Recorder(muxsim.Policy):
    def __init__(self):
        self.seen, self.rows = [], []

    def decide(self, request):
        self.seen.append(request["request"])
        return muxsim.local() if request["scores"][0] >= 0.5 else muxsim.cloud(["b"], mux=True)

    def observe(self, outcome):
        self.seen.append(("observed", outcome["request"]))

    def end(self, row):
        self.rows.append(row)


def script(*messages):
    return [json.dumps(m).encode() + b"\n" for m in messages]


class ServeTest(unittest.TestCase):
    def test_answers_hello_and_each_decide_in_order(self):
        policy, out = Recorder(), io.BytesIO()
        serve(policy, script(HELLO, decide(0, [0.9, 0.1]),
                             {"type": "observe", "request": 0},
                             decide(1, [0.2, 0.7]), {"type": "end", "row": {"run": 3}}), out)
        answers = [json.loads(line) for line in out.getvalue().splitlines()]
        self.assertEqual(answers[0], {"type": "ready", "protocol": 2})
        self.assertEqual(answers[1], {"placement": "local", "mux": False})
        self.assertEqual(answers[2], {"placement": "cloud", "mux": True, "phone_first": False,
                                      "models": ["b"]})
        self.assertEqual(policy.seen, [0, ("observed", 0), 1])
        self.assertEqual(policy.rows, [{"run": 3}])
        self.assertEqual(policy.setup["models"], ["a", "b"])

    def test_refuses_a_muxsim_that_does_not_offer_its_version(self):
        # A muxsim of version 1 sent "protocol" alone; a later one may offer only others.
        old = {"type": "hello", "protocol": 1, "models": ["a", "b"]}
        for hello in (old, dict(HELLO, protocol=3, protocols=[3])):
            out = io.BytesIO()
            with self.assertRaises(SystemExit):
                serve(Recorder(), script(hello), out)
            self.assertEqual(out.getvalue(), b"")  # no ready sent

    def test_base_policy_must_decide(self):
        with self.assertRaises(NotImplementedError):
            muxsim.Policy().decide({})


class LinesTest(unittest.TestCase):
    def test_lines_split_across_writes_and_the_end(self):
        read, write = os.pipe()

        def writer():
            for part in (b'{"a":', b'1}\n{"b"', b':2}\n\n{"c":3}'):
                os.write(write, part)
            os.close(write)

        thread = threading.Thread(target=writer)
        thread.start()
        got = list(lines(read, spin=0))
        thread.join()
        os.close(read)
        self.assertEqual(got, [b'{"a":1}', b'{"b":2}', b"", b'{"c":3}'])


if __name__ == "__main__":
    unittest.main()
