#!/usr/bin/python3
"""Draw every figure a muxsim results.csv (and a per-request .csv.gz) supports.

usage: /usr/bin/python3 analysis/plot.py RESULTS.csv [RESULTS.csv ...] --out DIR
           [--requests REQ.csv.gz] [--svg] [--mode simulated|closed-form]

Figures, each skipped with one line saying why when the data cannot support it:
  vs_bandwidth.png   accuracy, mean and p95 latency, phone energy against bandwidth (log x),
                     one line per policy, one column of panels per scenario that sweeps it
  vs_load.png        p95 latency and deadline-miss rate against offered load
  placement.png      stacked shares of local, edge and cloud answers per policy
  called.png         stacked fraction of requests calling each model, per policy
  fronts.png         accuracy against mean latency and against phone energy, one point per
                     policy and run point, the Pareto-optimal ones ringed
  gflops_front.png   accuracy against compute per inference (Table II style), the largest
                     single model alone marked
  latency_cdf.png    latency CDF per policy, from the per-request file
  replay.png         on a varying channel (trace or Markov): phone 0's Wi-Fi rate over time,
                     with each of its requests' latency and placement overlaid
Every figure names its scenario and the swept values it holds fixed. Colours come from a
palette that stays apart for colour-blind readers, and each policy also has its own marker
and line style, so figures stay legible in greyscale. A results file missing a column a
figure needs stops with an error that names the column.
"""
import argparse
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from figure_grid import scenario_panels  # noqa: E402

# Okabe-Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]
MARKERS = "osD^vP*X"
DASHES = ["-", "--", "-.", ":"]
SIZE = (11, 7.5)
DPI = 100


def panels(rows, cols, short=False, sharex=False):
    """axes[row][col]: a column of panels per scenario, at least SIZE wide, wrapping after three
    scenarios (figure_grid.py); short: two-thirds high."""
    height = (SIZE[1] / 1.5 if short else SIZE[1]) / rows
    return scenario_panels(rows, cols, 5, height, min_width=SIZE[0], sharex=sharex)


def legend_above(ax, top):
    """A legend in headroom above bars that reach `top`, so it covers none of them."""
    ax.set_ylim(0, top * 1.4)
    ax.legend(fontsize=7, loc="upper center", ncol=3, frameon=False)


def style(policies, policy):
    # Past eight policies the colours repeat; the marker and dash shift, so no two policies
    # look the same, in lines or in scatters.
    i = policies.index(policy)
    shift = i + i // len(PALETTE)
    return dict(color=PALETTE[i % len(PALETTE)], marker=MARKERS[shift % len(MARKERS)],
                linestyle=DASHES[shift % len(DASHES)], ms=4)


