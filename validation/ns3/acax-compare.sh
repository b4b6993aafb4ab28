#!/usr/bin/env bash
# muxsim against ns-3's 802.11ac and 802.11ax cells (docs/wifi5-6.md). ns-3's side is
# committed (validation/ns3/acax.sh reruns it); this script simulates the same cells in muxsim
# and prints Markdown tables of both:
#   goodput   saturated cells: ns3-acax-goodput.csv against `muxsim airtime`;
#   messages  Poisson cells: ns3-acax-messages.csv, each station uploading 28,624 bytes per
#             request to a server 0.1 ms behind the access point, a 250-byte reply;
#   heldout   the same for ns3-acax-heldout.csv, cells kept out of every choice in the model;
#   ofdma     the Poisson cells of ns3-ofdma.csv (802.11ax uplink OFDMA off and on in ns-3),
#             each simulated with wifi_ofdma = off and ideal.
# A request's upload time is from when it is ready to when the server holds it: in ns-3 from
# its Poisson arrival (a station's TCP connection sends its messages in turn), in muxsim from
# its arrival (cloud-only needs no multiplexer) to the end of its upload.
# usage: validation/ns3/acax-compare.sh goodput|messages|heldout|ofdma   (NS3_CSV=FILE: compare with
#        that ns-3 table instead of the committed one; COMPARE_CSV=FILE: also write the joined
#        table there, ns-3's columns then muxsim's and the ratios)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$here/../..
muxsim=${MUXSIM:-$src/build/muxsim}
what=${1:-messages}
case $what in
goodput) committed=$here/ns3-acax-goodput.csv ;;
messages) committed=$here/ns3-acax-messages.csv ;;
heldout) committed=$here/ns3-acax-heldout.csv ;;
ofdma) committed=$here/ns3-ofdma.csv ;;
*)
  echo "acax-compare.sh: goodput, messages, heldout or ofdma, not '$what'" >&2
  exit 2
  ;;
esac
committed=${NS3_CSV:-$committed} # another ns-3 table of the same columns, to compare with
[[ -f $committed ]] || {
  echo "acax-compare.sh: $committed is missing (validation/ns3/acax.sh writes it)" >&2
  exit 2
}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [[ $what == goodput ]]; then
  /usr/bin/python3 - "$committed" "$muxsim" "${COMPARE_CSV:-}" <<'PY'
import subprocess, sys
import pandas as pd
ns3 = pd.read_csv(sys.argv[1], dtype={"rates": str})
ratios = []
print("| standard | width (MHz) | guard (ns) | stations | PHY rates (Mbit/s) | ns-3 | muxsim | ratio |")
print("|---|---|---|---|---|---|---|---|")
for _, r in ns3.iterrows():
    out = subprocess.run([sys.argv[2], "airtime", r.rates, "--standard", r.standard,
                          "--width", str(r.width_mhz), "--guard-ns", str(r.guard_ns)],
                         capture_output=True, text=True, check=True).stdout
    cell = float([l for l in out.splitlines() if l.startswith("cell,")][0].split(",")[3])
    rates = r.rates if len(r.rates) < 40 else r.rates[:37] + "…"
    served = "" if r.stations_served == r.stations else f" ({r.stations_served} served)"
    ratios.append(cell / r.ns3_goodput_mbps)
    print(f"| {r.standard} | {r.width_mhz} | {r.guard_ns} | {r.stations}{served} | {rates} | "
          f"{r.ns3_goodput_mbps:.1f} | {cell:.1f} | {ratios[-1]:.2f} |")
if sys.argv[3]:
    ns3.assign(ratio=ratios).to_csv(sys.argv[3], index=False)
PY
  exit 0
fi

# Each cell simulated: the stations' rates cycled over the phones, Poisson arrivals at the
# cell's rate per phone, enough requests for 600 per station (at least 3,000), a cloud of
# many GPU workers so no request queues there.
/usr/bin/python3 - "$committed" >"$work/cells.txt" <<'PY'
import sys
import pandas as pd
cells = pd.read_csv(sys.argv[1], dtype={"rates": str})
if "ofdma" in cells:  # ns3-ofdma.csv: each Poisson cell once, simulated with OFDMA off and on
    cells = cells[cells.poisson_hz.notna() & ~cells.ofdma]
for _, r in cells.iterrows():
    for ofdma in (["off", "ideal"] if "ofdma" in cells else ["off"]):
        print(r.standard, r.width_mhz, r.guard_ns, r.stations, r.rates.replace(" ", ""),
              f"{r.poisson_hz:g}", ofdma)
