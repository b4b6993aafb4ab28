#!/usr/bin/env bash
# Every repository path README.md and docs/*.md name exists: a file moved or renamed leaves
# no stale pointer behind. scripts/doc_paths.py says what counts as a repository path (code
# spans and Markdown links) and what is skipped on purpose (build trees, ../shared,
# placeholders, fenced blocks, files the docs' examples save).
source "$(dirname "$0")/common.sh"

# The check itself can fail: a made-up doc names a missing file in a code span and a missing
# doc in a relative link; the paths it names that exist, or that are no repository paths, pass.
cat >"$WORK/made-up.md" <<'MD'
Run `scripts/fmnist.sh` (`src/core/no_such_file.cpp` is gone), see [here](no-such-doc.md)
and [the README](https://example.org/README.md); `build/muxsim run scenarios/<name>.ini`,
`../shared/bandwidth/x.csv`, `scenarios/NAME.ini`, `out/fmnist/results.csv` are not checked.
MD
/usr/bin/python3 "$SRC/scripts/doc_paths.py" "$SRC" "$WORK/made-up.md" >"$WORK/out" &&
  fail "a doc naming missing paths passed"
printf '%s\n' "$WORK/made-up.md:1: src/core/no_such_file.cpp missing" \
  "$WORK/made-up.md:1: no-such-doc.md missing" >"$WORK/expected"
diff "$WORK/expected" "$WORK/out" || fail "the made-up doc's report differs (above)"
echo "ok: the made-up doc's two missing paths are found, nothing else"

docs=("$SRC/README.md" "$SRC"/docs/*.md)
/usr/bin/python3 "$SRC/scripts/doc_paths.py" "$SRC" "${docs[@]}" || fail "docs name missing paths"
echo "ok: ${#docs[@]} docs, every repository path they name exists"
