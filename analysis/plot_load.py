#!/usr/bin/python3
"""Draw p95 latency and deadline-miss rate against offered load from a muxsim results.csv.

usage: /usr/bin/python3 analysis/plot_load.py RESULTS.csv SCENARIO OUT.png

One line per policy and mode: simulated solid, closed form dashed. The x axis is the total
offered load, cells x phones x arrival_rate_hz requests per second. Only rows of SCENARIO
are drawn; it must sweep arrival_rate_hz (an open-loop scenario such as load-sweep).
"""
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402


def main(results_path, scenario, out_path):
    df = pd.read_csv(results_path)
    df = df[(df["status"] == "ok") & (df["scenario"] == scenario)]
    if df.empty or df["arrival_rate_hz"].nunique() < 2:
        sys.exit(f"{results_path}: scenario '{scenario}' has no arrival_rate_hz sweep to plot")
    df = df.assign(load=df["cells"] * df["phones"] * df["arrival_rate_hz"])
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.2))
    # One colour and marker per policy (tab10 and distinct markers stay apart in greyscale).
    policies = list(dict.fromkeys(df["policy"]))
    markers = "osd^vP*X"
    for (policy, mode), rows in df.groupby(["policy", "mode"], sort=False):
        rows = rows.sort_values("load")
        i = policies.index(policy)
        style = dict(color=f"C{i}", marker=markers[i % len(markers)], ms=4,
                     linestyle="-" if mode == "simulated" else "--")
        for ax, column in zip(axes, ["latency_ms_p95", "miss_rate"]):
            ax.plot(rows["load"], rows[column], label=f"{policy} ({mode})", **style)
    first = df.iloc[0]
    axes[0].set_yscale("log")
    axes[0].set_ylabel("p95 latency (ms, log)")
    axes[1].set_ylabel(f"deadline-miss rate (deadline {first['deadline_ms']:g} ms)")
    for ax in axes:
        ax.set_xlabel("offered load (requests/s, all phones)")
        ax.grid(alpha=0.3)
    axes[1].legend(fontsize=7)
    fig.suptitle(f"{scenario}: {first['cells']} cell(s) x {first['phones']} phones, "
                 f"{first['bandwidth_mbps']:g} Mbit/s Wi-Fi")
    fig.tight_layout()
    fig.savefig(out_path, dpi=110)
    print(f"wrote {out_path}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    main(*sys.argv[1:])