PY
echo "standard,width_mhz,guard_ns,stations,rates,poisson_hz,wifi_ofdma,mux_upload_ms_mean,mux_upload_ms_p95" >"$work/muxsim.csv"
while read -r standard width guard n rates hz ofdma; do
  ofdma_key=$([[ $ofdma == ideal ]] && echo '\nwifi_ofdma = ideal' || true)
  requests=$((n * 600 > 3000 ? n * 600 : 3000))
  ini=$work/cell.ini
  sed -e "s#\.\./models/#$src/models/#g" -e "s/^policies = .*/policies = cloud-only/" \
    -e "s/^wifi_standard = .*/wifi_standard = $standard\nwifi_channel_mhz = $width\nwifi_guard_ns = $guard$ofdma_key/" \
    -e "s/^bandwidth_mbps = .*/phone_rates_mbps = $rates/" \
    -e "s/^upload_bytes = .*/upload_bytes = 28624/" -e "s/^download_bytes = .*/download_bytes = 250/" \
    -e "s/^wan_latency_ms = .*/wan_latency_ms = 0.1/" \
    -e "s/^phones = .*/phones = $n\narrival = poisson\narrival_rate_hz = $hz\n[servers]\ngpu_workers = 256/" \
    "$src/scenarios/paper-table1.ini" >"$ini"
  sed -i "1i modes = simulated\nrequests = $requests" "$ini"
  "$muxsim" run "$ini" --out "$work/out" --requests "$work/req.csv.gz" --quiet 2>/dev/null
  /usr/bin/python3 - "$work/req.csv.gz" "$standard,$width,$guard,$n,\"$rates\",$hz,$ofdma" >>"$work/muxsim.csv" <<'PY'
import sys
import pandas as pd
r = pd.read_csv(sys.argv[1])
print(f"{sys.argv[2]},{r.upload_ms.mean():.3f},{r.upload_ms.quantile(0.95):.3f}")
PY
done <"$work/cells.txt"
/usr/bin/python3 - "$committed" "$work/muxsim.csv" "${COMPARE_CSV:-}" <<'PY'
import sys
import pandas as pd
ns3 = pd.read_csv(sys.argv[1], dtype={"rates": str})
mux = pd.read_csv(sys.argv[2], dtype={"rates": str})
key = ["standard", "width_mhz", "guard_ns", "stations", "rates", "poisson_hz"]
# ns3-ofdma.csv: each Poisson cell's two arms, against wifi_ofdma = off and ideal.
ofdma = "ofdma" in ns3
if ofdma:
    ns3 = ns3[ns3.poisson_hz.notna()].assign(wifi_ofdma=ns3.ofdma.map({False: "off", True: "ideal"}))
    key.append("wifi_ofdma")
ns3["rates"] = ns3.rates.str.replace(" ", "")
g = ns3.merge(mux, on=key)
g = g.assign(mean_ratio=g.mux_upload_ms_mean / g.upload_queued_ms_mean,
             p95_ratio=g.mux_upload_ms_p95 / g.upload_queued_ms_p95)
if sys.argv[3]:
    g.to_csv(sys.argv[3], index=False)
if ofdma:
    print("| stations | load | OFDMA (ns-3 / muxsim) | ns-3 mean / p95 (ms) | muxsim mean / p95 (ms) | ratio of means | ratio of p95s |")
    print("|---|---|---|---|---|---|---|")
    for _, r in g.sort_values(["stations", "poisson_hz", "wifi_ofdma"]).iterrows():
        arms = "on / ideal" if r.ofdma else "off / off"
        print(f"| {r.stations} | {r.load}, {r.poisson_hz:g}/s | {arms} | "
              f"{r.upload_queued_ms_mean:.2f} / {r.upload_queued_ms_p95:.2f} | "
              f"{r.mux_upload_ms_mean:.2f} / {r.mux_upload_ms_p95:.2f} | "
              f"{r.mean_ratio:.2f} | {r.p95_ratio:.2f} |")
    sys.exit(0)
# A cell where a TCP connection stalled on a retransmission timeout (ns-3 waits at least
# 200 ms) is marked: one stall holds every message queued behind it.
print("| standard | width, guard | stations | PHY rates (Mbit/s) | load | ns-3 mean / p95 (ms) | muxsim mean / p95 (ms) | ratio of means | ratio of p95s |")
print("|---|---|---|---|---|---|---|---|---|")
for _, r in g.iterrows():
    rates = r.rates if len(r.rates) < 32 else r.rates[:29] + "…"
    stall = f" ({r.stalled:g} stalled)" if r.stalled > 0 else ""
    print(f"| {r.standard} | {r.width_mhz} MHz, {r.guard_ns} ns | {r.stations} | {rates} | {r.load_pct:g} %, {r.poisson_hz:g}/s{stall} | "
          f"{r.upload_queued_ms_mean:.2f} / {r.upload_queued_ms_p95:.2f} | {r.mux_upload_ms_mean:.2f} / {r.mux_upload_ms_p95:.2f} | "
          f"{r.mean_ratio:.2f} | {r.p95_ratio:.2f} |")
clean = g[g.stalled == 0]
both = clean[clean.mean_ratio.between(0.8, 1.25) & clean.p95_ratio.between(0.8, 1.25)]
print(f"\n{len(both)} of {len(clean)} cells without a stall within 0.8-1.25 in mean and p95; "
      f"means {clean.mean_ratio.min():.2f}-{clean.mean_ratio.max():.2f}, "
      f"p95s {clean.p95_ratio.min():.2f}-{clean.p95_ratio.max():.2f}")
PY
