#!/usr/bin/env bash
# Every documented example runs (issue 43, item 7).
# 1. Every ```ini block of README.md and docs/*.md that is a scenario (a `trace =` or
#    `profiles =` line) is saved where the doc says, named by an HTML comment
#    `<!-- save-as: PATH -->` on the line before it (PATH relative to the repository root),
#    and run: `muxsim run PATH --out DIR --quiet` from the root of a user's clone. The clone
#    is $WORK/clone: real folders along PATH, a symlink to the source tree for everything
#    else, and $WORK/shared/data a link to the shared data, so the relative paths of a block
#    resolve as in a real checkout and nothing is written to the source tree. A block marked
#    `<!-- fragment -->` is skipped; a scenario block without a save-as comment fails. A
#    block that names shared/data runs when the shared data is there ($MUXSIM_SHARED_DATA,
#    default $SRC/../shared/data) and is reported as skipped, in one line, when not; the test
#    then ends with 77 (skipped) once everything else has passed.
#    Blocks run as written: no --set, no cut in requests (each takes seconds).
# 2. A `reconstruct:table1` scenario without its [reconstruct] targets is refused with exit
#    2, naming the keys to set.
# 3. Every script of scripts/ and analysis/ with a usage line runs in its cheapest
#    documented form (list below). Not run here:
#    * scripts/fmnist.sh: trains two zoos (LibTorch, about 20 minutes) and rewrites the
#      committed models/fmnist/ and traces/fmnist-test.csv by design;
#    * scripts/main-job.sh: the notebook test runs it;
#    * scripts/linucb_comparison.sh: about a minute of an external Python policy on four
#      scenarios; its pieces run here (compare_policies.py, and the scenarios in
#      network-scenarios.sh);
#    * analysis/compare_ablation.py, distill_tables.py, imagenet_tables.py: they read what
#      muxsim-learn writes (mux train, imagenet-1300.sh, imagenet-distill.sh: LibTorch, and
#      for ImageNet the shared data); the imagenet test runs the ImageNet ones;
#    * analysis/wifi_semantics.sh (and .py): six runs, about 40 s; the wifi_validation
#      test's territory.
#    scripts/imagenet-1300.sh and imagenet-distill.sh need muxsim-learn and the shared
#    data; here they run in their documented form without the data (SHARED_DATA_DIR an
#    empty folder), which must print one skip line and exit 0. scripts/dimec.sh retrains a
#    zoo (muxsim-learn, about 10 minutes): it runs here with a BUILD_DIR other than build/
#    whose `muxsim` stands in for the two `zoo` commands (a stub that writes a 1,000-input
#    trace with a region column) and is the real muxsim for `run`.
source "$(dirname "$0")/common.sh"
data=${MUXSIM_SHARED_DATA:-$SRC/../shared/data}
[[ $data == /* ]] || data=$PWD/$data
MUXSIM=$(cd "$(dirname "$MUXSIM")" && pwd)/$(basename "$MUXSIM")
build=$(dirname "$MUXSIM") # a BUILD_DIR, for scripts that take one
failures=0
bad() {
  echo "FAIL: $*" >&2
  failures=$((failures + 1))
}

# --- 1. the scenario blocks ---------------------------------------------------------------
clone=$WORK/clone
mkdir -p "$clone" "$WORK/blocks" "$WORK/out"
for e in "$SRC"/* "$SRC"/.[!.]*; do
  [[ -e $e && $(basename "$e") != .git ]] && ln -s "$e" "$clone/"
done
if [[ -d $data ]]; then
  mkdir -p "$WORK/shared"
  ln -s "$data" "$WORK/shared/data"
fi

# real_folder REL: makes $clone/REL a real folder (each level holding links to the source's
# entries), so a file saved there lands in $WORK.
real_folder() {
  local here=$clone part target e
  local -a parts
  IFS=/ read -ra parts <<<"$1"
  for part in "${parts[@]}"; do
    [[ -z $part || $part == . ]] && continue
    if [[ -L $here/$part ]]; then
      target=$(readlink "$here/$part")
      rm "$here/$part"
      mkdir "$here/$part"
      for e in "$target"/* "$target"/.[!.]*; do
        [[ -e $e ]] && ln -s "$e" "$here/$part/"
      done
    fi
    mkdir -p "$here/$part"
    here=$here/$part
  done
}

# Each ini block: DOC<TAB>LINE<TAB>MARK<TAB>FILE, MARK the comment on the line before the
# fence ("save-as:PATH", "fragment" or "none").
extract() {
  awk -v doc="$1" -v dir="$WORK/blocks" '
    !inblock && /^[[:space:]]*```ini[[:space:]]*$/ {
      inblock = 1; indent = index($0, "`") - 1; start = FNR
      name = doc; gsub("/", "_", name); file = dir "/" name "-" start ".ini"
      mark = "none"
      if (prev ~ /<!--[[:space:]]*save-as:/) { mark = prev; sub(/.*save-as:[[:space:]]*/, "save-as:", mark); sub(/[[:space:]].*/, "", mark) }
      else if (prev ~ /<!--[[:space:]]*fragment/) mark = "fragment"
      printf "" >file
      next
    }
    inblock && /^[[:space:]]*```[[:space:]]*$/ { inblock = 0; close(file); printf "%s\t%d\t%s\t%s\n", doc, start, mark, file; next }
    inblock { print substr($0, indent + 1) >>file; next }
    { prev = $0 }
  ' "$SRC/$1"
}

skipped=()
ran=0
n=0
while IFS=$'\t' read -r doc line mark file; do
  where="$doc:$line"
  if ! grep -qE '^[[:space:]]*(trace|profiles)[[:space:]]*=' "$file"; then
    echo "not a scenario (no trace or profiles line): $where"
    continue
  fi
  if [[ $mark == fragment ]]; then
    echo "fragment, not run: $where"
    continue
  fi
  if [[ $mark != save-as:* ]]; then
    bad "$where: a scenario block with no <!-- save-as: PATH --> on the line before it (where does a user save it?)"
    continue
  fi
  saved=${mark#save-as:}
  if grep -q 'shared/data' "$file" && [[ ! -d $data ]]; then
    skipped+=("$where")
    continue
  fi
  n=$((n + 1))
  real_folder "$(dirname "$saved")"
  [[ -L $clone/$saved ]] && rm "$clone/$saved"
  cp "$file" "$clone/$saved"
  if (cd "$clone" && "$MUXSIM" run "$saved" --out "$WORK/out/$n" --quiet) 2>"$WORK/err" >/dev/null; then
    if [[ ! -s $WORK/out/$n/results.csv ]] || grep -q ',failed,' "$WORK/out/$n/results.csv"; then
      bad "$where: saved as $saved, runs but writes no results or failed rows"
    else
      echo "ok: $where ($saved): $(($(wc -l <"$WORK/out/$n/results.csv") - 1)) rows"
      ran=$((ran + 1))
    fi
  else
    bad "$where: saved as $saved, muxsim run exits $?: $(tail -3 "$WORK/err")"
  fi
  [[ $saved == my-sweep.ini ]] && readme_out=$WORK/out/$n
done < <(for f in "$SRC"/README.md "$SRC"/docs/*.md; do extract "${f#"$SRC"/}"; done)
((${#skipped[@]} == 0)) ||
  echo "skip: ${#skipped[@]} block(s) need the shared data, absent at $data (set MUXSIM_SHARED_DATA): ${skipped[*]}"
((ran > 0)) || bad "no scenario block ran"

# The README's follow-up commands on its example's results.
if [[ -n ${readme_out:-} ]]; then
  "$MUXSIM" report "$readme_out/results.csv" >"$WORK/report.md" 2>"$WORK/err" &&
    grep -q '| hybrid |' "$WORK/report.md" || bad "README: muxsim report on my-sweep: $(tail -3 "$WORK/err")"
  /usr/bin/python3 "$SRC/analysis/plot.py" "$readme_out/results.csv" --out "$readme_out/figures" \
    >/dev/null 2>"$WORK/err" && [[ -s $readme_out/figures/vs_bandwidth.png ]] ||
    bad "README: analysis/plot.py on my-sweep: $(tail -3 "$WORK/err")"
else
  bad "README.md: its scenario (saved as my-sweep.ini) did not run"
fi

# --- 2. reconstruct:table1 without its targets --------------------------------------------
recon() { # recon FILE [extra lines]: a Table I scenario with the given [reconstruct] lines
  local file=$1
  shift
  {
    echo "trace = reconstruct:table1"
    echo "profiles = $SRC/models/jetson-tx2.csv,$SRC/models/gtx-1080ti.csv"
    echo "[devices]"
    echo "phone_device = jetson-tx2"
    echo "cloud_device = gtx-1080ti"
    echo "mobile_model = mobilenet_v2"
    echo "cloud_model = resnext101_32x8d"
    echo "[policy]"
    echo "policies = hybrid"
    printf '%s\n' "$@"
  } >"$WORK/$file"
}
recon recon-unset.ini
expect_refused reconstruct-unset \
  "reconstruct:table1 needs [reconstruct] target_local_fraction and target_hybrid_accuracy" \
  "$WORK/recon-unset" run "$WORK/recon-unset.ini" --out "$WORK/recon-unset" --quiet
recon recon-half.ini "[reconstruct]" "target_hybrid_accuracy = 0.804"
expect_refused reconstruct-half "target_local_fraction is left at 0, unset: reconstruct:table1 needs [reconstruct]" \
  "$WORK/recon-half" run "$WORK/recon-half.ini" --out "$WORK/recon-half" --quiet

# --- 3. the scripts -------------------------------------------------------------------------
script() { # script NAME COMMAND...: runs it, a failure names the script
  local name=$1
  shift
  local start=$SECONDS
  if "$@" >"$WORK/script.out" 2>"$WORK/script.err"; then
    echo "ok: $name ($((SECONDS - start)) s)"
  else
    bad "$name exits $?: $(tail -5 "$WORK/script.err")"
    return 1
  fi
}

script "scripts/machine.sh" "$SRC/scripts/machine.sh"
grep -q '^cpu: ' "$WORK/script.out" || bad "scripts/machine.sh printed no cpu line"

script "scripts/derive_fmnist_profiles.py models/fmnist/zoo.csv OUT" /usr/bin/python3 \
  "$SRC/scripts/derive_fmnist_profiles.py" "$SRC/models/fmnist/zoo.csv" "$WORK/derived.csv" &&
  { cmp -s "$WORK/derived.csv" "$SRC/models/fmnist-derived.csv" ||
    bad "scripts/derive_fmnist_profiles.py no longer writes the committed models/fmnist-derived.csv"; }

script "scripts/function_lengths.py 1000 FILE" /usr/bin/python3 "$SRC/scripts/function_lengths.py" \
  1000 "$SRC/src/core/model/reconstruct.cpp"
script "scripts/doc_paths.py ROOT DOC.md" /usr/bin/python3 "$SRC/scripts/doc_paths.py" "$SRC" \
  "$SRC/README.md"

mkdir -p "$WORK/empty-shared-data"
for s in imagenet-1300 imagenet-distill; do
  script "scripts/$s.sh BUILD_DIR SHARED_DATA_DIR (absent data)" "$SRC/scripts/$s.sh" "$build" \
    "$WORK/empty-shared-data" &&
    { [[ $(wc -l <"$WORK/script.out") == 1 ]] && grep -q '^skip: ' "$WORK/script.out" ||
      bad "scripts/$s.sh without data: not one skip line: $(cat "$WORK/script.out")"; }
done

# scripts/dimec.sh with a BUILD_DIR other than build/, the zoo commands stubbed.
mkdir -p "$WORK/other-build"
cat >"$WORK/other-build/muxsim" <<EOF
#!/usr/bin/env bash
# Stands in for muxsim-learn's zoo commands; the rest is the real muxsim.
set -euo pipefail
arg() { local key=\$1; shift; while [[ \$# -gt 0 ]]; do [[ \$1 == "\$key" ]] && { echo "\$2"; return; }; shift; done; }
case "\${1:-} \${2:-}" in
  "zoo train")
    c=\$(arg --cartography "\$@"); mkdir -p "\$(arg --out "\$@")"; echo "stub cartography" >"\$c" ;;
  "zoo dimec")
    o=\$(arg --out "\$@"); mkdir -p "\$o"
    head -1001 "\$(arg --trace "\$@")" | awk -F, -v OFS=, 'NR == 1 { print \$0, "region"; next } { print \$0, NR % 3 }' >"\$o/trace.csv"
    printf 'stub\nmu,accuracy\n%s,0\n' "\$(arg --mu "\$@")" >"\$o/dimec_report.csv" ;;
  *) exec "$MUXSIM" "\$@" ;;
esac
EOF
chmod +x "$WORK/other-build/muxsim"
if script "scripts/dimec.sh OTHER_BUILD_DIR (zoo stubbed)" "$SRC/scripts/dimec.sh" "$WORK/other-build"; then
  r=$WORK/other-build/fmnist-dimec/results.csv
  if [[ ! -s $r ]] || grep -q ',failed,' "$r"; then
    bad "scripts/dimec.sh: no results or failed rows in $r"
  else
    # The stub's trace has 1,000 inputs: the run read BUILD_DIR's trace, not build/'s.
    /usr/bin/python3 - "$r" <<'EOF' || bad "scripts/dimec.sh: the run did not read OTHER_BUILD_DIR's trace"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
sys.exit(0 if rows and all(r["requests"] == "1000" for r in rows)
         and any(r["policy"] == "dimec-dc" for r in rows) else 1)
EOF
  fi
fi

# scripts/network-scenarios.sh OUT BUILD_DIR (wifi-walk only with the shared data), then the
# seed-policy table on its results.
if script "scripts/network-scenarios.sh OUT BUILD_DIR" "$SRC/scripts/network-scenarios.sh" \
  "$WORK/network" "$build"; then
  grep -h '^skip' "$WORK/script.err" && skipped+=("scripts/network-scenarios.sh's wifi-walk")
  script "analysis/policy_table.py RESULTS.csv" /usr/bin/python3 "$SRC/analysis/policy_table.py" \
    "$WORK/network/results.csv"
fi

# scripts/campus-walk.sh OUT BUILD_DIR with muxsim run options (3,000 requests, one seed),
# which runs analysis/plot_mobility.py: its three figures.
if script "scripts/campus-walk.sh OUT BUILD_DIR [muxsim run options]" "$SRC/scripts/campus-walk.sh" \
  "$WORK/campus-walk" "$build" --set requests=3000 --set seeds=1 --quiet; then
  for f in mobility_map mobility_rate mobility_latency; do
    [[ -s $WORK/campus-walk/figures/$f.png ]] || bad "scripts/campus-walk.sh drew no $f.png"
  done
fi

# The other analysis scripts, on one small run of fading-cell with per-request output and a
# per-minute series (requests cut to 3,000: this is about the scripts).
"$MUXSIM" run "$SRC/scenarios/fading-cell.ini" --out "$WORK/fading" --quiet --set requests=3000 \
  --requests "$WORK/fading/requests.csv.gz" --timeseries "$WORK/fading/minutes.csv.gz" \
  2>"$WORK/err" || bad "fading-cell for the analysis scripts: $(tail -3 "$WORK/err")"
script "analysis/plot_results.py RESULTS.csv OUT.png" /usr/bin/python3 \
  "$SRC/analysis/plot_results.py" "$WORK/fading/results.csv" "$WORK/fading/policies.png"
script "analysis/plot_timeseries.py MIN.csv.gz OUT.png" /usr/bin/python3 \
  "$SRC/analysis/plot_timeseries.py" "$WORK/fading/minutes.csv.gz" "$WORK/fading/minutes.png"
script "analysis/compare_policies.py OUT_DIR" /usr/bin/python3 \
  "$SRC/analysis/compare_policies.py" "$WORK/fading" --csv "$WORK/fading/comparison.csv"
"$MUXSIM" run "$SRC/scenarios/load-sweep.ini" --out "$WORK/load" --quiet --set requests=2000 \
  2>"$WORK/err" || bad "load-sweep for plot_load.py: $(tail -3 "$WORK/err")"
script "analysis/plot_load.py RESULTS.csv SCENARIO OUT.png" /usr/bin/python3 \
  "$SRC/analysis/plot_load.py" "$WORK/load/results.csv" load-sweep "$WORK/load/load.png"

((failures == 0)) || fail "$failures documented example(s) or script(s) failed (above)"
echo "ok: every documented example and script ran"
# What ran passed; blocks that need the shared data did not, so the whole is a skip, not a pass.
((${#skipped[@]} == 0)) || exit 77
