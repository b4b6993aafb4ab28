#!/usr/bin/python3
"""Checks that src/'s folders include each other one way only (docs/layers.md).

Each folder is a layer; a file may include headers of its own layer and of the layers the
table below lets it see. Core's folders are in a line, each seeing every one before it, so a
new folder says where it stands by its place in CORE. Usage:
    layers.py SRC_DIR     exit 1 and a line per include that goes the wrong way
"""
import os
import re
import sys

# Bottom to top: shared types, the files read, the equations and costs, the policies, the
# scenario reader (which checks policy names), multiplexer evaluation, outputs, and the
# assembly of a run from all of them.
CORE = ["core/base", "core/formats", "core/model", "core/policy", "core/config", "core/mux",
        "core/output", "core/assemble"]
# Above core: LibTorch (learn) and SimGrid (sim) never see each other, so `muxsim` builds and
# starts without LibTorch; the run layer drives sim; each binary's commands sit on top.
ABOVE = {
    "learn": CORE,
    "sim": CORE,
    "run": CORE + ["sim"],
    "cli": CORE + ["sim", "run"],
    "cli/learn": CORE + ["learn", "cli"],
}
ALLOWED = {layer: CORE[:i] for i, layer in enumerate(CORE)}
ALLOWED.update(ABOVE)
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def layer_of(path):
    """The longest layer name that `path` (relative to src/) starts with, or None."""
    names = [name for name in ALLOWED if path == name or path.startswith(name + "/")]
    return max(names, key=len) if names else None


def wrong_way(src):
    for root, _, files in os.walk(src):
        for name in sorted(files):
            if not name.endswith((".cpp", ".hpp")):
                continue
            path = os.path.relpath(os.path.join(root, name), src)
            own = layer_of(path)
            if own is None:
                yield f"{path}: in no layer of scripts/layers.py"
                continue
            with open(os.path.join(root, name), encoding="utf-8") as f:
                for n, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    target = layer_of(m.group(1))
                    if target is None and os.path.exists(os.path.join(src, m.group(1))):
                        yield f"{path}:{n}: includes {m.group(1)}, in no layer"
                    elif target is not None and target != own and target not in ALLOWED[own]:
                        yield f"{path}:{n}: {own} includes {m.group(1)} ({target}), above it"


def main():
    problems = list(wrong_way(sys.argv[1]))
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
