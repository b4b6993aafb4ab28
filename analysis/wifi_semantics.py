"""Side by side: each scenario's results with the rates as 802.11g PHY rates and as goodput.
usage: /usr/bin/python3 analysis/wifi_semantics.py OUT_DIR   (made by wifi_semantics.sh)"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt
import _muxsim_path  # noqa: F401,E402  (python/ on sys.path: muxsim.results reads the files)
from muxsim.results import ok_runs, read_results  # noqa: E402

out = sys.argv[1]


def load(scenario, semantics):
    return ok_runs(read_results(f"{out}/{scenario}-{semantics}/results.csv"), "simulated")


# paper-realistic at each 802.11g rate: latency and energy of the Table I policies.
g, n = load("paper-realistic-80211g", "80211g"), load("paper-realistic-80211g", "none")
print("paper-realistic, one phone: mean latency (ms) and phone energy (mJ) per request")
print("| PHY rate | cloud-only, as goodput | cloud-only, 802.11g | hybrid, as goodput | hybrid, 802.11g |")
print("|---|---|---|---|---|")
for rate in sorted(g.bandwidth_mbps.unique()):
    def cell(d, policy):
        r = d[(d.bandwidth_mbps == rate) & (d.policy == policy)].iloc[0]
        return f"{r.latency_ms_mean:.1f} ms, {r.phone_energy_mj:.0f} mJ"
    print(f"| {rate:g} | {cell(n, 'cloud-only')} | {cell(g, 'cloud-only')} | "
          f"{cell(n, 'hybrid')} | {cell(g, 'hybrid')} |")


def crossover(d, metric):
    """The slowest rate from which cloud-only beats hybrid on `metric` at every faster rate."""
    rates = sorted(d.bandwidth_mbps.unique())
    wins = [d[(d.bandwidth_mbps == r) & (d.policy == "cloud-only")][metric].iloc[0]
            < d[(d.bandwidth_mbps == r) & (d.policy == "hybrid")][metric].iloc[0] for r in rates]
    for i, rate in enumerate(rates):
        if all(wins[i:]):
            return f"{rate:g} Mbit/s"
    return "never"


for metric, label in (("latency_ms_mean", "latency"), ("phone_energy_mj", "phone energy")):
    print(f"\ncloud-only beats hybrid on {label} from: as goodput {crossover(n, metric)}, "
          f"as 802.11g PHY rates {crossover(g, metric)}")

for scenario in ("campus", "fading-cell"):
    a, b = load(scenario, "none"), load(scenario, "80211g")
    keys = [k for k in ("policy", "bandwidth_mbps", "cells", "phones", "arrival_rate_hz", "seed") if k in a]
    m = a.merge(b, on=keys, suffixes=("_none", "_g"))
    print(f"\n{scenario}: mean / p95 latency (ms), rates as goodput -> as 802.11g PHY rates")
    print("| policy | rate | phones | seed | as goodput | 802.11g |")
    print("|---|---|---|---|---|---|")
    for _, r in m.iterrows():
        print(f"| {r.policy} | {r.bandwidth_mbps:g} | {r.cells * r.phones:g} | {r.seed} | "
              f"{r.latency_ms_mean_none:.1f} / {r.latency_ms_p95_none:.1f} | "
              f"{r.latency_ms_mean_g:.1f} / {r.latency_ms_p95_g:.1f} |")

fig, axes = plt.subplots(1, 2, figsize=(10, 3.8))
for ax, metric, label in ((axes[0], "latency_ms_mean", "mean latency (ms)"),
                          (axes[1], "phone_energy_mj", "phone energy per request (mJ)")):
    for policy, colour in (("cloud-only", "tab:blue"), ("hybrid", "tab:orange"),
                           ("mobile-only", "tab:green")):
        for d, style, how in ((n, "--", "rates as goodput"), (g, "-", "802.11g PHY rates")):
            p = d[d.policy == policy].sort_values("bandwidth_mbps")
            ax.plot(p.bandwidth_mbps, p[metric], style, color=colour, label=f"{policy}, {how}")
    ax.set_xscale("log")
    ax.set_xlabel("Wi-Fi rate (Mbit/s)")
    ax.set_ylabel(label)
axes[0].legend(fontsize=7)
fig.suptitle("paper-realistic: Wi-Fi rates as goodput and as 802.11g PHY rates")
fig.tight_layout()
fig.savefig(f"{out}/wifi-semantics.png", dpi=120)
print(f"\nwrote {out}/wifi-semantics.png")
