#!/usr/bin/env bash
# Bad input: one clear message naming file, line and field; exit status 2; no results.csv.
source "$(dirname "$0")/common.sh"

# A valid scenario on a trace file and a profile of our own, then one defect at a time.
two_model_files
scenario good.ini "[policy]" "policies = mobile-only,hybrid"
"$MUXSIM" run "$WORK/good.ini" --out "$WORK/good" --quiet || fail "the valid scenario failed"
[[ -s $WORK/good/results.csv ]] || fail "the valid scenario wrote no results"

expect_bad missing-file "$WORK/nope.ini: cannot open file" "$WORK/nope.ini"

sed 's/^b,2,0,3,0.4/b,2,0,three,0.4/' "$WORK/trace.csv" >"$WORK/trace-text.csv"
scenario text.ini "[policy]" "policies = hybrid"
sed -i 's/^trace = .*/trace = trace-text.csv/' "$WORK/text.ini"
expect_bad malformed-row "trace-text.csv:3: field 'pred_small': 'three' is not an integer" "$WORK/text.ini"
# Trace values outside their domain, and a repeated id.
bad_trace() { # bad_trace NAME SED_EXPRESSION EXPECTED
  sed "$2" "$WORK/trace.csv" >"$WORK/trace-$1.csv"
  scenario "$1.ini" "[policy]" "policies = hybrid"
  sed -i "s/^trace = .*/trace = trace-$1.csv/" "$WORK/$1.ini"
  expect_bad "trace-$1" "$3" "$WORK/$1.ini"
}
bad_trace negative-label 's/^b,2,0,/b,-2,0,/' "trace-negative-label.csv:3: field 'label': must be an integer in [0, 2^31)"
bad_trace huge-pred 's/^b,2,0,3,/b,2,0,99999999999,/' "trace-huge-pred.csv:3: field 'pred_small': must be an integer in [0, 2^31)"
bad_trace confidence 's/^b,2,0,3,0.4,/b,2,0,3,1.4,/' "trace-confidence.csv:3: field 'conf_small': must be in [0, 1]"
bad_trace duplicate-id 's/^b,/a,/' "trace-duplicate-id.csv:3: field 'input_id': 'a' appears twice (first on line 2)"

cut -d, -f1-7 "$WORK/profile.csv" >"$WORK/profile-nokind.csv"
scenario nocol.ini "[policy]" "policies = hybrid"
sed -i 's/^profiles = .*/profiles = profile-nokind.csv/' "$WORK/nocol.ini"
expect_bad missing-column "profile-nokind.csv:1: field 'kind': missing column" "$WORK/nocol.ini"

# A measured timing without the engine and ISA it ran with (docs/reproducibility.md).
sed 's/^phone,small,0.3,3.5,12,0.7,test,derived$/phone,small,0.3,3.5,12,0.7,test,measured/' \
  "$WORK/profile.csv" >"$WORK/profile-measured.csv"
scenario measured.ini "[policy]" "policies = hybrid"
sed -i 's/^profiles = .*/profiles = profile-measured.csv/' "$WORK/measured.ini"
expect_bad measured-without-isa "profile-measured.csv:2: field 'qengine': a measured row names the quantized engine" "$WORK/measured.ini"

# A profile's kind is read once into its kind: a spelling muxsim does not know is refused.
sed 's/^cloud,big,16,11.8,0,0.8,test,derived$/cloud,big,16,11.8,0,0.8,test,guessed/' \
  "$WORK/profile.csv" >"$WORK/profile-kind.csv"
scenario kind.ini "[policy]" "policies = hybrid"
sed -i 's/^profiles = .*/profiles = profile-kind.csv/' "$WORK/kind.ini"
expect_bad bad-kind "profile-kind.csv:4: field 'kind': 'guessed' is not one of published, measured, derived" "$WORK/kind.ini"

