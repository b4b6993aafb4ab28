# Shared by the integration tests: $MUXSIM is the binary, $SRC the source tree.
set -u
MUXSIM=${MUXSIM:?set MUXSIM to the muxsim binary}
SRC=${SRC:?set SRC to the source tree}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
