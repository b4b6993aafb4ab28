#!/usr/bin/python3
"""Draw p95 latency and deadline-miss rate against offered load from a muxsim results.csv.

usage: /usr/bin/python3 analysis/plot_load.py RESULTS.csv SCENARIO OUT.png [--manifest FILE]

One line per policy and mode: simulated solid, closed form dashed. The x axis is the total
offered load, cells x phones x arrival_rate_hz requests per second. Only rows of SCENARIO
are drawn; it must sweep arrival_rate_hz (an open-loop scenario such as load-sweep). Every
other input the scenario sweeps (bandwidth, phones, deadline, ... : any column between
`requests` and `accuracy`) gets its own column of panels, titled with its values; seeds are
pooled as their mean, said on stdout. An overloaded run (column `overload`) is drawn hollow,
and the latency axis is scaled to the stable runs: one beyond it is an arrow at the top.
--manifest FILE writes a line per row drawn, with its inputs.
"""
import argparse
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import _muxsim_path  # noqa: F401,E402  (python/ on sys.path: muxsim.results reads the files)
from muxsim.results import ok_runs, read_results  # noqa: E402
from figure_grid import (Manifest, cap_facets, clip_to_stable, describe, overload_handles,  # noqa: E402
                         overload_note, overloaded, plot_series, pool_seeds, scenario_facets,
                         scenario_panels)

MARKERS = "osd^vP*X"
METRICS = [("latency_ms_p95", "p95 latency (ms, log)"), ("miss_rate", "deadline-miss rate")]


def style(policies, policy, mode):
    # One colour and marker per policy (tab10 and distinct markers stay apart in greyscale),
    # the mode in the line style.
    i = policies.index(policy)
    return dict(color=f"C{i % 10}", marker=MARKERS[i % len(MARKERS)], ms=4,
                linestyle="-" if mode == "simulated" else "--")


def draw_panel(axes, col, rows, policies):
    """Both metrics of one facet: a line per policy and mode."""
    values, over = [], []
    for (policy, mode), p in rows.groupby(["policy", "mode"], sort=False):
        p = p.sort_values("load")
        for row, (metric, _) in enumerate(METRICS):
            v, o = plot_series(axes[row][col], p["load"], p[metric], overloaded(p),
                               style(policies, policy, mode), f"{policy} ({mode})")
            if row == 0:
                values, over = values + v, over + o
    axes[0][col].set_yscale("log")
    clip_to_stable(axes[0][col], values, over, log=True)
    axes[1][col].set_ylim(-0.03, 1.03)


def figure_title(df, scenario):
    """The scenario and the inputs that hold one value across the whole figure."""
    fixed = {c: df[c].iloc[0] for c in ["cells", "phones", "bandwidth_mbps", "deadline_ms"]
             if c in df.columns and df[c].nunique(dropna=False) == 1}
    return f"{scenario}: {describe(fixed)}" if fixed else scenario


def legend(fig, df, policies):
    handles = [plt.Line2D([], [], label=p, **{**style(policies, p, "simulated"), "linestyle": "none"})
               for p in policies]
    handles += [plt.Line2D([], [], color="grey", linestyle="-" if m == "simulated" else "--", label=m)
                for m in dict.fromkeys(df["mode"])]
    handles += overload_handles(overloaded(df).any())
    columns = min(len(handles), 6)
    fig.legend(handles=handles, loc="lower center", ncol=columns, fontsize=7, frameon=False)
    return -(-len(handles) // columns)


def main(results_path, scenario, out_path, manifest_path=None):
    df = ok_runs(read_results(results_path))
    df = df[df["scenario"] == scenario]
    if df.empty or df["arrival_rate_hz"].nunique() < 2:
        sys.exit(f"{results_path}: scenario '{scenario}' has no arrival_rate_hz sweep to plot")
    name = out_path.rsplit("/", 1)[-1]
    manifest = Manifest(manifest_path)
    df = pool_seeds(df, name)
    df = df.assign(load=df["cells"] * df["phones"] * df["arrival_rate_hz"])
    groups = cap_facets(scenario_facets(df, ["seed", "mode", "arrival_rate_hz"]), name, manifest)
    fig, axes = scenario_panels(len(METRICS), len(groups), 5.5, 3.2, min_width=11)
    policies = list(dict.fromkeys(df["policy"]))
    for col, (values, rows) in enumerate(groups):
        draw_panel(axes, col, rows, policies)
        rest = {k: v for k, v in values.items() if k != "scenario"}
        note = overload_note(rows)
        axes[0][col].set_title("\n".join(filter(None, [describe(rest), note])), fontsize=8)
        for row, (_, label) in enumerate(METRICS):
            axes[row][col].set_ylabel(label)
            axes[row][col].grid(alpha=0.3)
        axes[1][col].set_xlabel("offered load (requests/s, all phones)")
        manifest.drawn(name, rows)
    fig.suptitle(figure_title(df, scenario))
    bands = legend(fig, df, policies)
    fig.tight_layout(rect=(0, (0.1 + 0.2 * bands) / fig.get_figheight(), 1, 1))
    fig.savefig(out_path, dpi=110)
    manifest.write()
    print(f"wrote {out_path}")


def arguments():
    parser = argparse.ArgumentParser(usage=__doc__.split("\n")[2].replace("usage: ", ""),
                                     description=__doc__.split("\n")[0])
    parser.add_argument("results")
    parser.add_argument("scenario")
    parser.add_argument("out")
    parser.add_argument("--manifest", metavar="FILE", help="write a line per row drawn, with its inputs")
    return parser.parse_args()


if __name__ == "__main__":
    a = arguments()
    main(a.results, a.scenario, a.out, a.manifest)
