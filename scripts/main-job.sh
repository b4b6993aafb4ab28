#!/usr/bin/env bash
# The main job's runs and figures (run.sh calls it after building): the embedded default
# scenarios into OUT/results.csv, every request into OUT/requests.csv.gz, and the figures;
# then a summary table per scenario (muxsim report --summary) and where the figures are.
# usage: scripts/main-job.sh OUT [extra muxsim run options]    ($MUXSIM: the binary)
set -euo pipefail
src=$(cd "$(dirname "$0")/.." && pwd)
out=$1
shift
muxsim=${MUXSIM:-$src/build/muxsim}
S=$src/scenarios
"$muxsim" run "$S/fmnist.ini" "$S/paper-table1.ini" "$S/paper-table1-light-mux.ini" \
  "$S/paper-table2.ini" "$S/paper-realistic.ini" "$S/load-sweep.ini" "$S/campus.ini" \
  "$S/fading-cell.ini" --out "$out" --requests "$out/requests.csv.gz" --jobs "$(nproc)" "$@"
{
  /usr/bin/python3 "$src/analysis/plot_results.py" "$out/results.csv" "$out/policies.png"
  /usr/bin/python3 "$src/analysis/plot_load.py" "$out/results.csv" load-sweep "$out/load.png"
  /usr/bin/python3 "$src/analysis/plot.py" "$out/results.csv" --out "$out/figures" \
    --requests "$out/requests.csv.gz"
} >"$out/figures.log"
echo
"$muxsim" report "$out/results.csv" --summary
figures=("$out"/*.png "$out"/figures/*.png)
echo "${#figures[@]} figures in $out/ and $out/figures/ (each described at the top of analysis/plot.py)"
