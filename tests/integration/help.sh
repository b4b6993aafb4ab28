#!/usr/bin/env bash
# --help is right: every subcommand answers it with exit 0 and names its options.
source "$(dirname "$0")/common.sh"
"$MUXSIM" --help | grep -q "run  *run scenarios" || fail "muxsim --help"
"$MUXSIM" run --help | grep -q -- "--jobs" || fail "muxsim run --help"
"$MUXSIM" reconstruct --help | grep -q -- "--out" || fail "muxsim reconstruct --help"
"$MUXSIM" platform --help | grep -q -- "--point" || fail "muxsim platform --help"
"$MUXSIM" predict --help | grep -q -- "--resize" || fail "muxsim predict --help"
"$MUXSIM" trace --help | grep -q -- "--folds" || fail "muxsim trace --help"
"$MUXSIM" profile --help | grep -q -- "--runs" || fail "muxsim profile --help"
"$MUXSIM" frobnicate 2>/dev/null; [[ $? == 2 ]] || fail "unknown command should exit 2"
echo "help: ok"
