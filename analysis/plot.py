#!/usr/bin/python3
"""Draw every figure a muxsim results.csv (and a per-request .csv.gz) supports.

usage: /usr/bin/python3 analysis/plot.py RESULTS.csv [RESULTS.csv ...] --out DIR
           [--requests REQ.csv.gz] [--svg] [--mode simulated|closed-form] [--manifest FILE]

Figures, each skipped with one line saying why when the data cannot support it:
  vs_bandwidth.png   accuracy, mean and p95 latency, phone energy against bandwidth (log x),
                     one line per policy, a column of panels per scenario that sweeps it and
                     per combination of the other inputs that scenario sweeps
  vs_load.png        p95 latency and deadline-miss rate against offered load, columns as above
  placement.png      stacked shares of local, edge and cloud answers per policy, a panel per
                     run point (scenario and combination of the inputs it sweeps)
  called.png         stacked fraction of requests calling each model, per policy and run point
  fronts.png         accuracy against mean latency and against phone energy, one point per
                     policy and run point, the stable runs' Pareto-optimal ones ringed (which
                     swept inputs the points do not tell apart is said on stdout)
  gflops_front.png   accuracy against compute per inference (Table II style), the largest
                     single model alone marked, a panel per run point
  latency_cdf.png    latency CDF per policy, a panel per run point, from the per-request file
  replay.png         on a varying channel (trace or Markov): phone 0's Wi-Fi rate over time,
                     with each of its requests' latency and placement overlaid, for one run
                     per scenario (named on stdout)
A run's inputs are scenario, mode, seed and every column between `requests` and `accuracy`
in the header, so columns added there later are faceted too. Seeds are pooled as their mean
and said so on stdout; a figure holds at most 12 panels (one per scenario beyond that), and
what it drops is listed on stdout. Panel titles name the values the panel holds fixed, never
one that varies inside it. An overloaded run (column `overload` non-empty; results without
it are all stable) is drawn hollow, and linear metric axes are scaled to the stable runs:
one beyond the top is an arrow at the edge with its value. --manifest FILE writes a line per
results row drawn (or dropped) in each figure, with its inputs and policy. Colours come from
a palette that stays apart for colour-blind readers, and each policy also has its own marker
and line style, so figures stay legible in greyscale. A results file missing a column a
figure needs stops with an error that names the column.
"""
import argparse
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import _muxsim_path  # noqa: F401,E402  (python/ on sys.path: muxsim.results reads the files)
import pandas as pd  # noqa: E402
from muxsim.results import ok_runs, read_requests, read_results, with_runs  # noqa: E402
from figure_grid import (Manifest, cap_facets, clip_to_stable, describe, overload_handles,  # noqa: E402
                         overload_note, overloaded, plot_series, pool_seeds, scenario_facets, scenario_panels,
                         swept_keys, value_text)

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


