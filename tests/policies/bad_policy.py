"""A policy process that misbehaves on purpose, for tests/integration/external_policy.sh.

usage: bad_policy.py MODE GROUP_FILE
Appends its process group to GROUP_FILE and starts a `sleep` in that group, so the test can
check that muxsim killed the whole group. It answers the first two requests with "local",
then on the third: exits (exit), kills itself with SIGSEGV (crash), writes a line that is
not JSON (malformed), places the input on an edge tier the deployment lacks (placement),
or stops answering (slow). Mode "hang" never answers hello."""
import json
import os
import signal
import subprocess
import sys
import time

mode, group_file = sys.argv[1], sys.argv[2]
with open(group_file, "a") as f:
    f.write(f"{os.getpgid(0)}\n")
subprocess.Popen(["sleep", "300"])


def answer(obj):
    sys.stdout.write((obj if isinstance(obj, str) else json.dumps(obj)) + "\n")
    sys.stdout.flush()


decisions = 0
for line in sys.stdin:
    message = json.loads(line)
    if message["type"] == "hello":
        if mode == "hang":
            time.sleep(1000)
        answer({"type": "ready"})
    elif message["type"] == "decide":
        decisions += 1
        if decisions < 3:
            answer({"placement": "local"})
        elif mode == "exit":
            sys.exit(3)
        elif mode == "crash":
            os.kill(os.getpid(), signal.SIGSEGV)
        elif mode == "malformed":
            answer("{placement: local")
        elif mode == "placement":
            answer({"placement": "edge"})
        elif mode == "slow":
            time.sleep(1000)
        else:
            answer({"placement": "local"})
