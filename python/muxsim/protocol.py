"""The protocol loop of a policy process: one JSON object per line on stdin (hello,
decide, observe, end), one answer per hello and decide on stdout (docs/external-policy.md).
Anything else a policy prints must go to stderr: stdout carries only answers."""
import json
import os
import select
import sys
import time

PROTOCOL_VERSION = 2

# How long a read polls without sleeping. muxsim's next message follows an answer within
# tens of microseconds; sleeping in select() and being woken costs as much again.
SPIN_SECONDS = 200e-6


def lines(fd, spin=SPIN_SECONDS):
    """The lines arriving on file descriptor `fd`, polled for `spin` seconds before each
    blocking wait, until the input ends."""
    os.set_blocking(fd, False)
    pending = b""
    clock = time.perf_counter
    while True:
        try:
            chunk = os.read(fd, 65536)
        except BlockingIOError:
            give_up = clock() + spin
            while True:
                try:
                    chunk = os.read(fd, 65536)
                    break
                except BlockingIOError:
                    if clock() > give_up:
                        select.select([fd], [], [])
                        give_up = float("inf")
        if not chunk:
            if pending:
                yield pending
            return
        pending += chunk
        if b"\n" not in chunk:
            continue
        *complete, pending = pending.split(b"\n")
        yield from complete


def serve(policy, reader=None, writer=None):
    """Answers muxsim's messages with `policy` until the input ends. `reader` is an
    iterable of lines (default: stdin), `writer` a binary stream (default: stdout)."""
    reader = reader if reader is not None else lines(sys.stdin.fileno())
    writer = writer if writer is not None else sys.stdout.buffer
    loads, dumps = json.loads, json.dumps
    for line in reader:
        if not line.strip():
            continue
        message = loads(line)
        kind = message["type"]
        if kind == "decide":
            writer.write(dumps(policy.decide(message)).encode() + b"\n")
            writer.flush()
        elif kind == "observe":
            policy.observe(message)
        elif kind == "hello":
            # muxsim offers every version it serves (version 1 sent only "protocol").
            offered = message.get("protocols", [message["protocol"]])
            if PROTOCOL_VERSION not in offered:
                raise SystemExit(f"muxsim speaks protocol {offered}; "
                                 f"this package speaks {PROTOCOL_VERSION}")
            policy.hello(message)
            writer.write(dumps({"type": "ready", "protocol": PROTOCOL_VERSION}).encode() + b"\n")
            writer.flush()
        elif kind == "end":
            policy.end(message["row"])
