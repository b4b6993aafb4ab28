#!/usr/bin/python3
"""Lists repository paths named in Markdown files that do not exist. Usage:
    doc_paths.py ROOT DOC.md...    exit 1 when one is missing ("doc:line: path missing")

A repository path is
  - a word in an inline `code span` that starts with one of ROOT's top-level entries followed
    by "/" (src/..., scripts/..., docs/...), or is a top-level file (run.sh); it is looked
    for under ROOT;
  - the target of a Markdown link ](target) that is not a URL or an anchor; it is looked for
    relative to the doc's folder, as a Markdown viewer would.
Not repository paths, skipped on purpose (they name things that are made or stand for
others, never files in a clean clone):
  - build trees and the shared data beside the clone: build*/..., out*/... (.gitignore'd),
    ../shared/... ("build" is no top-level entry, so build/... is never matched at all);
  - placeholders: a word holding <, >, {, }, [, ], *, $, "..." or a folder or file named in
    capitals (DIR, NAME.ini; but README.md, EXPORTING.md: capitals name real Markdown files);
  - fenced ``` blocks: they are shell sessions, whose paths are often outputs they write;
  - a file the doc's own example saves, named by <!-- save-as: PATH --> (the reader creates
    it; tests/integration/docs_examples.sh runs the example).
"""
import os
import re
import sys

CODE_SPAN = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
LINK = re.compile(r"\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
PLACEHOLDER = re.compile(r"[<>{}*$\[\]]|\.\.\.|(^|/)[A-Z][A-Z0-9_]+(\.(?!md$)\w+)?(/|$)")
NOT_REPOSITORY = re.compile(r"^(build[^/]*|out[^/]*|\.\./shared)(/|$)")
SAVE_AS = re.compile(r"<!--\s*save-as:\s*(\S+)")


def top_level(root):
    """ROOT's entries a doc may name: all but .git and what .gitignore keeps out (build*)."""
    return {e for e in os.listdir(root) if e != ".git" and not NOT_REPOSITORY.match(e)}


def candidates(text, entries):
    """(line, path, relative_to_doc) for each path-like token, outside fenced blocks."""
    fenced = False
    for n, line in enumerate(text.split("\n"), 1):
        if line.lstrip().startswith("```"):
            fenced = not fenced
            continue
        if fenced:
            continue
        for span in CODE_SPAN.findall(line):
            # A span may be a command: each word (and each side of "=", as in --out=dir) counts.
            for word in re.split(r"[\s=]+", span):
                word = word.strip("'\"(),;.:")
                word = re.sub(r":\d+(-\d+)?$", "", word)  # file.cpp:42 names a line of a file
                if word.startswith("./"):
                    word = word[2:]
                if word.split("/")[0] in entries and ("/" in word or os.path.splitext(word)[1]):
                    yield n, word, False
        for target in LINK.findall(line):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue  # a URL (https:, mailto:) or an anchor in this doc
            yield n, target.split("#")[0], True


def missing(root, doc, entries):
    text = open(doc, encoding="utf-8").read()
    saved = set(SAVE_AS.findall(text))
    for n, path, relative in candidates(text, entries):
        if PLACEHOLDER.search(path) or NOT_REPOSITORY.match(path) or not path or path in saved:
            continue
        base = os.path.dirname(doc) if relative else root
        if not os.path.exists(os.path.join(base, path)):
            yield f"{doc}:{n}: {path} missing"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    root = sys.argv[1]
    entries = top_level(root)
    problems = [p for doc in sys.argv[2:] for p in missing(root, doc, entries)]
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
