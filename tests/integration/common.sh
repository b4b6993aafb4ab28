# Shared by the integration tests: $MUXSIM is the binary, $SRC the source tree.
set -u
MUXSIM=${MUXSIM:?set MUXSIM to the muxsim binary}
SRC=${SRC:?set SRC to the source tree}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

# expect_refused NAME EXPECTED_MESSAGE_PART OUTPUT muxsim-args...: the command must exit 2
# with one line on stderr holding EXPECTED, and leave OUTPUT (a path, or "") absent.
expect_refused() {
  local name=$1 expected=$2 output=$3
  shift 3
  "$MUXSIM" "$@" 2>"$WORK/err" >/dev/null && fail "$name: exit 0"
  local rc=$?
  [[ $rc == 2 ]] || fail "$name: exit $rc, wanted 2: $(cat "$WORK/err")"
  [[ $(wc -l <"$WORK/err") == 1 ]] || fail "$name: not one line: $(cat "$WORK/err")"
  grep -qF -- "$expected" "$WORK/err" || fail "$name: message lacks '$expected': $(cat "$WORK/err")"
  [[ -z $output || ! -e $output ]] || fail "$name: $output left behind"
  echo "ok: $name: $(cat "$WORK/err")"
}