def policy_legend(fig, policies, **override):
    """One legend below every panel, where it covers no data: a line per policy, in the style
    it has in every panel."""
    handles = [plt.Line2D([], [], label=p, **{**style(policies, p), **override}) for p in policies]
    columns = min(len(policies), 6)
    fig.legend(handles=handles, loc="lower center", ncol=columns, fontsize=8, frameon=False)
    rows = -(-len(policies) // columns)
    fig.tight_layout(rect=(0, (0.1 + 0.2 * rows) / fig.get_figheight(), 1, 1))


def require(df, columns, what):
    missing = [c for c in columns if c not in df.columns]
    if missing:
        sys.exit(f"plot.py: {what} needs column(s) {', '.join(missing)}, missing from the results")


def fixed(rows, columns):
    """The swept values a figure holds fixed, for its title."""
    parts = []
    for c, unit in columns:
        values = rows[c].unique()
        if len(values) == 1:
            parts.append(f"{values[0]:g} {unit}")
    return ", ".join(parts)


def save(fig, out, name, svg):
    path = f"{out}/{name}.{'svg' if svg else 'png'}"
    fig.savefig(path, dpi=DPI)
    plt.close(fig)
    print(f"wrote {path}")


def vs_bandwidth(df, out, svg):
    """Returns the bandwidths drawn, per scenario."""
    metrics = [("accuracy", "top-1 accuracy"), ("latency_ms_mean", "mean latency (ms)"),
               ("latency_ms_p95", "p95 latency (ms)"), ("phone_energy_mj", "phone energy (mJ)")]
    require(df, ["bandwidth_mbps", "policy", "scenario"] + [m for m, _ in metrics], "vs_bandwidth")
    swept = [s for s, rows in df.groupby("scenario", sort=False) if rows["bandwidth_mbps"].nunique() > 1]
    if not swept:
        print("skip vs_bandwidth: no scenario sweeps bandwidth_mbps")
        return {}
    drawn = {}
    fig, axes = panels(len(metrics), len(swept), sharex=True)
    # One style per policy across the scenarios, so one legend below the panels serves all.
    policies = list(dict.fromkeys(df[df["scenario"].isin(swept)]["policy"]))
    for col, scenario in enumerate(swept):
        rows = df[df["scenario"] == scenario]
        first = rows.iloc[0]
        rows = rows[(rows["cells"] == first["cells"]) & (rows["phones"] == first["phones"])
                    & (rows["seed"] == first["seed"])]
        for row, (metric, label) in enumerate(metrics):
            ax = axes[row][col]
            for policy, p in rows.groupby("policy", sort=False):
                p = p.sort_values("bandwidth_mbps")
                ax.plot(p["bandwidth_mbps"], p[metric], label=policy, **style(policies, policy))
            ax.set_xscale("log")
            ax.set_ylabel(label)
            ax.grid(alpha=0.3)
        axes[0][col].set_title(f"{scenario}\n{fixed(rows, [('cells', 'cell(s)'), ('phones', 'phones/cell')])}",
                               fontsize=9)
        axes[-1][col].set_xlabel("Wi-Fi bandwidth (Mbit/s, log)")
        drawn[scenario] = sorted(rows["bandwidth_mbps"].unique())
    policy_legend(fig, policies)
    save(fig, out, "vs_bandwidth", svg)
    return drawn


def vs_load(df, out, svg):
    require(df, ["arrival_rate_hz", "cells", "phones", "latency_ms_p95", "miss_rate", "policy"], "vs_load")
    swept = [s for s, rows in df.groupby("scenario", sort=False) if rows["arrival_rate_hz"].nunique() > 1]
    if not swept:
        print("skip vs_load: no scenario sweeps arrival_rate_hz")
        return
    fig, axes = panels(2, len(swept))
    for col, scenario in enumerate(swept):
        rows = df[df["scenario"] == scenario]
        rows = rows.assign(load=rows["cells"] * rows["phones"] * rows["arrival_rate_hz"])
        policies = list(dict.fromkeys(rows["policy"]))
        for row, (metric, label) in enumerate([("latency_ms_p95", "p95 latency (ms, log)"),
                                               ("miss_rate", "deadline-miss rate")]):
            ax = axes[row][col]
            for policy, p in rows.groupby("policy", sort=False):
                p = p.sort_values("load")
                ax.plot(p["load"], p[metric], label=policy, **style(policies, policy))
            ax.set_ylabel(label)
            ax.grid(alpha=0.3)
        axes[0][col].set_yscale("log")
        axes[0][col].set_title(f"{scenario}\n{fixed(rows, [('bandwidth_mbps', 'Mbit/s'), ('deadline_ms', 'ms deadline')])}",
                               fontsize=9)
        axes[1][col].set_xlabel("offered load (requests/s, all phones)")
        axes[0][col].legend(fontsize=7)
    fig.tight_layout()
    save(fig, out, "vs_load", svg)


def placement(df, out, svg):
    require(df, ["local_fraction", "edge_fraction", "policy", "scenario"], "placement")
    scenarios = list(dict.fromkeys(df["scenario"]))
    fig, axes = panels(1, len(scenarios), short=True)
    for col, scenario in enumerate(scenarios):
        rows = df[df["scenario"] == scenario]
        first = rows.iloc[0]
        rows = rows[(rows["bandwidth_mbps"] == first["bandwidth_mbps"]) & (rows["cells"] == first["cells"])
                    & (rows["phones"] == first["phones"]) & (rows["arrival_rate_hz"] == first["arrival_rate_hz"])
                    & (rows["seed"] == first["seed"])]
        local, edge = rows["local_fraction"].values, rows["edge_fraction"].values
        ax = axes[0][col]
        x = range(len(rows))
        ax.bar(x, local, color=PALETTE[2], hatch="", label="local")
        ax.bar(x, edge, bottom=local, color=PALETTE[1], hatch="//", label="edge")
        ax.bar(x, 1 - local - edge, bottom=local + edge, color=PALETTE[0], hatch="..", label="cloud")
        ax.set_xticks(list(x), rows["policy"], rotation=25, fontsize=8)
        ax.set_ylabel("share of answers")
        legend_above(ax, 1.0)
        ax.set_title(f"{scenario}\n{fixed(rows, [('bandwidth_mbps', 'Mbit/s'), ('cells', 'cell(s)'), ('phones', 'phones/cell')])}",
                     fontsize=9)
    fig.tight_layout()
    save(fig, out, "placement", svg)


def first_point(rows):
    first = rows.iloc[0]
    for c in ["bandwidth_mbps", "cells", "phones", "arrival_rate_hz", "seed"]:
        rows = rows[rows[c] == first[c]]
    return rows


def point_title(rows):
    return fixed(rows, [("bandwidth_mbps", "Mbit/s"), ("cells", "cell(s)"), ("phones", "phones/cell")])


def called(df, out, svg):
    columns = [c for c in df.columns if c.startswith("called_")]
    if not columns:
        print("skip called: the results have no called_<model> columns")
        return
    scenarios = list(dict.fromkeys(df["scenario"]))
    fig, axes = panels(1, len(scenarios), short=True)
    hatches = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]
    for col, scenario in enumerate(scenarios):
        rows = first_point(df[df["scenario"] == scenario])
        used = [c for c in columns if rows[c].sum() > 0]
        ax = axes[0][col]
        bottom = [0.0] * len(rows)
        for i, c in enumerate(used):
            ax.bar(range(len(rows)), rows[c], bottom=bottom, color=PALETTE[i % len(PALETTE)],
                   hatch=hatches[i % len(hatches)], label=c[len("called_"):])
            bottom = [b + v for b, v in zip(bottom, rows[c])]
        ax.set_xticks(list(range(len(rows))), rows["policy"], rotation=25, fontsize=8)
        ax.set_ylabel("models called per request")
        ax.set_title(f"{scenario}\n{point_title(rows)}", fontsize=9)
        legend_above(ax, max(bottom))
    fig.tight_layout()
    save(fig, out, "called", svg)


