#!/usr/bin/env bash
# muxsim report prints a golden Markdown table from a known results file: one table per run
# point, failed rows left out, the oracle not competing for bold; a missing column is named.
# Seeds are averaged: a mean and a 95 % Student-t interval per policy, computed here by hand
# for three seeds; an overloaded policy is marked and never bold, in the report and --summary.
source "$(dirname "$0")/common.sh"
"$MUXSIM" report "$SRC/tests/data/report-results.csv" >"$WORK/report.md" || fail "report"
diff -u "$SRC/tests/data/report-golden.md" "$WORK/report.md" || fail "report differs from the golden table"
cut -d, -f1-7,9- "$SRC/tests/data/report-results.csv" >"$WORK/nophones.csv"
"$MUXSIM" report "$WORK/nophones.csv" >/dev/null 2>"$WORK/err" && fail "a missing column was accepted"
[[ $? == 2 ]] || fail "missing column: wanted exit 2"
grep -q "nophones.csv:1: field 'phones': missing column" "$WORK/err" || fail "missing column: $(cat "$WORK/err")"
echo "ok: golden table matches; a missing column is named"

# Three seeds of one run point. mobile-only failed in seeds 2 and 3 (n = 1); cloud-only
# overloaded the WAN in seed 3 (overload = wan, load_max 1.2).
cat >"$WORK/seeds.csv" <<'CSV'
run,scenario,seed,mode,policy,bandwidth_mbps,cells,phones,arrival_rate_hz,accuracy,local_fraction,latency_ms_mean,latency_ms_p95,phone_energy_mj,cloud_gflops,load_max,overload,note,status
0,demo,1,simulated,mobile-only,10,1,2,0,0.700000,1.000000,3.500000,3.500000,12.000000,0.000000,0.100000,,,ok
1,demo,1,simulated,cloud-only,10,1,2,0,0.850000,0.000000,40.000000,55.000000,300.000000,16.000000,0.900000,,,ok
2,demo,1,simulated,hybrid,10,1,2,0,0.800000,0.600000,10.000000,20.000000,100.000000,6.400000,0.400000,,,ok
3,demo,2,simulated,mobile-only,10,1,2,0,,,,,,,,,,failed
4,demo,2,simulated,cloud-only,10,1,2,0,0.850000,0.000000,42.000000,56.000000,300.000000,16.000000,0.950000,,,ok
5,demo,2,simulated,hybrid,10,1,2,0,0.820000,0.700000,12.000000,20.000000,110.000000,4.800000,0.300000,,,ok
6,demo,3,simulated,mobile-only,10,1,2,0,,,,,,,,,,failed
7,demo,3,simulated,cloud-only,10,1,2,0,0.850000,0.000000,44.000000,57.000000,300.000000,16.000000,1.200000,wan,,ok
8,demo,3,simulated,hybrid,10,1,2,0,0.840000,0.800000,17.000000,20.000000,120.000000,3.200000,0.200000,,,ok
CSV
# By hand, with t(0.975, 2 dof) = 4.302653 and half-width = t * s / sqrt(3):
#   hybrid accuracy 0.80, 0.82, 0.84: mean 0.82, s = 0.02, 4.302653 * 0.02 / 1.732051 = 0.0497
#   hybrid local 0.6, 0.7, 0.8: mean 0.70, s = 0.1, half-width 0.2484 -> 0.25
#   hybrid latency 10, 12, 17: mean 13, s^2 = (9 + 1 + 16) / 2 = 13, s = 3.6056, half-width 8.96
#   hybrid p95 20, 20, 20: 20.00 ± 0.00; energy 100, 110, 120: mean 110, s = 10, half-width 24.84
#   cloud-only latency 40, 42, 44: mean 42, s = 2, half-width 4.97; p95 55, 56, 57: s = 1, 2.48
# Best: cloud-only's accuracy (0.85) is higher but overloaded, so hybrid's 0.82 is bold;
# mobile-only (one seed, no interval) is best in local share, latency and energy.
cat >"$WORK/seeds-expected.md" <<'MD'
### demo (simulated): 10 Mbit/s, 1 cell(s) x 2 phones, seeds 1, 2, 3

