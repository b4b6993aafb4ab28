#!/usr/bin/env bash
# The core/sim unit tests and the integration tests that drive muxsim alone, under
# AddressSanitizer and UndefinedBehaviorSanitizer (CMake option MUXSIM_SANITIZE). The LibTorch
# layer (muxsim-learn) is not instrumented, so its tests are not run here.
# usage: tests/sanitize.sh [BUILD_DIR]   (default build-sanitize)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/build-sanitize}
cmake -S "$src" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DMUXSIM_SANITIZE=ON >/dev/null
cmake --build "$build" --target muxsim muxsim_unit muxsim_sim_tests
# SimGrid switches stacks under ASan's feet: its raw contexts are not annotated for it.
export ASAN_OPTIONS=detect_stack_use_after_return=0:detect_leaks=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
"$build/tests/muxsim_unit"
"$build/tests/muxsim_sim_tests"
for t in bad_input fault_isolation reproducible; do
  echo "== $t (sanitized)"
  MUXSIM=$build/muxsim SRC=$src bash "$src/tests/integration/$t.sh" >"$build/$t.log" 2>&1 ||
    { tail -20 "$build/$t.log"; exit 1; }
  tail -1 "$build/$t.log"
done