scenario key.ini "[network]" "bandwith_mbps = 10"
expect_bad unknown-key "key.ini:9: field 'network.bandwith_mbps': unknown key; did you mean 'network.bandwidth_mbps'?" "$WORK/key.ini"

scenario misplaced.ini "[policy]" "policies = hybrid" "bandwidth_mbps = 10"
expect_bad misplaced-key "misplaced.ini:10: field 'policy.bandwidth_mbps': unknown key; did you mean 'network.bandwidth_mbps'?" "$WORK/misplaced.ini"

scenario model.ini "cloud_models = big,huge" "[policy]" "policies = hybrid"
expect_bad unknown-model "model.ini:8: field 'devices.cloud_models': unknown model 'huge'; the trace has: small, big" "$WORK/model.ini"

scenario noprofile.ini "mux_model = brain" "[policy]" "policies = hybrid"
expect_bad model-without-profile "noprofile.ini:8: field 'devices.mux_model': unknown model 'brain' on device 'phone'; known: small, multiplexer" "$WORK/noprofile.ini"

scenario policy.ini "[policy]" "policies = hybrid,teleport"
expect_bad unknown-policy "policy.ini:9: field 'policy.policies': unknown policy 'teleport'" "$WORK/policy.ini"

scenario negative.ini "[policy]" "policies = hybrid" "[network]" "bandwidth_mbps = -20"
expect_bad negative-bandwidth "negative.ini:11: field 'network.bandwidth_mbps': values must be positive" "$WORK/negative.ini"

