#!/usr/bin/env bash
# Keys that do nothing under the others are refused (docs/formats.md, "Keys that count"),
# a bandwidth trace states its unit, and a newcomer's scenario with none of the network keys
# pays for offloading by default (docs/network.md, "Defaults").
source "$(dirname "$0")/common.sh"

fmnist_scenario trace-rates.ini "[network]" "channel = trace" "channel_trace = $SRC/traces/bandwidth/step-fade.tsv" "bandwidth_mbps = 39"
expect_refused trace-with-rates "trace-rates.ini:15: field 'network.bandwidth_mbps': does nothing here" "$WORK/o1" run "$WORK/trace-rates.ini" --out "$WORK/o1"
fmnist_scenario markov-constant.ini "[network]" "markov_bad_s = 2"
expect_refused markov-on-constant "markov-constant.ini:13: field 'network.markov_bad_s': does nothing here: only a Markov channel" "$WORK/o2" run "$WORK/markov-constant.ini" --out "$WORK/o2"
fmnist_scenario think-poisson.ini "[load]" "arrival = poisson" "arrival_rate_hz = 5" "think_ms = 100"
expect_refused think-under-poisson "think-poisson.ini:15: field 'load.think_ms': does nothing here" "$WORK/o3" run "$WORK/think-poisson.ini" --out "$WORK/o3"
fmnist_scenario no-edge.ini "[servers]" "cells_per_edge = 4"
expect_refused cells-per-edge-without-edge "no-edge.ini:13: field 'servers.cells_per_edge': does nothing here: there is no edge tier" "$WORK/o4" run "$WORK/no-edge.ini" --out "$WORK/o4"
fmnist_scenario qos.ini "[policy]" "qos_ms = 50"
expect_refused param-of-absent-policy "qos.ini:13: field 'policy.qos_ms': does nothing here: only autoscale reads it" "$WORK/o5" run "$WORK/qos.ini" --out "$WORK/o5"
fmnist_scenario wait.ini "[servers]" "batch_wait_ms = 5"
expect_refused batch-wait-without-batching "wait.ini:13: field 'servers.batch_wait_ms': does nothing here: batching is off" "$WORK/o6" run "$WORK/wait.ini" --out "$WORK/o6"
fmnist_scenario recon.ini "[reconstruct]" "inputs = 5"
expect_refused reconstruct-on-real-trace "recon.ini:13: field 'reconstruct.inputs': does nothing here" "$WORK/o7" run "$WORK/recon.ini" --out "$WORK/o7"

# A comma-separated trace in Mbit/s without a header is not guessed to be bytes/s.
printf '0,20\n5,2\n' >"$WORK/mbps.csv"
fmnist_scenario unit.ini "[network]" "channel = trace" "channel_trace = mbps.csv"
expect_refused unit-unstated "mbps.csv:1: field 'header': the throughput's unit is not stated" "$WORK/o8" run "$WORK/unit.ini" --out "$WORK/o8"
printf 'seconds,bytes_per_second\n0,20\n' >"$WORK/wrong.csv"
fmnist_scenario unit2.ini "[network]" "channel = trace" "channel_trace = wrong.csv" "trace_unit = mbit_per_second"
expect_refused unit-disagrees "wrong.csv:1: field 'header': the header says bytes_per_second, the scenario's trace_unit mbit_per_second" "$WORK/o9" run "$WORK/unit2.ini" --out "$WORK/o9"
# Stated by the key, the same file is read in Mbit/s: the traces' mean is in results.
fmnist_scenario unit3.ini "[network]" "channel = trace" "channel_trace = mbps.csv" "trace_unit = mbit_per_second"
"$MUXSIM" run "$WORK/unit3.ini" --out "$WORK/o10" --quiet || fail "unit3 run failed"
/usr/bin/python3 - "$WORK/o10/results.csv" <<'PY' || fail "unit3: results"
import sys, pandas as pd
d = pd.read_csv(sys.argv[1])
assert set(d["channel"]) == {"trace"}, d["channel"]
assert set(d["wifi_standard"]) == {"none"}, d["wifi_standard"]
# 20 Mbit/s for 5 s, then 2 for the median step (5 s): a mean of 11.
assert (abs(d["trace_mean_mbps"] - 11) < 1e-9).all(), d["trace_mean_mbps"]
PY

# No free offloading: with none of the network or radio keys, cloud-only costs time and
# energy in every state (the defaults: 28,624 bytes up, 250 down, 10 ms WAN, a phone radio).
fmnist_scenario bare.ini
"$MUXSIM" run "$WORK/bare.ini" --out "$WORK/o11" --quiet || fail "bare run failed"
/usr/bin/python3 - "$WORK/o11/results.csv" <<'PY' || fail "bare: offloading was free"
import sys, pandas as pd
d = pd.read_csv(sys.argv[1])
c = d[d["policy"] == "cloud-only"]
assert len(c) == 2, c
assert (c["latency_ms_mean"] > 20).all(), c["latency_ms_mean"]  # two 10 ms WAN crossings
for col in ["phone_tx_mj", "phone_rx_mj", "phone_idle_mj"]:
    assert (c[col] > 0).all(), (col, c[col])
PY
echo "idle keys: all cases passed"