def pareto(points):
    """Indices of the points no other point beats on both: higher accuracy, lower cost."""
    best = []
    for i, (a, c) in enumerate(points):
        if not any((a2 >= a and c2 <= c) and (a2 > a or c2 < c) for a2, c2 in points):
            best.append(i)
    return best


def fronts(df, out, svg):
    require(df, ["accuracy", "latency_ms_mean", "phone_energy_mj", "policy"], "fronts")
    scenarios = list(dict.fromkeys(df["scenario"]))
    fig, axes = panels(2, len(scenarios))
    policies = list(dict.fromkeys(df[df["note"].fillna("") == ""]["policy"]))
    for col, scenario in enumerate(scenarios):
        rows = df[(df["scenario"] == scenario) & (df["note"].fillna("") == "")]
        for row, (metric, label) in enumerate([("latency_ms_mean", "mean latency (ms, log)"),
                                               ("phone_energy_mj", "phone energy (mJ, log)")]):
            ax = axes[row][col]
            for policy, p in rows.groupby("policy", sort=False):
                st = style(policies, policy)
                ax.scatter(p[metric], p["accuracy"], color=st["color"], marker=st["marker"], s=18, label=policy)
            points = list(zip(rows["accuracy"], rows[metric]))
            front = [points[i] for i in pareto(points)]
            ax.scatter([c for _, c in front], [a for a, _ in front], s=90, facecolors="none",
                       edgecolors="black", label="Pareto-optimal")
            if (rows[metric] > 0).all():
                ax.set_xscale("log")
            else:
                label = label.replace(", log", "")
            ax.set_xlabel(label)
            ax.set_ylabel("top-1 accuracy")
            ax.grid(alpha=0.3)
        axes[0][col].set_title(f"{scenario}: every run point (upper bounds left out)", fontsize=9)
    policy_legend(fig, policies, linestyle="none")
    fig.legend(handles=[plt.Line2D([], [], marker="o", ms=9, mfc="none", mec="black",
                                   linestyle="none", label="Pareto-optimal")],
               loc="lower right", fontsize=8, frameon=False)
    save(fig, out, "fronts", svg)