def policy_legend(fig, policies, extra=(), **override):
    """One legend below every panel, where it covers no data: a line per policy, in the style
    it has in every panel, then any `extra` entries (the overloaded-run marks)."""
    handles = [plt.Line2D([], [], label=p, **{**style(policies, p), **override}) for p in policies]
    handles += list(extra)
    columns = min(len(handles), 6)
    fig.legend(handles=handles, loc="lower center", ncol=columns, fontsize=8, frameon=False)
    rows = -(-len(handles) // columns)
    fig.tight_layout(rect=(0, (0.1 + 0.2 * rows) / fig.get_figheight(), 1, 1))


def require(df, columns, what):
    missing = [c for c in columns if c not in df.columns]
    if missing:
        sys.exit(f"plot.py: {what} needs column(s) {', '.join(missing)}, missing from the results")


def save(fig, out, name, svg):
    path = f"{out}/{name}.{'svg' if svg else 'png'}"
    fig.savefig(path, dpi=DPI)
    plt.close(fig)
    print(f"wrote {path}")


# The figures' panels: a metric per row, and a column per scenario and combination of the
# other inputs it sweeps.
BANDWIDTH_METRICS = [("accuracy", "top-1 accuracy", "auto"), ("latency_ms_mean", "mean latency (ms)", "clip"),
                     ("latency_ms_p95", "p95 latency (ms)", "clip"), ("phone_energy_mj", "phone energy (mJ)", "clip")]
LOAD_METRICS = [("latency_ms_p95", "p95 latency (ms, log)", "clip"), ("miss_rate", "deadline-miss rate", (-0.03, 1.03))]


def sweep_panels(df, figure, across, manifest):
    """The panels of a figure that draws `across` on its x axis: seeds pooled as a mean, then a
    group per scenario and combination of the other inputs that vary (facets), at most 12."""
    return cap_facets(scenario_facets(pool_seeds(df, figure), ["seed", across]), figure, manifest)


def panel_title(values, rows):
    """The scenario, the values this panel holds fixed, and which resources its overloaded
    runs saturated."""
    rest = {k: v for k, v in values.items() if k != "scenario"}
    lines = [str(values.get("scenario", ""))] + ([describe(rest)] if rest else [])
    note = overload_note(rows)
    return "\n".join(lines + ([note] if note else []))


def draw_metric(ax, rows, x, metric, scale, policies, log=False):
    """A line per policy of `metric` against `x`; the y axis scaled to the stable runs when
    `scale` is "clip", fixed when it is (low, high), matplotlib's when "auto"."""
    values, over = [], []
    for policy, p in rows.groupby("policy", sort=False):
        p = p.sort_values(x)
        v, o = plot_series(ax, p[x], p[metric], overloaded(p), style(policies, policy), policy)
        values += v
        over += o
    if scale == "clip":
        clip_to_stable(ax, values, over, log=log)
    elif scale != "auto":
        ax.set_ylim(*scale)


def vs_bandwidth(df, out, svg, manifest=None):
    """Returns the bandwidths drawn, per scenario."""
    manifest = manifest or Manifest(None)
    require(df, ["bandwidth_mbps", "policy", "scenario"] + [m for m, _, _ in BANDWIDTH_METRICS], "vs_bandwidth")
    swept = [s for s, rows in df.groupby("scenario", sort=False) if rows["bandwidth_mbps"].nunique() > 1]
    if not swept:
        print("skip vs_bandwidth: no scenario sweeps bandwidth_mbps")
        return {}
    groups = sweep_panels(df[df["scenario"].isin(swept)], "vs_bandwidth.png", "bandwidth_mbps", manifest)
    fig, axes = panels(len(BANDWIDTH_METRICS), len(groups), sharex=True)
    # One style per policy across the panels, so one legend below them serves all.
    policies = list(dict.fromkeys(df[df["scenario"].isin(swept)]["policy"]))
    drawn = {}
    for col, (values, rows) in enumerate(groups):
        for row, (metric, label, scale) in enumerate(BANDWIDTH_METRICS):
            ax = axes[row][col]
            draw_metric(ax, rows, "bandwidth_mbps", metric, scale, policies)
            ax.set_xscale("log")
            ax.set_ylabel(label)
            ax.grid(alpha=0.3)
        axes[0][col].set_title(panel_title(values, rows), fontsize=9)
        axes[-1][col].set_xlabel("Wi-Fi bandwidth (Mbit/s, log)")
        manifest.drawn("vs_bandwidth.png", rows)
        scenario = values["scenario"]
        drawn[scenario] = sorted(set(drawn.get(scenario, [])) | set(rows["bandwidth_mbps"]))
    policy_legend(fig, policies, extra=overload_handles(overloaded(df[df["scenario"].isin(swept)]).any()))
    save(fig, out, "vs_bandwidth", svg)
    return drawn


def vs_load(df, out, svg, manifest=None):
    manifest = manifest or Manifest(None)
    require(df, ["arrival_rate_hz", "cells", "phones", "latency_ms_p95", "miss_rate", "policy"], "vs_load")
    swept = [s for s, rows in df.groupby("scenario", sort=False) if rows["arrival_rate_hz"].nunique() > 1]
    if not swept:
        print("skip vs_load: no scenario sweeps arrival_rate_hz")
        return
    chosen = df[df["scenario"].isin(swept)]
    groups = sweep_panels(chosen, "vs_load.png", "arrival_rate_hz", manifest)
    policies = list(dict.fromkeys(chosen["policy"]))
    fig, axes = panels(len(LOAD_METRICS), len(groups))
    for col, (values, rows) in enumerate(groups):
        rows = rows.assign(load=rows["cells"] * rows["phones"] * rows["arrival_rate_hz"])
        for row, (metric, label, scale) in enumerate(LOAD_METRICS):
            ax = axes[row][col]
            draw_metric(ax, rows, "load", metric, scale, policies, log=row == 0)
            ax.set_ylabel(label)
            ax.grid(alpha=0.3)
        axes[0][col].set_yscale("log")
        axes[0][col].set_title(panel_title(values, rows), fontsize=9)
        axes[1][col].set_xlabel("offered load (requests/s, all phones)")
        manifest.drawn("vs_load.png", rows)
    policy_legend(fig, policies, extra=overload_handles(overloaded(chosen).any()))
    save(fig, out, "vs_load", svg)


def point_panels(df, figure, manifest):
    """A panel per run point (scenario and every other input that varies), seeds pooled."""
    return cap_facets(scenario_facets(pool_seeds(df, figure), ["seed"]), figure, manifest)


def policy_ticks(ax, rows):
    """A bar per policy, named under it, with the resources an overloaded run saturated."""
    names = [p + (f"\noverloaded: {o}" if over else "")
             for p, o, over in zip(rows["policy"], rows.get("overload", [""] * len(rows)), overloaded(rows))]
    ax.set_xticks(list(range(len(rows))), names, rotation=25, fontsize=8)


def placement(df, out, svg, manifest=None):
    manifest = manifest or Manifest(None)
    require(df, ["local_fraction", "edge_fraction", "policy", "scenario"], "placement")
    groups = point_panels(df, "placement.png", manifest)
    fig, axes = panels(1, len(groups), short=True)
    for col, (values, rows) in enumerate(groups):
        local, edge = rows["local_fraction"].values, rows["edge_fraction"].values
        ax = axes[0][col]
        x = range(len(rows))
        ax.bar(x, local, color=PALETTE[2], hatch="", label="local")
        ax.bar(x, edge, bottom=local, color=PALETTE[1], hatch="//", label="edge")
        ax.bar(x, 1 - local - edge, bottom=local + edge, color=PALETTE[0], hatch="..", label="cloud")
        policy_ticks(ax, rows)
        ax.set_ylabel("share of answers")
        legend_above(ax, 1.0)
        ax.set_title(panel_title(values, rows), fontsize=9)
        manifest.drawn("placement.png", rows)
    fig.tight_layout()
    save(fig, out, "placement", svg)


def called(df, out, svg, manifest=None):
    manifest = manifest or Manifest(None)
    columns = [c for c in df.columns if c.startswith("called_")]
    if not columns:
        print("skip called: the results have no called_<model> columns")
        return
    groups = point_panels(df, "called.png", manifest)
    fig, axes = panels(1, len(groups), short=True)
    hatches = ["", "//", "..", "xx", "\\\\", "++", "oo", "--"]
    for col, (values, rows) in enumerate(groups):
        used = [c for c in columns if rows[c].sum() > 0]
        ax = axes[0][col]
        bottom = [0.0] * len(rows)
        for i, c in enumerate(used):
            ax.bar(range(len(rows)), rows[c], bottom=bottom, color=PALETTE[i % len(PALETTE)],
                   hatch=hatches[i % len(hatches)], label=c[len("called_"):])
            bottom = [b + v for b, v in zip(bottom, rows[c])]
        policy_ticks(ax, rows)
        ax.set_ylabel("models called per request")
        ax.set_title(panel_title(values, rows), fontsize=9)
        legend_above(ax, max(bottom))
        manifest.drawn("called.png", rows)
    fig.tight_layout()
    save(fig, out, "called", svg)


def pareto(points):
    """Indices of the points no other point beats on both: higher accuracy, lower cost."""
    best = []
    for i, (a, c) in enumerate(points):
        if not any((a2 >= a and c2 <= c) and (a2 > a or c2 < c) for a2, c2 in points):
            best.append(i)
    return best


def fronts(df, out, svg, manifest=None):
    manifest = manifest or Manifest(None)
    require(df, ["accuracy", "latency_ms_mean", "phone_energy_mj", "policy"], "fronts")
    bounds = df[df["note"].fillna("") != ""]
    if not bounds.empty:
        manifest.dropped("fronts.png", bounds, "an upper bound, not a policy")
        print(f"fronts.png: upper bounds left out: {', '.join(sorted(set(bounds['policy'])))}")
    rows_all = pool_seeds(df[df["note"].fillna("") == ""], "fronts.png")
    scenarios = list(dict.fromkeys(rows_all["scenario"]))
    fig, axes = panels(2, len(scenarios))
    policies = list(dict.fromkeys(rows_all["policy"]))
    for col, scenario in enumerate(scenarios):
        rows = rows_all[rows_all["scenario"] == scenario]
        pooled = swept_keys(rows, exclude=["seed"])
        if pooled:
            # A cloud of run points is the figure's point; say which inputs it does not tell apart.
            print(f"fronts.png: {scenario}: one point per run point, {', '.join(pooled)} not told apart")
        for row, (metric, label) in enumerate([("latency_ms_mean", "mean latency (ms, log)"),
                                               ("phone_energy_mj", "phone energy (mJ, log)")]):
            front_panel(axes[row][col], rows, metric, label, policies)
        note = overload_note(rows)
        axes[0][col].set_title(f"{scenario}: every run point (upper bounds left out)"
                               + (f"\n{note}; not on the front" if note else ""), fontsize=9)
        manifest.drawn("fronts.png", rows)
    policy_legend(fig, policies, linestyle="none",
                  extra=[plt.Line2D([], [], marker="o", ms=9, mfc="none", mec="black", linestyle="none",
                                    label="Pareto-optimal")] + overload_handles(overloaded(rows_all).any()))
    save(fig, out, "fronts", svg)


def front_panel(ax, rows, metric, label, policies):
    """Accuracy against `metric` for every run point, the stable ones' Pareto front ringed; an
    overloaded run is hollow, off the front, and beyond the stable runs' x range at its edge."""
    over = overloaded(rows)
    for policy, p in rows.groupby("policy", sort=False):
        st = style(policies, policy)
        o = over[p.index]
        ax.scatter(p[metric][~o], p["accuracy"][~o], color=st["color"], marker=st["marker"], s=18, label=policy)
        ax.scatter(p[metric][o], p["accuracy"][o], facecolors="white", edgecolors=st["color"],
                   marker=st["marker"], s=30)
    stable = rows[~over]
    points = list(zip(stable["accuracy"], stable[metric]))
    front = [points[i] for i in pareto(points)]
    ax.scatter([c for _, c in front], [a for a, _ in front], s=90, facecolors="none",
               edgecolors="black", label="Pareto-optimal")
    log = (rows[metric] > 0).all()
    if log:
        ax.set_xscale("log")
    else:
        label = label.replace(", log", "")
    colours = [style(policies, p)["color"] for p in rows["policy"]]
    clip_to_stable(ax, list(zip(rows[metric], over)),
                   [(x, y, c) for x, y, c, o in zip(rows[metric], rows["accuracy"], colours, over) if o],
                   log=log, axis="x")
    ax.set_xlabel(label)
    ax.set_ylabel("top-1 accuracy")
    ax.grid(alpha=0.3)


def gflops_front(df, out, svg, manifest=None):
    manifest = manifest or Manifest(None)
    require(df, ["accuracy", "total_gflops", "policy"], "gflops_front")
    multi = [s for s, r in df.groupby("scenario", sort=False)
             if r["policy"].isin(["hybrid-single", "hybrid-ensemble"]).any()]
    if not multi:
        print("skip gflops_front: no scenario multiplexes cloud models (hybrid-single/ensemble)")
        return
    chosen = df[df["scenario"].isin(multi)]
    bounds = chosen[chosen["note"].fillna("") != ""]
    manifest.dropped("gflops_front.png", bounds, "an upper bound, not a policy")
    groups = point_panels(chosen[chosen["note"].fillna("") == ""], "gflops_front.png", manifest)
    fig, axes = panels(1, len(groups), short=True)
    for col, (values, rows) in enumerate(groups):
        policies = list(dict.fromkeys(rows["policy"]))
        ax = axes[0][col]
        for (_, r), over in zip(rows.iterrows(), overloaded(rows)):
            st = style(policies, r["policy"])
            fill = dict(facecolors="white", edgecolors=st["color"]) if over else dict(color=st["color"])
            ax.scatter(r["total_gflops"], r["accuracy"], marker=st["marker"], s=40, label=r["policy"], **fill)
        largest = rows[rows["policy"] == "cloud-only"]
        if not largest.empty:
            r = largest.iloc[0]
            ax.annotate("largest model alone", (r["total_gflops"], r["accuracy"]), fontsize=8,
                        xytext=(-140, 25), textcoords="offset points", arrowprops=dict(arrowstyle="->"))
        ax.set_xlabel("GFLOPs per inference")
        ax.set_ylabel("top-1 accuracy")
        ax.set_title(panel_title(values, rows), fontsize=9)
        ax.grid(alpha=0.3)
        ax.legend(fontsize=7)
        manifest.drawn("gflops_front.png", rows)
    fig.tight_layout()
    save(fig, out, "gflops_front", svg)


def requests_of(path, df):
    """The per-request file joined with its runs' policy and scenario, or None without one."""
    if not path:
        return None
    q = read_requests(path)
    require(q, ["run", "phone", "start_s", "wifi_mbps", "latency_ms", "placement"], "the per-request figures")
    require(df, ["run", "policy", "scenario"], "the per-request figures")
    return with_runs(q, df, ["policy", "scenario"])


def skip_without_requests(q, figure):
    if q is None:
        print(f"skip {figure}: no per-request file (muxsim run --requests FILE.csv.gz)")
    elif q.empty:
        print(f"skip {figure}: the per-request file has no run of these results")
    return q is None or q.empty


def latency_cdf(q, df, out, svg, manifest=None):
    manifest = manifest or Manifest(None)
    if skip_without_requests(q, "latency_cdf"):
        return
    runs = df[df["run"].isin(q["run"])]
    if "seed" in runs and runs["seed"].nunique() > 1:
        print(f"latency_cdf.png: seeds {','.join(value_text(s) for s in sorted(runs['seed'].unique()))} "
              "pooled: their requests in one CDF")
    groups = cap_facets(scenario_facets(runs, ["seed"]), "latency_cdf.png", manifest)
    fig, axes = panels(1, len(groups), short=True)
    policies = list(dict.fromkeys(runs["policy"]))
    for col, (values, rows) in enumerate(groups):
        ax = axes[0][col]
        for policy, p in rows.groupby("policy", sort=False):
            lat = q[q["run"].isin(p["run"])]["latency_ms"].sort_values()
            # An overloaded run's latencies grow with its length: faded, with a hollow end.
            st = {**style(policies, policy), "marker": None}
            over = overloaded(p).any()
            ax.plot(lat.values, [(i + 1) / len(lat) for i in range(len(lat))], label=policy, **st,
                    alpha=0.45 if over else 1)
            if over and len(lat):
                ax.plot([lat.values[-1]], [1.0], marker=style(policies, policy)["marker"], mfc="white",
                        mec=st["color"], ms=7, linestyle="none")
        ax.set_xscale("log")
        ax.set_xlabel("latency (ms, log)")
        ax.set_ylabel("fraction of requests")
        note = overload_note(rows).replace("(hollow)", "(faded, hollow end)")
        ax.set_title(panel_title(values, rows.iloc[0:0]) + (f"\n{note}" if note else ""), fontsize=9)
        ax.grid(alpha=0.3)
        manifest.drawn("latency_cdf.png", rows)
    policy_legend(fig, policies, marker=None)
    save(fig, out, "latency_cdf", svg)


def say_replayed(df, picks, manifest):
    """replay shows one run per scenario: say which, and that the scenario's other runs are not drawn."""
    for scenario, run in picks.items():
        rows = df[df["scenario"] == scenario]
        shown = rows[rows["run"] == run]
        manifest.drawn("replay.png", shown)
        manifest.dropped("replay.png", rows[rows["run"] != run], "replay shows one run per scenario")
        print(f"replay.png: {scenario}: run {run} only ({describe(shown.iloc[0][swept_keys(rows)].to_dict())}, "
              f"{shown.iloc[0]['policy']}); its {len(rows) - 1} other run(s) not drawn")


def replay(q, df, out, svg, manifest=None):
    manifest = manifest or Manifest(None)
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
    say_replayed(df, picks, manifest)
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
    parser.add_argument("--manifest", metavar="FILE",
                        help="write a line per row drawn (or dropped) in each figure, with its inputs")
    a = parser.parse_args()
    df = pd.concat([read_results(p) for p in a.results], ignore_index=True)
    require(df, ["mode", "status", "scenario", "seed", "bandwidth_mbps", "cells", "phones",
                 "arrival_rate_hz"], "every figure")
    df = ok_runs(df, a.mode)
    if df.empty:
        sys.exit(f"plot.py: no successful {a.mode} rows")
    import os
    os.makedirs(a.out, exist_ok=True)
    manifest = Manifest(a.manifest)
    vs_bandwidth(df, a.out, a.svg, manifest)
    vs_load(df, a.out, a.svg, manifest)
    placement(df, a.out, a.svg, manifest)
    called(df, a.out, a.svg, manifest)
    fronts(df, a.out, a.svg, manifest)
    gflops_front(df, a.out, a.svg, manifest)
    requests = requests_of(a.requests, df)
    latency_cdf(requests, df, a.out, a.svg, manifest)
    replay(requests, df, a.out, a.svg, manifest)
    manifest.write()


if __name__ == "__main__":
    main()