| policy | n | accuracy | local | latency ms | p95 ms | phone mJ | load |
|---|---:|---:|---:|---:|---:|---:|---|
| mobile-only | 1 | 0.7000 | **1.00** | **3.50** | **3.50** | **12.00** | |
| cloud-only | 3 | 0.8500 ± 0.0000 | 0.00 ± 0.00 | 42.00 ± 4.97 | 56.00 ± 2.48 | 300.00 ± 0.00 | ⚠ overloaded: wan (load 1.20; 1 of 3 seeds) |
| hybrid | 3 | **0.8200 ± 0.0497** | 0.70 ± 0.25 | 13.00 ± 8.96 | 20.00 ± 0.00 | 110.00 ± 24.84 | |

MD
"$MUXSIM" report "$WORK/seeds.csv" >"$WORK/seeds.md" || fail "report of three seeds"
diff -u "$WORK/seeds-expected.md" <(head -8 "$WORK/seeds.md") || fail "three-seed table differs from the hand computation"
# The interval again from the raw seeds, independently of the table above.
want=$(awk -F, '$5 == "hybrid" { x[++n] = $12 } END {
  m = (x[1] + x[2] + x[3]) / 3; v = 0; for (i = 1; i <= 3; i++) v += (x[i] - m)^2
  printf "%.2f ± %.2f", m, 4.302653 * sqrt(v / 2) / sqrt(3) }' "$WORK/seeds.csv")
grep -qF "| $want |" "$WORK/seeds.md" || fail "hybrid latency is not $want"
grep -q "^Each value is the mean over the n seeds ± the half-width of its 95 % confidence interval (Student t, n - 1 degrees of freedom)" "$WORK/seeds.md" ||
  fail "no interval legend"
grep -q "^n = 1: one seed" "$WORK/seeds.md" || fail "no n = 1 legend"
grep -q "^⚠ overloaded:" "$WORK/seeds.md" || fail "no overload footnote"
grep -q "load |" "$WORK/report.md" && fail "a file without the overload column got a load column"
echo "ok: three seeds averaged with a 95 % interval ($want), n = 1 alone, the overloaded row marked and not bold"

# --summary: the means at the first run point, the overloaded row marked, within 100 columns.
"$MUXSIM" report "$WORK/seeds.csv" --summary >"$WORK/summary.txt" || fail "summary"
grep -q "^demo (simulated): 10 Mbit/s, 1 cell(s) x 2 phones, seeds 1, 2, 3 (means)$" "$WORK/summary.txt" ||
  fail "summary title: $(head -1 "$WORK/summary.txt")"
grep -qE "^  hybrid +0\.8200 +13\.00 +20\.00 +110\.00 +4\.80$" "$WORK/summary.txt" || fail "summary hybrid means"
grep -qE "^  cloud-only .* 16\.00  ⚠ wan$" "$WORK/summary.txt" || fail "summary overload mark"
(($(wc -L <"$WORK/summary.txt") <= 100)) || fail "summary wider than 100 columns"
# --mode is parsed once into a mode: anything else is one message, exit 2, no report.
expect_refused bad-mode "command line: --mode must be closed-form or simulated, got 'simulate'" "" \
  report "$SRC/tests/data/report-results.csv" --mode simulate
"$MUXSIM" report "$SRC/tests/data/report-results.csv" --mode simulate 2>/dev/null | grep -q . &&
  fail "a bad --mode printed a report"
# A row's mode or status is read as a mode or status: a value muxsim never writes is named
# with its file, line and field, not silently left out of the table.
sed '2s/,simulated,/,simulatd,/' "$SRC/tests/data/report-results.csv" >"$WORK/badmode.csv"
grep -q simulatd "$WORK/badmode.csv" || fail "no row was changed for the bad-row-mode case"
expect_refused bad-row-mode "badmode.csv:2: field 'mode': 'simulatd' is neither closed-form nor simulated" "" \
  report "$WORK/badmode.csv"
echo "report: all cases passed"
