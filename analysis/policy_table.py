"""The seed-policy comparison (docs/seed-policies.md): every policy on bandwidth-sweep,
wifi-walk and campus, simulated, as one Markdown table; then, along the bandwidth sweep,
the network-aware multiplexer against the paper's static threshold (hybrid, and hybrid-edge);
then AutoScale's energy efficiency against mobile-only and cloud-only.

usage: /usr/bin/python3 analysis/policy_table.py RESULTS.csv
RESULTS.csv is scripts/network-scenarios.sh's output."""
import sys

import _muxsim_path  # noqa: F401  (python/ on sys.path: muxsim.results reads the files)
from muxsim.results import ok_runs, read_results

# One point per scenario: the bandwidth sweep at its point nearest 10 Mbit/s, wifi-walk's
# only point, campus at 20 cells (500 phones).
POINTS = {"bandwidth-sweep": lambda r: r[r.bandwidth_mbps == r.bandwidth_mbps.iloc[
              (r.bandwidth_mbps - 10).abs().argmin()]],
          "wifi-walk": lambda r: r,
          "campus": lambda r: r[r.cells == 20]}


def main(path):
    r = ok_runs(read_results(path), "simulated")
    print("| scenario | point | policy | accuracy | p95 latency (ms) | phone energy (mJ) | cloud GFLOPs |")
    print("|---|---|---|---|---|---|---|")
    present = {name: pick for name, pick in POINTS.items() if name in set(r.scenario)}
    for name, pick in present.items():
        s = pick(r[r.scenario == name])
        for _, row in s.iterrows():
            point = f"{row.bandwidth_mbps:.3g} Mbit/s, {row.cells * row.phones} phones"
            print(f"| {name} | {point} | {row.policy} | {row.accuracy:.4f} | "
                  f"{row.latency_ms_p95:.1f} | {row.phone_energy_mj:.1f} | {row.cloud_gflops:.2f} |")
    bw = r[r.scenario == "bandwidth-sweep"].pivot_table(
        index="bandwidth_mbps", columns="policy", values=["latency_ms_mean", "phone_energy_mj"])
    print()
    print("| Wi-Fi (Mbit/s) | mean latency ÷ hybrid | ÷ hybrid-edge | energy ÷ hybrid | ÷ hybrid-edge |")
    print("|---|---|---|---|---|")
    for b, row in bw.iterrows():
        ratio = lambda v, other: row[(v, "network-aware")] / row[(v, other)]
        print(f"| {b:.3g} | {ratio('latency_ms_mean', 'hybrid'):.2f} | "
              f"{ratio('latency_ms_mean', 'hybrid-edge'):.2f} | "
              f"{ratio('phone_energy_mj', 'hybrid'):.2f} | {ratio('phone_energy_mj', 'hybrid-edge'):.2f} |")
    # AutoScale's energy efficiency (inferences per joule) against the two static targets.
    print()
    print("| scenario | point | autoscale ÷ mobile-only | autoscale ÷ cloud-only |")
    print("|---|---|---|---|")
    for name, pick in present.items():
        s = pick(r[r.scenario == name]).set_index("policy").phone_energy_mj
        point = pick(r[r.scenario == name]).iloc[0]
        print(f"| {name} | {point.bandwidth_mbps:.3g} Mbit/s, {point.cells * point.phones} phones | "
              f"{s['mobile-only'] / s['autoscale']:.3f}× | {s['cloud-only'] / s['autoscale']:.2f}× |")

if __name__ == "__main__":
    main(sys.argv[1])
