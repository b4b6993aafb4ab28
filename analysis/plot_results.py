#!/usr/bin/python3
"""Draw accuracy, mean latency, phone energy and GFLOPs per policy from a muxsim results.csv.

usage: /usr/bin/python3 analysis/plot_results.py RESULTS.csv OUT.png [--manifest FILE]

Bars per policy, closed-form and simulated side by side, in one column of panels per run
point: a scenario, and each combination of the inputs it sweeps (any column between
`requests` and `accuracy`: bandwidth, phones, load, ...), named in the column's title. Three
columns to a band (figure_grid.py); at most 12 columns, or one per scenario when there are
more scenarios, the rest dropped and listed on stdout. Seeds are pooled as their mean, said
on stdout. An overloaded run (column `overload`) is a hollow bar, and the axes are scaled to
the stable runs: a bar beyond the top ends in an arrow with its value. --manifest FILE
writes a line per row drawn or dropped, with its inputs. Reads the CSV as it is written: no
cleanup needed.
"""
import argparse
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import _muxsim_path  # noqa: F401,E402  (python/ on sys.path: muxsim.results reads the files)
from muxsim.results import ok_runs, read_results  # noqa: E402
from figure_grid import (Manifest, cap_facets, clip_to_stable, describe, overload_handles,  # noqa: E402
                         overload_note, overloaded, pool_seeds, scenario_facets, scenario_panels)

# metric, axis label, and whether an overloaded run's value may run away (then the axis is
# scaled to the stable runs).
METRICS = [
    ("accuracy", "top-1 accuracy", False),
    ("latency_ms_mean", "mean latency (ms)", True),
    ("phone_energy_mj", "phone energy per inference (mJ)", True),
    ("total_gflops", "GFLOPs per inference", False),
]
MODES = ["closed-form", "simulated"]


def draw_bars(ax, rows, metric, runaway):
    """A bar per policy and mode, hollow when the run was overloaded."""
    policies = list(dict.fromkeys(rows["policy"]))
    modes = [m for m in MODES if m in set(rows["mode"])] + sorted(set(rows["mode"]) - set(MODES))
    width = 0.8 / len(modes)
    values, over = [], []
    for i, mode in enumerate(modes):
        colour = f"C{i}"
        for j, policy in enumerate(policies):
            r = rows[(rows["policy"] == policy) & (rows["mode"] == mode)]
            if r.empty:
                continue
            x, y, o = j - 0.4 + width * (i + 0.5), r[metric].iloc[0], bool(overloaded(r).iloc[0])
            fill = dict(facecolor="white", edgecolor=colour, hatch="//") if o else dict(color=colour)
            ax.bar(x, y, width, **fill)
            values.append((y, o))
            if o:
                over.append((x, y, colour))
    ax.set_xticks(range(len(policies)), policies, rotation=20, fontsize=8)
    if runaway:
        clip_to_stable(ax, values, over, zero=True)
    return modes


def column_title(values, rows):
    """The scenario, the run point's swept values, its trace and any overloaded resources."""
    rest = {k: v for k, v in values.items() if k != "scenario"}
    head = f"{values['scenario']}: {describe(rest)}" if rest else str(values["scenario"])
    traces = ", ".join(dict.fromkeys(rows["trace"].astype(str))) if "trace" in rows else ""
    lines = [head] + ([f"(trace: {traces})"] if traces else []) + [overload_note(rows)]
    return "\n".join(line for line in lines if line)


def draw_column(axes, col, values, rows):
    modes = []
    for row, (metric, label, runaway) in enumerate(METRICS):
        ax = axes[row][col]
        modes = draw_bars(ax, rows, metric, runaway)
        if (rows[metric] == 0).all():
            # Table II reports cloud-side figures only: say so rather than leave it blank.
            ax.text(0.5, 0.5, f"no {label.split(' (')[0]} in this scenario", ha="center",
                    va="center", transform=ax.transAxes, fontsize=8)
        ax.set_ylabel(label)
    axes[0][col].set_title(column_title(values, rows), fontsize=9)
    return modes


def main(results_path, out_path, manifest_path=None):
    df = ok_runs(read_results(results_path))
    if df.empty:
        sys.exit(f"{results_path}: no successful rows to plot")
    name = out_path.rsplit("/", 1)[-1]
    manifest = Manifest(manifest_path)
    groups = cap_facets(scenario_facets(pool_seeds(df, name), ["seed", "mode"]), name, manifest)
    fig, axes = scenario_panels(len(METRICS), len(groups), 5.5, 11 / len(METRICS))
    modes = []
    for col, (values, rows) in enumerate(groups):
        modes += draw_column(axes, col, values, rows)
        manifest.drawn(name, rows)
    modes = list(dict.fromkeys(modes))
    handles = [plt.Rectangle((0, 0), 1, 1, color=f"C{i}", label=m) for i, m in enumerate(modes)]
    handles += overload_handles(overloaded(df).any())
    fig.legend(handles=handles, loc="lower center", ncol=len(handles), title="mode")
    fig.tight_layout(rect=(0, 0.9 / fig.get_figheight(), 1, 1))
    fig.savefig(out_path, dpi=110)
    manifest.write()
    print(f"wrote {out_path}")


def arguments():
    parser = argparse.ArgumentParser(usage=__doc__.split("\n")[2].replace("usage: ", ""),
                                     description=__doc__.split("\n")[0])
    parser.add_argument("results")
    parser.add_argument("out")
    parser.add_argument("--manifest", metavar="FILE", help="write a line per row drawn or dropped, with its inputs")
    return parser.parse_args()


if __name__ == "__main__":
    a = arguments()
    main(a.results, a.out, a.manifest)
