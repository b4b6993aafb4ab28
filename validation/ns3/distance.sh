#!/usr/bin/env bash
# Rate from distance (docs/wifi-validation.md): one station d metres from its access point on
# ns-3's default channel and PHY (YansWifiChannelHelper::Default()'s log-distance loss,
# exponent 3 and 46.6777 dB at 1 m; 16.0206 dBm; noise figure 7 dB; the -82 dBm preamble
# detection floor), its rate picked by ns-3's IdealWifiManager, saturating a TCP upload (100 KB
# messages back to back to a wired server 0.1 ms behind the access point; 30 s simulated, the
# first 5 s left out), for 802.11g and 802.11n with A-MPDU on and off. Against it, muxsim's
# lone phone at the same distance ([mobility], [propagation] at its defaults, which are
# ns-3's): its goodput is the upload size over the upload time of its requests.
# usage: validation/ns3/distance.sh [--ns3]   (--ns3: rerun ns-3 and rewrite ns3-distance.csv;
#        otherwise the committed ns-3 side is read). Prints a Markdown table. Exit 77 when
#        muxsim does not know [mobility] yet; exit 1 when one moves bytes where the other
#        moves none.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../..
muxsim=${MUXSIM:-$src/build/muxsim}
committed=$here/ns3-distance.csv
distances=(1 5 10 15 20 24 27 29 31 34 38 42 46 49 51 52 55 60 80 120)
# Each configuration: standard and A-MPDU aggregation.
configs=("802.11g false" "802.11n true" "802.11n false")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [[ ${1:-} == --ns3 ]]; then
  wifi_cell=$("$here/build.sh")
  # ns3_rate_mbps: the PHY rate of most of the station's data MPDUs after the warm-up, and
  # ns3_rate_share their share; ns3_retry_share: the share of those MPDUs that were
  # retransmissions. All three are empty where nothing was sent.
  echo "standard,aggregation,distance_m,ns3_goodput_mbps,ns3_rate_mbps,ns3_rate_share,ns3_retry_share" >"$work/ns3.csv"
  for config in "${configs[@]}"; do
    read -r standard aggregation <<<"$config"
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
# defaults, ns-3's.
echo "standard,aggregation,distance_m,muxsim_goodput_mbps,muxsim_rate_mbps" >"$work/muxsim.csv"
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
    rc=0
    "$muxsim" run "$ini" --out "$work/out" --requests "$work/req.csv.gz" --quiet \
      2>"$work/err" >/dev/null || rc=$?
    if [[ $rc == 2 ]] && grep -q "unknown section" "$work/err"; then
      echo "skip: this muxsim does not know [mobility] ($(head -1 "$work/err"))" >&2
      exit 77
    fi
    if [[ $rc == 2 ]]; then
      # A static phone out of its access point's range is refused: it moves nothing.
      echo "muxsim at $config ${d} m refused (counted as none): $(head -1 "$work/err")" >&2
      echo "$standard,$aggregation,$d,," >>"$work/muxsim.csv"
      continue
    fi
    [[ $rc == 0 ]] || {
      echo "distance.sh: muxsim failed at $config ${d} m (exit $rc): $(cat "$work/err")" >&2
      exit 1
    }
    /usr/bin/python3 - "$work/req.csv.gz" "$standard,$aggregation,$d" "$upload" \
      >>"$work/muxsim.csv" <<'PY'
import sys
import pandas as pd
r = pd.read_csv(sys.argv[1])
goodput = float(sys.argv[3]) * 8 / r.upload_ms.mean() / 1e3
print(f"{sys.argv[2]},{goodput:.4f},{r.wifi_mbps.iloc[0]:g}")
PY
  done
done
/usr/bin/python3 - "$committed" "$work/muxsim.csv" <<'PY'
import sys
import pandas as pd
ns3, mux = pd.read_csv(sys.argv[1]), pd.read_csv(sys.argv[2])
key = ["standard", "aggregation", "distance_m"]
t = ns3.merge(mux, on=key, how="left")
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