def gflops_front(df, out, svg):
    require(df, ["accuracy", "total_gflops", "policy"], "gflops_front")
    multi = [s for s, r in df.groupby("scenario", sort=False)
             if r["policy"].isin(["hybrid-single", "hybrid-ensemble"]).any()]
    if not multi:
        print("skip gflops_front: no scenario multiplexes cloud models (hybrid-single/ensemble)")
        return
    fig, axes = panels(1, len(multi), short=True)
    for col, scenario in enumerate(multi):
        rows = first_point(df[(df["scenario"] == scenario) & (df["note"].fillna("") == "")])
        policies = list(dict.fromkeys(rows["policy"]))
        ax = axes[0][col]
        for _, r in rows.iterrows():
            st = style(policies, r["policy"])
            ax.scatter(r["total_gflops"], r["accuracy"], color=st["color"], marker=st["marker"], s=40,
                       label=r["policy"])
        largest = rows[rows["policy"] == "cloud-only"]
        if not largest.empty:
            r = largest.iloc[0]
            ax.annotate("largest model alone", (r["total_gflops"], r["accuracy"]), fontsize=8,
                        xytext=(-140, 25), textcoords="offset points", arrowprops=dict(arrowstyle="->"))
        ax.set_xlabel("GFLOPs per inference")
        ax.set_ylabel("top-1 accuracy")
        ax.set_title(f"{scenario}\n{point_title(rows)}", fontsize=9)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7)
    fig.tight_layout()
    save(fig, out, "gflops_front", svg)


def read_requests(path, df):
    """The per-request file joined with its runs' policy and scenario, or None without one."""
    if not path:
        return None
    q = pd.read_csv(path)
    require(q, ["run", "phone", "start_s", "wifi_mbps", "latency_ms", "placement"], "the per-request figures")
    require(df, ["run", "policy", "scenario"], "the per-request figures")
    return q.merge(df[["run", "policy", "scenario"]], on="run")


def skip_without_requests(q, figure):
    if q is None:
        print(f"skip {figure}: no per-request file (muxsim run --requests FILE.csv.gz)")
    elif q.empty:
        print(f"skip {figure}: the per-request file has no run of these results")
    return q is None or q.empty


def latency_cdf(q, out, svg):
    if skip_without_requests(q, "latency_cdf"):
        return
    scenarios = list(dict.fromkeys(q["scenario"]))
    fig, axes = panels(1, len(scenarios), short=True)
    policies = list(dict.fromkeys(q["policy"]))
    for col, scenario in enumerate(scenarios):
        rows = q[q["scenario"] == scenario]
        first_run = {p: r for p, r in rows.groupby("policy", sort=False)["run"].min().items()}
        ax = axes[0][col]
        for policy, run in first_run.items():
            lat = rows[rows["run"] == run]["latency_ms"].sort_values()
            ax.plot(lat.values, [(i + 1) / len(lat) for i in range(len(lat))], label=policy,
                    **{**style(policies, policy), "marker": None})
        ax.set_xscale("log")
        ax.set_xlabel("latency (ms, log)")
        ax.set_ylabel("fraction of requests")
        ax.set_title(f"{scenario}: each policy's first run", fontsize=9)
        ax.grid(alpha=0.3)
    policy_legend(fig, policies, marker=None)
    save(fig, out, "latency_cdf", svg)