# The INI text itself, and values with no faithful simulation (issue "Trustworthy under bad
# input", first part).
scenario dup.ini "[policy]" "policies = hybrid" "policies = mobile-only"
expect_bad duplicate-key "dup.ini:10: field 'policy.policies': set twice (first on line 9)" "$WORK/dup.ini"
scenario section.ini "[policy" "policies = hybrid"
expect_bad bad-section "section.ini:8: field '[policy': a section header must be [name]" "$WORK/section.ini"
scenario words.ini "[policy]" "policies = hybrid" "just words"
expect_bad no-equals "words.ini:10: field 'just words': expected key = value" "$WORK/words.ini"
scenario threshold.ini "[policy]" "policies = hybrid" "hybrid_threshold = 1.5"
expect_bad threshold-range "threshold.ini:10: field 'policy.hybrid_threshold': must be in [0, 1]" "$WORK/threshold.ini"
scenario none.ini "[policy]" "policies = ,"
expect_bad no-policy "none.ini:9: field 'policy.policies': names no policy" "$WORK/none.ini"
sed '1a modes = ,' "$WORK/good.ini" >"$WORK/nomode.ini"
expect_bad no-mode "nomode.ini:2: field 'modes': names none of closed-form, simulated" "$WORK/nomode.ini"
scenario empty-section.ini "[policy]" "policies = hybrid" "[polcy]"
expect_bad unknown-section "empty-section.ini:10: field '[polcy]': unknown section; did you mean '[policy]'? (known: devices, policy" "$WORK/empty-section.ini"
# Wi-Fi rate semantics (docs/wifi-validation.md): a standard muxsim lacks, and rates the
# standard lacks.
scenario std.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11be"
expect_bad unknown-standard "std.ini:11: field 'network.wifi_standard': '802.11be' is not one of none, 802.11g, 802.11n, 802.11ac, 802.11ax" "$WORK/std.ini"
# 802.11ac and ax (docs/wifi5-6.md): a rate the standard lacks at the cell's width names the
# nearest; a width, guard interval, stream count or window it lacks; A-MPDU switched off.
scenario ac65.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11ac" "bandwidth_mbps = 390,65"
expect_bad not-an-ac-rate "ac65.ini:12: field 'network.bandwidth_mbps': 65 Mbit/s is not an 802.11ac rate (MCS 0-9 at 80 MHz: 29.25, 58.5, 87.75, 117, 175.5, 234, 263.25, 292.5, 351, 390); nearest: 58.5 or 87.75" "$WORK/ac65.ini"
scenario ax20.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11ax" "wifi_channel_mhz = 20" "bandwidth_mbps = 306.3"
expect_bad not-an-ax-rate-at-20 "ax20.ini:13: field 'network.bandwidth_mbps': 306.3 Mbit/s is not an 802.11ax rate (MCS 0-11 at 20 MHz" "$WORK/ax20.ini"
scenario n160.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11n" "wifi_channel_mhz = 160" "bandwidth_mbps = 65"
expect_bad n-at-160 "n160.ini:12: field 'network.wifi_channel_mhz': 802.11n has no 160 MHz channel (it has 20 or 40 MHz)" "$WORK/n160.ini"
scenario axoff.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11ax" "wifi_aggregation = false" "bandwidth_mbps = 306.25"
expect_bad ax-without-ampdu "axoff.ini:12: field 'network.wifi_aggregation': 802.11ax sends every MPDU in an A-MPDU; aggregation cannot be switched off" "$WORK/axoff.ini"
scenario acgi.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11ac" "wifi_guard_ns = 3200" "bandwidth_mbps = 390"
expect_bad ac-guard "acgi.ini:12: field 'network.wifi_guard_ns': 802.11ac has no 3200 ns guard interval (it has 400 or 800 ns)" "$WORK/acgi.ini"
scenario acba.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11ac" "wifi_block_ack_frames = 256" "bandwidth_mbps = 390"
expect_bad ac-window "acba.ini:12: field 'network.wifi_block_ack_frames': 802.11ac acknowledges at most 64 frames" "$WORK/acba.ini"
# Uplink OFDMA is 802.11ax's; and its values are named.
scenario acofdma.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11ac" "wifi_ofdma = ideal" "bandwidth_mbps = 390"
expect_bad ofdma-not-ax "acofdma.ini:12: field 'network.wifi_ofdma': does nothing here: OFDMA is 802.11ax's (wifi_standard = 802.11ax)" "$WORK/acofdma.ini"
scenario axofdma.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11ax" "wifi_ofdma = ns3" "bandwidth_mbps = 306.25"
expect_bad ofdma-value "axofdma.ini:12: field 'network.wifi_ofdma': 'ns3' is not one of off, ideal" "$WORK/axofdma.ini"
# LTE cells (docs/lte.md): an unknown link, a bandwidth LTE lacks, a negative grant delay,
# an LTE cell without eNodeBs to place, and 802.11 keys on an LTE cell.
scenario link.ini "[policy]" "policies = hybrid" "[network]" "link = 5g"
expect_bad unknown-link "link.ini:11: field 'network.link': '5g' is not one of wifi, lte" "$WORK/link.ini"
lte=("[policy]" "policies = hybrid" "[network]" "link = lte")
placed=("[mobility]" "access_points = 0:0" "phone_positions = 100:0")
scenario lterb.ini "${lte[@]}" "lte_resource_blocks = 20" "${placed[@]}"
expect_bad lte-bandwidth "lterb.ini:12: field 'network.lte_resource_blocks': 20 is not an LTE bandwidth (6, 15, 25, 50, 75 or 100 resource blocks)" "$WORK/lterb.ini"
scenario ltegrant.ini "${lte[@]}" "lte_grant_ms = -1" "${placed[@]}"
expect_bad lte-negative-grant "ltegrant.ini:12: field 'network.lte_grant_ms'" "$WORK/ltegrant.ini"
scenario lteplace.ini "${lte[@]}"
expect_bad lte-unplaced "lteplace.ini:11: field 'network.link': LTE cells are eNodeBs that [mobility] places" "$WORK/lteplace.ini"
scenario ltewifi.ini "${lte[@]}" "wifi_standard = 802.11ax" "${placed[@]}"
expect_bad lte-with-wifi-standard "ltewifi.ini:12: field 'network.wifi_standard': does nothing here: an LTE cell has no 802.11 PHY" "$WORK/ltewifi.ini"
scenario ltefar.ini "${lte[@]}" "[mobility]" "access_points = 0:0" "phone_positions = 60000:0"
expect_bad lte-out-of-range "ltefar.ini:14: field 'mobility.phone_positions': phone 0 at 60000:0 is out of every access point's range (30057.1 m" "$WORK/ltefar.ini"
scenario gstreams.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11g" "wifi_streams = 2" "bandwidth_mbps = 54"
expect_bad g-streams "gstreams.ini:12: field 'network.wifi_streams': 802.11g sends at most 1 spatial stream" "$WORK/gstreams.ini"
scenario nonewidth.ini "[policy]" "policies = hybrid" "[network]" "wifi_channel_mhz = 80"
expect_bad width-without-standard "nonewidth.ini:11: field 'network.wifi_channel_mhz': does nothing here" "$WORK/nonewidth.ini"
scenario acampdu.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11ac" "wifi_ampdu_bytes = 100" "bandwidth_mbps = 390"
expect_bad ampdu-too-short "acampdu.ini:12: field 'network.wifi_ampdu_bytes': must be" "$WORK/acampdu.ini"
scenario n54.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11n" "bandwidth_mbps = 65,54"
expect_bad not-an-n-rate "n54.ini:12: field 'network.bandwidth_mbps': 54 Mbit/s is not an 802.11n rate (MCS 0-7" "$WORK/n54.ini"
scenario gagg.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11g" "bandwidth_mbps = 54" "wifi_aggregation = true"
expect_bad aggregation-without-n "gagg.ini:13: field 'network.wifi_aggregation': does nothing here: A-MPDU aggregation is 802.11n's" "$WORK/gagg.ini"
scenario nagg.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11n" "bandwidth_mbps = 65" "wifi_aggregation = maybe"
expect_bad aggregation-not-a-flag "nagg.ini:13: field 'network.wifi_aggregation'" "$WORK/nagg.ini"
scenario g100.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11g" "bandwidth_mbps = 54,100"
expect_bad not-a-g-rate "g100.ini:12: field 'network.bandwidth_mbps': 100 Mbit/s is not an 802.11g rate" "$WORK/g100.ini"
scenario g7.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11g" "phone_rates_mbps = random:54,7"
expect_bad not-a-g-phone-rate "g7.ini:12: field 'network.phone_rates_mbps': 7 Mbit/s is not an 802.11g rate" "$WORK/g7.ini"
scenario gbad.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11g" "bandwidth_mbps = 54" \
  "channel = markov" "markov_good_s = 5" "markov_bad_s = 1" "markov_bad_mbps = 0.5"
