#!/usr/bin/env bash
# Rate from distance (docs/wifi-validation.md): one station d metres from its access point on
# ns-3's default channel and PHY (YansWifiChannelHelper::Default()'s log-distance loss,
# exponent 3 and 46.6777 dB at 1 m; 16.0206 dBm; noise figure 7 dB; the -82 dBm preamble
# detection floor), its rate picked by ns-3's IdealWifiManager, saturating a TCP upload (100 KB
# messages back to back to a wired server 0.1 ms behind the access point; 30 s simulated, the
# first 5 s left out), for 802.11g and 802.11n with A-MPDU on and off, and 802.11ac and
# 802.11ax at ns-3's defaults (5 GHz, 80 MHz, A-MPDU always on). Against it, muxsim's
# lone phone at the same distance ([mobility], [propagation] at its defaults, which are
# ns-3's): its goodput is the upload size over the upload time of its requests.
# usage: validation/ns3/distance.sh [--ns3 [STANDARD]]   (--ns3: rerun ns-3, every standard's
#        rows or one's, into ns3-distance.csv; otherwise the committed ns-3 side is read).
#        Prints a Markdown table. Exit 77 when
#        muxsim does not know [mobility] yet; exit 1 when one moves bytes where the other
#        moves none.
# Environment (all optional):
#   MUXSIM=BIN        the muxsim binary (default build/muxsim).
#   RATE_TABLE=FILE   adds `[propagation] rate_table = FILE` to every muxsim scenario, e.g.
#                     validation/ns3/ns3-static-thresholds.csv (the thresholds a static ns-3
#                     station effectively uses, docs/wifi-validation.md); unset: muxsim's
#                     built-in thresholds, ns-3's nominal ones.
#   NS3_CSV=FILE      the ns-3 side to compare with, instead of the committed ns3-distance.csv
#                     (not with --ns3, which writes that file).
#   DISTANCE_CSV=FILE also writes the joined table there as CSV: ns3-distance.csv's columns
#                     then muxsim_goodput_mbps and muxsim_rate_mbps (empty where muxsim moves
#                     nothing).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../..
muxsim=${MUXSIM:-$src/build/muxsim}
committed=$here/ns3-distance.csv
ns3_csv=${NS3_CSV:-$committed}
rate_table=
if [[ -n ${RATE_TABLE:-} ]]; then
  [[ -f $RATE_TABLE ]] || {
    echo "distance.sh: no rate table at $RATE_TABLE" >&2
    exit 1
  }
  # The scenarios are written elsewhere: name the table by its absolute path.
  rate_table=$(cd "$(dirname "$RATE_TABLE")" && pwd)/$(basename "$RATE_TABLE")
fi
distances=(1 5 10 15 20 24 27 29 31 34 38 42 46 49 51 52 55 60 80 120)
# Each configuration: standard and A-MPDU aggregation.
configs=("802.11g false" "802.11n true" "802.11n false" "802.11ac true" "802.11ax true")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ ${1:-} == --ns3 ]]; then
  [[ -z ${NS3_CSV:-} ]] || {
    echo "distance.sh: NS3_CSV is for reading; --ns3 rewrites $committed" >&2
    exit 1
  }
  only=${2:-}
  wifi_cell=$("$here/build.sh")
  # ns3_rate_mbps: the PHY rate of most of the station's data MPDUs after the warm-up, and
  # ns3_rate_share their share; ns3_retry_share: the share of those MPDUs that were
  # retransmissions. All three are empty where nothing was sent.
  echo "standard,aggregation,distance_m,ns3_goodput_mbps,ns3_rate_mbps,ns3_rate_share,ns3_retry_share" >"$work/ns3.csv"
  # The standards not rerun keep their committed rows.
  [[ -n $only && -f $committed ]] && grep -v "^$only," "$committed" | tail -n +2 >>"$work/ns3.csv"
  for config in "${configs[@]}"; do
    read -r standard aggregation <<<"$config"
    [[ -n $only && $standard != "$only" ]] && continue
    for d in "${distances[@]}"; do
      "$wifi_cell" --rate-control=ideal --standard="$standard" --aggregation="$aggregation" \
        --distance="$d" --upload=100000 --seconds=30 --warmup=5 --out="$work/cell.csv" \
        --goodput="$work/goodput.csv"
      /usr/bin/python3 - "$work/goodput.csv" "$standard,$aggregation,$d" >>"$work/ns3.csv" <<'PY'
import sys
import pandas as pd
g = pd.read_csv(sys.argv[1], keep_default_na=False).iloc[0]
goodput = g.bytes * 8 / g.seconds / 1e6
rate = share = retries = ""
if g.mpdus > 0:
    rate, share = g.rates_used.split()[0].split(":")
    share = f"{float(share):.4f}"
    retries = f"{g.retries / g.mpdus:.4f}"
print(f"{sys.argv[2]},{goodput:.4f},{rate},{share},{retries}")
PY
      echo "ns-3: $config ${d} m done" >&2
    done
  done
  cp "$work/ns3.csv" "$committed"
fi

