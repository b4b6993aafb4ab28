#!/usr/bin/python3
"""Draw accuracy, mean latency and phone energy per policy from a muxsim results.csv.

usage: /usr/bin/python3 analysis/plot_results.py RESULTS.csv OUT.png

One column of panels per scenario, three scenarios to a band (figure_grid.py); bars per
policy, closed-form and simulated side by side. Reads the CSV as it is written: no cleanup needed.
"""
import sys

import matplotlib

matplotlib.use("Agg")
import pandas as pd  # noqa: E402
from figure_grid import scenario_panels  # noqa: E402

METRICS = [
    ("accuracy", "top-1 accuracy"),
    ("latency_ms_mean", "mean latency (ms)"),
    ("phone_energy_mj", "phone energy per inference (mJ)"),
    ("total_gflops", "GFLOPs per inference"),
]


def main(results_path, out_path):
    df = pd.read_csv(results_path)
    df = df[df["status"] == "ok"]
    if df.empty:
        sys.exit(f"{results_path}: no successful rows to plot")
    scenarios = list(dict.fromkeys(df["scenario"]))
    fig, axes = scenario_panels(len(METRICS), len(scenarios), 5.5, 11 / len(METRICS))
    for col, scenario in enumerate(scenarios):
        rows = df[df["scenario"] == scenario]
        # One bar group per policy at the scenario's first run point, named in the title.
        first = rows.iloc[0]
        for swept in ["bandwidth_mbps", "cells", "phones", "arrival_rate_hz", "seed"]:
            rows = rows[rows[swept] == first[swept]]
        point = (f"{first['bandwidth_mbps']:g} Mbit/s, {first['cells']} cell(s) x {first['phones']} phones"
                 + (f", {first['arrival_rate_hz']:g} req/s each" if first["arrival_rate_hz"] > 0 else ""))
        table = rows.pivot_table(index="policy", columns="mode", values=[m for m, _ in METRICS], sort=False)
        for row, (metric, label) in enumerate(METRICS):
            ax = axes[row][col]
            table[metric].plot.bar(ax=ax, rot=20, legend=False)
            if (table[metric] == 0).all().all():
                # Table II reports cloud-side figures only: say so rather than leave it blank.
                ax.text(0.5, 0.5, f"no {label.split(' (')[0]} in this scenario", ha="center",
                        va="center", transform=ax.transAxes, fontsize=8)
            ax.set_ylabel(label)
            ax.set_xlabel("")
            if row == 0:
                trace = rows["trace"].iloc[0]
                ax.set_title(f"{scenario}: {point}\n(trace: {trace})", fontsize=9)
    handles, labels = axes[0][0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=len(labels), title="mode")
    fig.tight_layout(rect=(0, 0.04, 1, 1))
    fig.savefig(out_path, dpi=110)
    print(f"wrote {out_path}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