expect_bad not-a-g-bad-rate "gbad.ini:16: field 'network.markov_bad_mbps': 0.5 Mbit/s is not an 802.11g rate" "$WORK/gbad.ini"
scenario gtrace.ini "[policy]" "policies = hybrid" "[network]" "wifi_standard = 802.11g" \
  "channel = trace" "channel_trace = $WORK/trace-text.csv"
expect_bad g-with-trace "gtrace.ini:11: field 'network.wifi_standard': a channel trace is measured goodput; use wifi_standard = none" "$WORK/gtrace.ini"
scenario huge.ini "[policy]" "policies = hybrid" "[network]" "wan_latency_ms = 1e308"
expect_bad huge-latency "huge.ini:11: field 'network.wan_latency_ms': must be at most 1e9" "$WORK/huge.ini"
sed 's#^trace = .*#trace = /dev/zero#' "$WORK/good.ini" >"$WORK/devzero.ini"
expect_bad trace-device "/dev/zero: not a regular file" "$WORK/devzero.ini"
expect_bad run-timeout "command line: --run-timeout must be a positive number of seconds" \
  "$WORK/good.ini" --run-timeout -5
expect_bad log-setting "command line: --log 'muxsim_phone=debug' is not CATEGORY.thresh:PRIORITY" \
  "$WORK/good.ini" --log muxsim_phone=debug
