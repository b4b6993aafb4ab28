#!/usr/bin/env bash
# Builds the ns-3 reference into build/ns3 and prints the path of its binary. Exit 77 (ctest's
# skip code) when ns-3 is not installed: ./setup-deps.sh --validation installs it.
# usage: validation/ns3/build.sh [wifi_cell|lte_cell|thresholds]   (all are built; the path
#        printed is wifi_cell's unless another is named)
set -euo pipefail
target=${1:-wifi_cell}
case $target in wifi_cell | lte_cell | thresholds) ;; *)
  echo "usage: build.sh [wifi_cell|lte_cell|thresholds]" >&2
  exit 2
  ;;
esac
here=$(cd "$(dirname "$0")" && pwd)
out=${MUXSIM_NS3_BUILD:-$here/../../build/ns3}
if [[ ! -d /usr/lib/x86_64-linux-gnu/cmake/ns3 || ! -d /usr/libexec/ns3 ]]; then
  echo "skip: ns-3 is not installed (./setup-deps.sh --validation)" >&2
  exit 77
fi
cmake -S "$here" -B "$out" -G Ninja >/dev/null
cmake --build "$out" >&2
echo "$out/$target"