[[ -x $muxsim ]] || {
  echo "distance.sh: no muxsim at $muxsim (build it, or set MUXSIM)" >&2
  exit 1
}
# muxsim's side: a lone phone, cloud-only, three 10 MB uploads at each distance. Rates come
# from the distance, so the scenario sets no bandwidth_mbps; [propagation] keeps its
# defaults, ns-3's, unless RATE_TABLE names other thresholds. Each run's request log is kept
# and all are read at the end, by one Python.
echo "standard,aggregation,distance_m,requests" >"$work/runs.csv"
upload=10000000
for config in "${configs[@]}"; do
  read -r standard aggregation <<<"$config"
  for d in "${distances[@]}"; do
    ini=$work/$standard-$aggregation-$d.ini
    sed -e "s#\.\./models/#$src/models/#g" -e "s/^policies = .*/policies = cloud-only/" \
      -e "s/^wifi_standard = .*/wifi_standard = $standard/" -e "/^bandwidth_mbps = /d" \
      -e "s/^upload_bytes = .*/upload_bytes = $upload/" "$src/scenarios/paper-table1.ini" >"$ini"
    sed -i "1i modes = simulated\nrequests = 3" "$ini"
    [[ $standard == 802.11n ]] &&
      sed -i "s/^wifi_standard = .*/&\nwifi_aggregation = $aggregation/" "$ini"
    printf '\n[mobility]\naccess_points = 0:0\nphone_positions = %s:0\n' "$d" >>"$ini"
    [[ -z $rate_table ]] || printf '\n[propagation]\nrate_table = %s\n' "$rate_table" >>"$ini"
    requests=$work/req-$standard-$aggregation-$d.csv.gz
    rc=0
    "$muxsim" run "$ini" --out "$work/out" --requests "$requests" --quiet \
      2>"$work/err" >/dev/null || rc=$?
    if [[ $rc == 2 ]] && grep -q "unknown section" "$work/err"; then
      echo "skip: this muxsim does not know [mobility] ($(head -1 "$work/err"))" >&2
      exit 77
    fi
    if [[ $rc == 2 ]] && grep -q "out of every access point's range" "$work/err"; then
      # A static phone out of its access point's range is refused: it moves nothing. Any
      # other refusal (a bad RATE_TABLE, say) is a failure, below.
      echo "muxsim at $config ${d} m refused (counted as none): $(head -1 "$work/err")" >&2
      echo "$standard,$aggregation,$d," >>"$work/runs.csv"
      continue
    fi
    [[ $rc == 0 ]] || {
      echo "distance.sh: muxsim failed at $config ${d} m (exit $rc): $(cat "$work/err")" >&2
      exit 1
    }
    echo "$standard,$aggregation,$d,$requests" >>"$work/runs.csv"
  done
done
/usr/bin/python3 - "$ns3_csv" "$work/runs.csv" "$upload" "${DISTANCE_CSV:-}" <<'PY'
import sys
import pandas as pd
ns3, runs = pd.read_csv(sys.argv[1]), pd.read_csv(sys.argv[2], keep_default_na=False)
upload, out = float(sys.argv[3]), sys.argv[4]
# muxsim's goodput: the upload size over the mean upload time of its requests (to 4
# decimals); its rate: the first request's PHY rate. NaN where it was refused.
goodput, rate = [], []
for path in runs.requests:
    if not path:
        goodput.append(float("nan"))
        rate.append(float("nan"))
        continue
    r = pd.read_csv(path)
    goodput.append(round(upload * 8 / r.upload_ms.mean() / 1e3, 4))
    rate.append(float(r.wifi_mbps.iloc[0]))
mux = runs.drop(columns="requests").assign(muxsim_goodput_mbps=goodput, muxsim_rate_mbps=rate)
key = ["standard", "aggregation", "distance_m"]
t = ns3.merge(mux, on=key, how="left")
if out:
    # As ns3-distance.csv writes them: flags in lower case, rates as short as they go.
    csv = t.assign(aggregation=t.aggregation.map({True: "true", False: "false"}))
    for column in ["ns3_rate_mbps", "muxsim_rate_mbps"]:
        csv[column] = csv[column].map(lambda x: "" if pd.isna(x) else f"{x:g}")
    csv.to_csv(out, index=False, float_format="%.4f")
print("| standard | distance (m) | ns-3 goodput (Mbit/s) | ns-3 rate | muxsim goodput (Mbit/s) "
      "| muxsim rate | ratio |")
print("|---|---|---|---|---|---|---|")
mismatch = []
for _, r in t.iterrows():
    std = r.standard + (" A-MPDU" if r.aggregation else "")
    ns3_moves, mux_moves = r.ns3_goodput_mbps > 0, r.muxsim_goodput_mbps > 0
    if ns3_moves != mux_moves:
        mismatch.append(f"{std} at {r.distance_m} m")
    ns3_g = f"{r.ns3_goodput_mbps:.2f}" if ns3_moves else "none"
    mux_g = f"{r.muxsim_goodput_mbps:.2f}" if mux_moves else "none"
    # A rate that carried under 95 % of the MPDUs is shown with its share.
    ns3_rate = "—"
    if ns3_moves:
        ns3_rate = f"{r.ns3_rate_mbps:g}"
        if r.ns3_rate_share < 0.95:
            ns3_rate += f" ({r.ns3_rate_share:.0%})"
    mux_rate = f"{r.muxsim_rate_mbps:g}" if mux_moves else "—"
    ratio = "—"
    if ns3_moves and mux_moves:
        ratio = f"{r.muxsim_goodput_mbps / r.ns3_goodput_mbps:.2f}"
    print(f"| {std} | {r.distance_m:g} | {ns3_g} | {ns3_rate} | {mux_g} | {mux_rate} | {ratio} |")
if mismatch:
    print("distance.sh: one simulator moves bytes where the other moves none: "
          + ", ".join(mismatch), file=sys.stderr)
    sys.exit(1)
PY