# Accepted: a log category turned on traces the simulated phones' requests on stderr.
"$MUXSIM" run "$WORK/good.ini" --out "$WORK/logged" --quiet --log muxsim_phone.thresh:verbose 2>"$WORK/err" ||
  fail "--log muxsim_phone.thresh:verbose was refused"
grep -q "muxsim_phone/VERBOSE\] request 0 " "$WORK/err" || fail "--log traced no request: $(head -3 "$WORK/err")"
"$MUXSIM" airtime 54,7 >"$WORK/out" 2>"$WORK/err"
[[ $? == 2 ]] && grep -qF "7 Mbit/s is not an 802.11g rate" "$WORK/err" && [[ ! -s $WORK/out ]] ||
  fail "airtime with a rate 802.11g lacks: $(cat "$WORK/err")"
"$MUXSIM" airtime 65,54 --standard 802.11n >"$WORK/out" 2>"$WORK/err"
[[ $? == 2 ]] && grep -qF "54 Mbit/s is not an 802.11n rate" "$WORK/err" && [[ ! -s $WORK/out ]] ||
  fail "airtime with a rate 802.11n lacks: $(cat "$WORK/err")"
"$MUXSIM" airtime 54 --standard 802.11be >"$WORK/out" 2>"$WORK/err"
[[ $? == 2 ]] && grep -qF "'802.11be' is not 802.11g, 802.11n, 802.11ac or 802.11ax" "$WORK/err" && [[ ! -s $WORK/out ]] ||
  fail "airtime with an unknown standard: $(cat "$WORK/err")"
"$MUXSIM" airtime 65 --standard 802.11n --width 160 >"$WORK/out" 2>"$WORK/err"
[[ $? == 2 ]] && grep -qF -- "--width: 802.11n has no 160 MHz channel" "$WORK/err" && [[ ! -s $WORK/out ]] ||
  fail "airtime with a width 802.11n lacks: $(cat "$WORK/err")"
"$MUXSIM" airtime 292.5,300 --standard 802.11ac >"$WORK/out" 2>"$WORK/err"
[[ $? == 2 ]] && grep -qF "300 Mbit/s is not an 802.11ac rate" "$WORK/err" && grep -qF "nearest: 292.5 or 351" "$WORK/err" && [[ ! -s $WORK/out ]] ||
  fail "airtime with a rate 802.11ac lacks: $(cat "$WORK/err")"
touch "$WORK/a-file"
"$MUXSIM" run "$WORK/good.ini" --out "$WORK/a-file" --quiet 2>"$WORK/err"
[[ $? == 2 ]] && grep -qF "$WORK/a-file: Not a directory" "$WORK/err" ||
  fail "--out naming a file: $(cat "$WORK/err")"
# Accepted: a UTF-8 byte-order mark and ';' comment lines.
{ printf '\xef\xbb\xbf; a comment\n'; cat "$WORK/good.ini"; } >"$WORK/bom.ini"
"$MUXSIM" run "$WORK/bom.ini" --out "$WORK/bom" --quiet || fail "a BOM and a ; comment were refused"

# The adaptive policies' parameters (docs/seed-policies.md).
scenario epsilon.ini "[policy]" "policies = autoscale" "epsilon = 1.5"
expect_bad epsilon-range "epsilon.ini:10: field 'policy.epsilon': must be in [0, 1]" "$WORK/epsilon.ini"
scenario alpha.ini "[policy]" "policies = autoscale" "alpha = -0.1"
expect_bad alpha-range "alpha.ini:10: field 'policy.alpha': must be in [0, 1]" "$WORK/alpha.ini"
scenario target.ini "[policy]" "policies = autoscale" "accuracy_target = 0"
expect_bad accuracy-target "target.ini:10: field 'policy.accuracy_target': must be in (0, 1]" "$WORK/target.ini"
scenario score.ini "[policy]" "policies = network-aware" "score_target = 1.2"
expect_bad score-target "score.ini:10: field 'policy.score_target': must be in (0, 1]" "$WORK/score.ini"
scenario objective.ini "[policy]" "policies = network-aware" "objective = speed"
expect_bad objective "objective.ini:10: field 'policy.objective': 'speed' is not one of latency, energy" "$WORK/objective.ini"
scenario qos.ini "[policy]" "policies = autoscale" "qos_ms = 0"
expect_bad qos "qos.ini:10: field 'policy.qos_ms': must be positive" "$WORK/qos.ini"

