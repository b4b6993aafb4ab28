#!/usr/bin/env bash
# Installs muxsim's Debian 12 dependencies that are missing (apt-get; root or sudo).
# usage: ./setup-deps.sh [--main | --fuzz | --validation]
# --main (./run.sh): only what the main job needs, muxsim and its plots. libgoogle-perftools-dev
# gives muxsim tcmalloc, the allocator that makes large simulated runs fast (docs/speed.md).
# Without --main, also what the tests and the LibTorch layer need: libtorch-dev,
# libjpeg62-turbo-dev and libssl-dev (SHA-256) are for src/learn, which core and sim never
# include; dataset-fashion-mnist is the data of the fmnist zoo; doctest and Jupyter run tests;
# universal-ctags parses C++ for the function-length test (scripts/function_lengths.py).
set -euo pipefail
packages=(build-essential cmake ninja-build pkg-config libsimgrid-dev
  libboost-program-options-dev libfmt-dev nlohmann-json3-dev libgoogle-perftools-dev zlib1g-dev
  python3-pandas python3-matplotlib)
[[ ${1:-} == --main ]] ||
  packages+=(doctest-dev libtorch-dev libjpeg62-turbo-dev libssl-dev dataset-fashion-mnist
    python3-nbconvert python3-ipykernel jupyter-nbconvert python3-pip python3-venv
    python3-setuptools python3-wheel universal-ctags)
# --fuzz: also what tests/fuzz (clang's libFuzzer) and tests/sanitize.sh need.
[[ ${1:-} == --fuzz ]] && packages+=(clang libclang-rt-14-dev python3-pil)
# --validation: ns-3 for the packet-level Wi-Fi reference in validation/ns3/
# (docs/wifi-validation.md): the GSL it links, and the ns3 package, whose helper programs
# Debian's ns3 CMake package requires to exist. Neither the build nor ./test.sh needs it.
[[ ${1:-} == --validation ]] && packages+=(libns3-dev libgsl-dev ns3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "installing: ${missing[*]}"
  sudo_cmd=""
  [[ $(id -u) == 0 ]] || sudo_cmd=sudo
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
