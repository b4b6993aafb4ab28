#!/usr/bin/env bash
# The main job: install what is missing, build, run the embedded default scenarios (the
# committed real Fashion-MNIST trace, the paper's Tables I and II and Table I on a realistic
# network, and the load-sweep and campus network scenarios) and write out/results.csv, out/policies.png and out/load.png.
# usage: ./run.sh [OUT_DIR] [extra muxsim run options]
set -euo pipefail
cd "$(dirname "$0")"
out=${1:-out}
shift || true
./setup-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build
./build/muxsim run scenarios/fmnist.ini scenarios/paper-table1.ini \
  scenarios/paper-table1-light-mux.ini scenarios/paper-table2.ini scenarios/paper-realistic.ini \
  scenarios/load-sweep.ini scenarios/campus.ini --out "$out" --jobs "$(nproc)" "$@"
/usr/bin/python3 analysis/plot_results.py "$out/results.csv" "$out/policies.png"
/usr/bin/python3 analysis/plot_load.py "$out/results.csv" load-sweep "$out/load.png"
/usr/bin/python3 analysis/plot.py "$out/results.csv" --out "$out/figures"
echo "figures:" && ls -1 "$out"/*.png "$out"/figures/*.png