scenario range.ini "[policy]" "policies = hybrid" "[load]" "phones = 1:10:cubic:3"
expect_bad bad-sweep "range.ini:11: field 'load.phones': scale must be lin or log" "$WORK/range.ini"

scenario workers.ini "[policy]" "policies = hybrid" "[servers]" "gpu_workers = 100000000"
expect_bad worker-budget "workers.ini:11: field 'servers.gpu_workers': must be at most 10000" "$WORK/workers.ini"
scenario rate.ini "[policy]" "policies = hybrid" "[load]" "arrival = poisson" "arrival_rate_hz = 0"
expect_bad zero-arrival-rate "rate.ini:12: field 'load.arrival_rate_hz': values must be positive" "$WORK/rate.ini"

scenario batch.ini "[policy]" "policies = hybrid" "[servers]" "batch_max = 0"
expect_bad zero-batch "batch.ini:11: field 'servers.batch_max': must be an integer in [1, 1e9], got 0" "$WORK/batch.ini"

scenario cells.ini "[policy]" "policies = hybrid" "[load]" "cells = 0"
expect_bad zero-cells "cells.ini:11: field 'load.cells': values must be integers >= 1" "$WORK/cells.ini"

scenario edge.ini "[policy]" "policies = hybrid,edge-only"
expect_bad edge-without-profile "edge.ini:9: field 'policy.policies': policy 'edge-only' needs an edge tier" "$WORK/edge.ini"

scenario edgemodel.ini "edge_device = edge" "edge_model = big" "[policy]" "policies = edge-only"
expect_bad edge-device-without-profile "edgemodel.ini:8: field 'devices.edge_device': unknown device 'edge'; the profiles have devices: phone, cloud" "$WORK/edgemodel.ini"

# Bandwidth traces: time going backwards, a negative throughput, no rows, a wrong field count.
printf 'seconds,bytes_per_second\n0,1000000\n2,2000000\n1,3000000\n' >"$WORK/back.csv"
printf 'seconds\tmbit_per_second\n0\t5.0\n1\t-2.5\n' >"$WORK/negative.tsv"
printf '# only a comment\n' >"$WORK/empty.csv"
printf 'seconds,bytes_per_second\n0,1000000,7\n' >"$WORK/wide.csv"
for t in back.csv negative.tsv empty.csv wide.csv; do
  scenario "trace-$t.ini" "[policy]" "policies = cloud-only" "[network]" "channel = trace" "channel_trace = $t"
done
expect_bad trace-backwards "back.csv:4: field 'seconds': time goes backwards or repeats" "$WORK/trace-back.csv.ini"
expect_bad trace-negative "negative.tsv:3: field 'mbit_per_second': throughput must not be negative" "$WORK/trace-negative.tsv.ini"
expect_bad trace-empty "empty.csv: no rows" "$WORK/trace-empty.csv.ini"
expect_bad trace-fields "wide.csv:2: expected 2 fields" "$WORK/trace-wide.csv.ini"

expect_bad bad-option "unrecognised option" "$WORK/good.ini" --frobnicate

# CSV text: an unterminated quote, a correct_ column that contradicts pred_ and label, and a
# byte-order mark (accepted).
bad_trace open-quote 's/^b,2,0,3,0.4,0,0.2,2,0.8,1,0.9,synthetic/b,2,0,3,0.4,0,0.2,2,0.8,1,0.9,"synthetic/' \
  "trace-open-quote.csv:3: a quoted field is not closed"
