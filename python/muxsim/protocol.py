"""The protocol loop of a policy process: one JSON object per line on stdin (hello,
decide, observe, end), one answer per hello and decide on stdout (docs/external-policy.md).
Anything else a policy prints must go to stderr: stdout carries only answers."""
import json
import sys

PROTOCOL_VERSION = 1


def serve(policy, reader=None, writer=None):
    """Answers muxsim's messages with `policy` until the input ends."""
    reader = reader if reader is not None else sys.stdin.buffer
    writer = writer if writer is not None else sys.stdout.buffer
    loads, dumps = json.loads, json.dumps
    for line in reader:
        message = loads(line)
        kind = message["type"]
        if kind == "decide":
            writer.write(dumps(policy.decide(message)).encode() + b"\n")
            writer.flush()
        elif kind == "observe":
            policy.observe(message)
        elif kind == "hello":
            if message["protocol"] != PROTOCOL_VERSION:
                raise SystemExit(f"muxsim speaks protocol {message['protocol']}; "
                                 f"this package speaks {PROTOCOL_VERSION}")
            policy.hello(message)
            writer.write(dumps({"type": "ready", "protocol": PROTOCOL_VERSION}).encode() + b"\n")
            writer.flush()
        elif kind == "end":
            policy.end(message["row"])
