#!/usr/bin/env bash
# The main job: install what is missing, build, run the embedded default scenarios (the
# committed real Fashion-MNIST trace, the paper's Tables I and II and Table I on a realistic
# network, and the load-sweep, campus and fading-cell network scenarios) and write
# out/results.csv, out/requests.csv.gz and the figures, then print a summary table per
# scenario, where the figures are, and how long each phase took (scripts/main-job.sh).
# usage: ./run.sh [OUT_DIR] [extra muxsim run options]
set -euo pipefail
cd "$(dirname "$0")"
out=${1:-out}
shift || true
phases=()
lap() { phases+=("$1 ${SECONDS}s") && SECONDS=0; }
SECONDS=0
./setup-deps.sh --main
lap install
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
lap configure
# The main job needs muxsim alone; ./test.sh builds the LibTorch layer and the tests too.
cmake --build build --target muxsim
lap build
./scripts/main-job.sh "$out" "$@"
lap run
printf -v joined '%s, ' "${phases[@]}"
echo "phases: ${joined%, }"