bad_trace correct-disagrees 's/^b,2,0,3,0.4,0,/b,2,0,3,0.4,1,/' \
  "trace-correct-disagrees.csv:3: field 'correct_small': 1 disagrees with pred_small = 3 and label = 2"
{ printf '\xef\xbb\xbf'; cat "$WORK/trace.csv"; } >"$WORK/trace-bom.csv"
scenario bomtrace.ini "[policy]" "policies = hybrid"
sed -i 's/^trace = .*/trace = trace-bom.csv/' "$WORK/bomtrace.ini"
"$MUXSIM" run "$WORK/bomtrace.ini" --out "$WORK/bomtrace" --quiet || fail "a CSV with a BOM was refused"

# Budgets (docs/limits.md): refused before anything is planned, with the option to raise.
scenario many.ini "[policy]" "policies = hybrid"
sed -i '1i requests = 100000000' "$WORK/many.ini"
# No scenario: the usage and where the shipped scenarios are.
expect_refused no-scenario "no scenario given; usage: muxsim run SCENARIO.ini [...] --out DIR (see --help); the shipped scenarios are in $SRC/scenarios" "" run --out "$WORK/none"
# Per-request and per-minute output: a folder that does not exist, and --resume.
expect_bad requests-no-folder "command line: --requests $WORK/nowhere/r.csv.gz: no folder $WORK/nowhere" "$WORK/good.ini" --requests "$WORK/nowhere/r.csv.gz"
expect_bad timeseries-no-folder "command line: --timeseries $WORK/nowhere/m.csv.gz: no folder $WORK/nowhere" "$WORK/good.ini" --timeseries "$WORK/nowhere/m.csv.gz"
expect_bad timeseries-resume "command line: --timeseries cannot be combined with --resume or --shard" "$WORK/good.ini" --timeseries "$WORK/m.csv.gz" --resume
# Only runs that keep their requests have a budget by default (--requests, or
# --exact-percentiles); others are bounded by the requests key's limit, 1e9.
expect_bad request-budget "many.ini:1: field 'requests': 100000000 requests per run, more than the budget of 50000000" "$WORK/many.ini" --exact-percentiles
expect_bad request-budget-log "many.ini:1: field 'requests': 100000000 requests per run, more than the budget of 50000000" "$WORK/many.ini" --requests "$WORK/many.csv.gz"
sed -i '1s/.*/requests = 1000000001/' "$WORK/many.ini"
expect_bad request-key-limit "many.ini:1: field 'requests': must be an integer in [0, 1e9], got 1000000001" "$WORK/many.ini"
expect_bad request-budget-trace "trace.csv: the trace's inputs: 2 requests per run, more than the budget of 1" "$WORK/good.ini" --max-requests 1
scenario sweep.ini "[policy]" "policies = hybrid" "[network]" "bandwidth_mbps = 1:100:lin:100000" "[load]" "phones = 1:10:lin:10"
sed -i '1i seeds = 1:1000:lin:1000' "$WORK/sweep.ini"
expect_bad run-budget "sweep.ini:12: field 'network.bandwidth_mbps': the sweeps plan 2e+09 runs (points x policies x modes), more than the budget of 1000000; --max-runs raises it" "$WORK/sweep.ini"
expect_bad max-runs "--max-runs and --max-requests must be at least 1" "$WORK/good.ini" --max-runs 0
scenario crowd.ini "[policy]" "policies = hybrid" "[load]" "cells = 100" "phones = 2000"
expect_bad phone-budget "crowd.ini:12: field 'load.phones': cells x phones reaches 2e+05 phones in one simulated run, each an actor (a closed loop or a varying channel: 36 KB each); at most 1e5" "$WORK/crowd.ini"
scenario city.ini "[policy]" "policies = hybrid" "[load]" "cells = 1000" "phones = 2000" "arrival = poisson" "arrival_rate_hz = 1"
expect_bad phone-budget-open "city.ini:12: field 'load.phones': cells x phones reaches 2e+06 phones in one run; at most 1e6 are simulated" "$WORK/city.ini"
"$MUXSIM" platform "$WORK/sweep.ini" >"$WORK/platform.xml" 2>"$WORK/err" && fail "platform: exit 0"
grep -qF "more than the budget of 1000000" "$WORK/err" || fail "platform budget: $(cat "$WORK/err")"