def replay(q, out, svg):
    if skip_without_requests(q, "replay"):
        return
    # Runs where phone 0's own rate moves, over enough of its requests to show it.
    varying = [run for run, r in q[q["phone"] == 0].groupby("run", sort=False)
               if r["wifi_mbps"].nunique() > 1 and len(r) >= 20]
    if not varying:
        print("skip replay: no simulated run where phone 0's Wi-Fi rate varies over 20 requests")
        return
    # Scenarios whose phones differ in rate, but not phone 0 over time (fixed random rates).
    mixed = {r["scenario"].iloc[0] for _, r in q.groupby("run") if r["wifi_mbps"].nunique() > 1}
    left_out = mixed - set(q[q["run"].isin(varying)]["scenario"])
    if left_out:
        print(f"replay leaves out {', '.join(sorted(left_out))}: phone 0's rate does not vary "
              "over 20 of its requests there")
    # One panel per scenario: its hybrid run if it has one, else its first varying run.
    picks = {}
    for run in varying:
        r = q[q["run"] == run].iloc[0]
        if r["scenario"] not in picks or r["policy"] == "hybrid":
            picks[r["scenario"]] = run
    fig, axes = plt.subplots(len(picks), 1, figsize=(SIZE[0], 3.5 * len(picks)), squeeze=False)
    colours = {"local": PALETTE[2], "edge": PALETTE[1], "cloud": PALETTE[0], "none": PALETTE[7]}
    markers = {"local": "o", "edge": "s", "cloud": "^", "none": "x"}
    legend = {}
    for row, (scenario, run) in enumerate(picks.items()):
        r = q[(q["run"] == run) & (q["phone"] == 0)].sort_values("start_s")
        ax = axes[row][0]
        ax.step(r["start_s"], r["wifi_mbps"], where="post", color="grey",
                label="Wi-Fi rate at each request's start")
        ax.set_ylabel("phone 0's Wi-Fi rate (Mbit/s)")
        ax.set_xlabel("time (s)")
        twin = ax.twinx()
        for where, w in r.groupby("placement"):
            twin.scatter(w["start_s"], w["latency_ms"], s=14, color=colours.get(where, "black"),
                         marker=markers.get(where, "x"), label=f"{where} request")
        twin.set_yscale("log")
        twin.set_ylabel("request latency (ms, log)")
        ax.set_title(f"{scenario}: {r['policy'].iloc[0]}, phone 0, run {run}", fontsize=9)
        handles, labels = ax.get_legend_handles_labels()
        twin_handles, twin_labels = twin.get_legend_handles_labels()
        for handle, label in zip(handles + twin_handles, labels + twin_labels):
            legend.setdefault(label, handle)
    # One legend for every panel, below them, where it covers no data.
    fig.legend(list(legend.values()), list(legend.keys()), loc="lower center", ncol=4, fontsize=8,
               frameon=False)
    fig.tight_layout(rect=(0, 0.06, 1, 1))
    save(fig, out, "replay", svg)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results", nargs="+")
    parser.add_argument("--out", required=True)
    parser.add_argument("--requests")
    parser.add_argument("--svg", action="store_true")
    parser.add_argument("--mode", default="simulated", choices=["simulated", "closed-form"])
    a = parser.parse_args()
    df = pd.concat([pd.read_csv(p) for p in a.results], ignore_index=True)
    require(df, ["mode", "status", "scenario", "seed", "bandwidth_mbps", "cells", "phones",
                 "arrival_rate_hz"], "every figure")
    df = df[(df["status"] == "ok") & (df["mode"] == a.mode)]
    if df.empty:
        sys.exit(f"plot.py: no successful {a.mode} rows")
    import os
    os.makedirs(a.out, exist_ok=True)
    vs_bandwidth(df, a.out, a.svg)
    vs_load(df, a.out, a.svg)
    placement(df, a.out, a.svg)
    called(df, a.out, a.svg)
    fronts(df, a.out, a.svg)
    gflops_front(df, a.out, a.svg)
    requests = read_requests(a.requests, df)
    latency_cdf(requests, a.out, a.svg)
    replay(requests, a.out, a.svg)


if __name__ == "__main__":
    main()
