#!/usr/bin/python3
"""Lists functions longer than a limit in C++ sources. Usage:
    function_lengths.py LIMIT FILE...    exit 1 when one is longer than LIMIT lines, 2 on error

Universal Ctags parses the files (a line pattern misses wrapped signatures and members defined
in a class body), so free functions, members defined in or out of their class, templates and
lambdas are all seen. A function counts from its signature's first line to its closing brace.
"""
import json
import shutil
import subprocess
import sys


def die(message):
    """Exit 2: an error is neither "all short" (0) nor "some long" (1)."""
    print(f"function_lengths.py: {message}", file=sys.stderr)
    sys.exit(2)


def ctags_functions(paths):
    """(path, line of the name, end line, qualified name, is a lambda) of each definition."""
    if not shutil.which("ctags"):
        die("ctags not found (install universal-ctags)")
    # --language-force: the caller hands over C++ files only, whatever their extension; kind f
    # is definitions (prototypes are kind p); fields n and e give the name's line and the end.
    out = subprocess.run(["ctags", "--language-force=C++", "--kinds-C++=f", "--fields=+ne",
                          "--output-format=json", "-o", "-", *paths],
                         capture_output=True, text=True)
    if out.returncode != 0:
        die(f"ctags failed (universal-ctags needed): {out.stderr}")
    for row in out.stdout.splitlines():
        try:
            tag = json.loads(row)
        except json.JSONDecodeError:  # Exuberant Ctags, say, ignores --output-format=json
            die(f"ctags gave no JSON (universal-ctags needed): {row}")
        if tag.get("_type") != "tag":
            continue
        if "end" not in tag:  # without an end no length can be told: say so, never pass
            die(f"ctags gave no end for {tag['name']} in {tag['path']}")
        # ctags names a lambda or an anonymous namespace __anon<hash>: a lambda is named by
        # where it is, an anonymous namespace is left out of the scope.
        parts = tag.get("scope", "").split("::")
        scope = "::".join(p for p in parts if p and not p.startswith("__anon"))
        if tag["name"].startswith("__anon"):
            name = f"lambda in {scope}" if scope else "lambda"
        else:
            name = f"{scope}::{tag['name']}" if scope else tag["name"]
        yield tag["path"], tag["line"], tag["end"], name, tag["name"].startswith("__anon")


def first_line(lines, name_line):
    """The signature's first line: ctags gives the line of the name, so a return type or a
    template<...> wrapped onto the lines before it is reached by walking back while the line
    above continues a declaration (it is not blank, only a comment, a preprocessor line, nor the end
    of a statement, block or label: ";", "{", "}", "public:")."""
    n = name_line
    while n > 1:
        above = lines[n - 2].split("//")[0].strip()  # "}  // namespace x" ends in "}"
        if not above or above.startswith(("/*", "*", "#")) or above.endswith((";", "{", "}", ":")):
            break
        n -= 1
    return n


def main():
    if len(sys.argv) < 3:
        die(__doc__)
    limit = int(sys.argv[1])
    files = {}
    long_ones = []
    for path, line, end, name, is_lambda in ctags_functions(sys.argv[2:]):
        if path not in files:
            files[path] = open(path, encoding="utf-8").read().split("\n")
        # A lambda starts at its own line: the lines above it are the expression it sits in.
        start = line if is_lambda else first_line(files[path], line)
        if end - start + 1 > limit:
            long_ones.append((path, start, name, end - start + 1))
    for path, start, name, length in sorted(long_ones):
        print(f"{path}:{start}: {name} is {length} lines (limit {limit})")
    return 1 if long_ones else 0


if __name__ == "__main__":
    sys.exit(main())
