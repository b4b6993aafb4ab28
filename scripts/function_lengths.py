#!/usr/bin/python3
"""Lists functions longer than a limit in C++ sources (clang-formatted, as the repository is).

A definition is a line at column 0 that ends in "{" and is not a namespace, class, struct,
enum or initialiser; it ends at the next "}" at column 0. Usage:
    function_lengths.py LIMIT FILE...    exit 1 when one is longer than LIMIT lines
"""
import re
import sys

NOT_FUNCTION = re.compile(r"^(namespace|class|struct|enum|union|extern|template\s*<[^>]*>\s*(class|struct))\b")


def functions(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    start = None
    for n, line in enumerate(lines, 1):
        if start is None:
            if line and not line[0].isspace() and line.rstrip().endswith("{") \
                    and not NOT_FUNCTION.match(line) and "=" not in line.split("(")[0]:
                start = n
                name = line.split("(")[0].split()[-1] if "(" in line else line
        elif line.startswith("}"):
            yield name, start, n - start + 1
            start = None


def main():
    limit = int(sys.argv[1])
    long_ones = [(path, name, start, length) for path in sys.argv[2:]
                 for name, start, length in functions(path) if length > limit]
    for path, name, start, length in long_ones:
        print(f"{path}:{start}: {name} is {length} lines (limit {limit})")
    return 1 if long_ones else 0


if __name__ == "__main__":
    sys.exit(main())