# Reconstruction targets: fractions, and targets that cannot hold together, located.
scenario recon.ini "[policy]" "policies = hybrid" "[reconstruct]" "target_local_fraction = 1.4"
sed -i 's/^trace = .*/trace = reconstruct:table1/' "$WORK/recon.ini"
expect_bad reconstruct-fraction "recon.ini:11: field 'reconstruct.target_local_fraction': must be in [0, 1]" "$WORK/recon.ini"
scenario clash.ini "[policy]" "policies = hybrid" "[reconstruct]" "target_mobile_accuracy = 0.5" "target_local_fraction = 0.9"
sed -i 's/^trace = .*/trace = reconstruct:table1/' "$WORK/clash.ini"
expect_bad reconstruct-clash "clash.ini:1: field 'trace': the [reconstruct] targets: reconstruct:table1: the targets cannot hold together" "$WORK/clash.ini"
scenario nomobile.ini "[policy]" "policies = hybrid"
sed -i 's/^mobile_model = .*/mobile_model =/' "$WORK/nomobile.ini"
expect_bad policy-needs-mobile "nomobile.ini:9: field 'policy.policies': policy 'hybrid' needs a phone model (scenario key mobile_model)" "$WORK/nomobile.ini"
# Shards to merge: a results file cut inside its header, and one with a malformed row.
mkdir -p "$WORK/shard-cut" "$WORK/shard-row"
head -c 100 "$WORK/good/results.csv" >"$WORK/shard-cut/results.csv"
sed '2s/,ok,/,ok,,/' "$WORK/good/results.csv" >"$WORK/shard-row/results.csv"
expect_refused merge-cut-header "shard-cut/results.csv:1: field 'run': not the header of a muxsim results file" \
  "$WORK/merged/results.csv" merge "$WORK/shard-cut" --out "$WORK/merged"
expect_refused merge-bad-row "shard-row/results.csv:2: field 'run': not a whole results row" \
  "$WORK/merged/results.csv" merge "$WORK/shard-row" --out "$WORK/merged"
expect_refused report-bad-row "shard-row/results.csv:2:" "" report "$WORK/shard-row/results.csv"
expect_refused platform-point "--point must be below 1" "" platform "$WORK/good.ini" --point 5
expect_refused reconstruct-folder "cannot write" "$WORK/nowhere/t.csv" \
  reconstruct "$WORK/good.ini" --out "$WORK/nowhere/t.csv"

# policy = external (docs/external-policy.md) and --set.
scenario external.ini "[policy]" "policies = external"
expect_bad external-no-command "external.ini:9: field 'policy.policies': policy 'external' needs [policy] external_command" "$WORK/external.ini"
scenario external-timeout.ini "[policy]" "policies = external" "external_command = true" "external_timeout_s = 0"
expect_bad external-timeout "external-timeout.ini:11: field 'policy.external_timeout_s'" "$WORK/external-timeout.ini"
expect_bad set-no-equals "command line: --set 'requests': expected section.key=value" "$WORK/good.ini" --set requests
expect_bad set-unknown-key "command line: --set 'policy.nosuch': unknown key" "$WORK/good.ini" --set policy.nosuch=1
expect_bad set-bad-value "command line --set: field 'requests'" "$WORK/good.ini" --set requests=-3
expect_bad set-unknown-policy "command line --set: field 'policy.policies': unknown policy 'hybird'" "$WORK/good.ini" --set policy.policies=hybird
echo "bad input: all cases passed"
