#!/usr/bin/python3
"""Draw a simulated run's minutes from muxsim's --timeseries file: p95 latency per tier over
simulated time, and the requests each tier served and the deadline misses.

usage: /usr/bin/python3 analysis/plot_timeseries.py MIN.csv.gz OUT.png [--run N]

Without --run, draws the file's first run. Tiers that served nothing are left out, and so
are the last minutes that hold only the run's final requests (each under half the median
minute's): their p95s are of stragglers. Latency is on a log scale, so a warm-up's tail and the
steady state show together.
"""
import argparse
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import _muxsim_path  # noqa: F401,E402  (python/ on sys.path: muxsim.results reads the files)
from matplotlib.ticker import MaxNLocator  # noqa: E402
from muxsim.results import read_timeseries  # noqa: E402

TIERS = [("local", "phone"), ("edge", "edge"), ("cloud", "cloud")]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("timeseries")
    parser.add_argument("out")
    parser.add_argument("--run", type=int)
    args = parser.parse_args()
    df = read_timeseries(args.timeseries)
    if df.empty:
        sys.exit(f"{args.timeseries}: no minutes (closed-form runs have none)")
    run = df["run"].iloc[0] if args.run is None else args.run
    df = df[df["run"] == run].sort_values("minute")
    if df.empty:
        sys.exit(f"{args.timeseries}: no run {run}")
    full = df["requests"].median() / 2
    while len(df) > 1 and df["requests"].iloc[-1] < full:
        print(f"left out minute {df['minute'].iloc[-1]} ({df['requests'].iloc[-1]} requests): the run's end")
        df = df.iloc[:-1]
    served = [(key, label) for key, label in TIERS if df[f"{key}_requests"].sum() > 0]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(9, 6.4), sharex=True)
    top.plot(df["minute"], df["latency_ms_p95"], color="black", lw=2, label="all requests")
    for key, label in served:
        top.plot(df["minute"], df[f"{key}_p95_ms"], marker="o", ms=3, label=label)
    top.set_ylabel("p95 latency (ms)")
    top.set_yscale("log")
    top.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False)
    top.grid(alpha=0.3)
    for key, label in served:
        bottom.plot(df["minute"], df[f"{key}_requests"] / 60, marker="o", ms=3, label=label)
    bottom.set_ylabel("requests served per second")
    bottom.set_xlabel("simulated minute")
    bottom.xaxis.set_major_locator(MaxNLocator(integer=True))
    bottom.grid(alpha=0.3)
    misses = bottom.twinx()
    misses.plot(df["minute"], 100 * df["misses"] / df["requests"], color="crimson", ls="--",
                label="deadline misses (%)")
    misses.set_ylabel("deadline misses (%)", color="crimson")
    misses.set_ylim(bottom=0)
    handles = bottom.get_legend_handles_labels()[0] + misses.get_legend_handles_labels()[0]
    bottom.legend(handles, [h.get_label() for h in handles], loc="upper left",
                  bbox_to_anchor=(1.12, 1), frameon=False)
    fig.tight_layout()
    fig.savefig(args.out, dpi=150)
    print(f"wrote {args.out}")


if __name__ == "__main__":
    main()
