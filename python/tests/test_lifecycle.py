"""An environment that is never closed still leaves nothing behind: its muxsim process
(with the runs and policy processes under it) and its temporary folder go when the
environment is garbage-collected, and when Python exits with it still alive."""
import json
import os
import subprocess
import sys
import time
import unittest

from .paths import MUXSIM, PYTHON_DIR, needs_muxsim, scenario

# Run by a fresh /usr/bin/python3: builds an environment, takes a few steps, prints the
# pids of everything under it (muxsim, its run, the policy) and the temporary folder, then either drops the
# environment (and waits for a line on stdin, so the parent checks while Python lives) or
# exits with it alive.
CHILD = r"""
import gc, json, os, sys
sys.path.insert(0, sys.argv[1])
from muxsim import MuxsimEnv

def family(pid):
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            children.setdefault(ppid, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        p = todo.pop()
        found.append(p)
        todo += children.get(p, [])
    return found

env = MuxsimEnv(sys.argv[2], settings=["requests=200"], muxsim=sys.argv[3])
env.reset(seed=1)
for step in range(5):
    env.step(step % 2)
# Found from outside, as the processes under this one: muxsim's --out is in the folder.
pids = family(os.getpid())[1:]
with open(f"/proc/{pids[0]}/cmdline") as f:
    args = f.read().split("\0")
folder = os.path.dirname(args[args.index("--out") + 1])
print(json.dumps({"pids": pids, "folder": folder}), flush=True)
if sys.argv[4] == "drop":
    del env
    gc.collect()
    print("dropped", flush=True)
    sys.stdin.readline()
"""


def alive(pid):
    """A zombie counts as gone: its parent (perhaps a PID 1 that does not reap) owes it a
    wait, but it runs nothing and holds no file."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@needs_muxsim
class LifecycleTest(unittest.TestCase):
    def start(self, how):
        child = subprocess.Popen(
            ["/usr/bin/python3", "-c", CHILD, PYTHON_DIR, scenario("fading-cell"), MUXSIM, how],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        self.addCleanup(child.wait, 60)
        self.addCleanup(child.stdin.close)
        self.addCleanup(child.stdout.close)
        state = json.loads(child.stdout.readline())
        self.assertGreaterEqual(len(state["pids"]), 3)  # muxsim, its run, the policy
        return child, state

    def assert_gone(self, state):
        deadline = time.monotonic() + 10
        while any(map(alive, state["pids"])) and time.monotonic() < deadline:
            time.sleep(0.05)
        self.assertEqual([p for p in state["pids"] if alive(p)], [])
        self.assertFalse(os.path.exists(state["folder"]))

    def test_garbage_collection_stops_muxsim(self):
        child, state = self.start("drop")
        self.assertTrue(alive(state["pids"][0]))
        self.assertEqual(child.stdout.readline().strip(), "dropped")
        self.assertIsNone(child.poll())  # Python still runs: the collection did it
        self.assert_gone(state)
        child.stdin.write("\n")
        child.stdin.flush()
        self.assertEqual(child.wait(60), 0)

    def test_exit_without_close_stops_muxsim(self):
        child, state = self.start("exit")
        self.assertEqual(child.wait(60), 0)
        self.assert_gone(state)


if __name__ == "__main__":
    unittest.main()
