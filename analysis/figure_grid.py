"""Panels for many scenarios side by side, wrapped so a figure stays under 2,000 pixels wide.

scenario_panels(rows, scenarios, ...) returns the figure and axes[row][scenario]: each
scenario is a column of `rows` panels, and after MAX_COLUMNS scenarios the columns wrap into
another band of rows. Grid cells left over in the last band are hidden.

It also holds what the plot scripts share about sweeps: a group per combination of the inputs
that vary (facets), seeds pooled as a mean and said so (pool_seeds), overloaded runs drawn
hollow and the axes scaled to the stable ones (plot_series, clip_to_stable), and the manifest
of what was drawn (Manifest). Which columns are inputs, which vary, which runs overloaded and
how seeds pool is the package's (muxsim.results), re-exported here for the scripts.
"""
import _muxsim_path  # noqa: F401  (python/ on sys.path, for muxsim.results)
import matplotlib.pyplot as plt
import pandas as pd
from muxsim import results as muxsim_results
# What reading results.csv means lives in the package; the plot scripts import it from here.
from muxsim.results import input_columns, overloaded, swept_keys, value_text  # noqa: F401

MAX_COLUMNS = 3


def scenario_panels(rows, scenarios, column_width, row_height, min_width=0, sharex=False):
    columns = min(scenarios, MAX_COLUMNS)
    bands = -(-scenarios // columns)
    width = max(column_width * columns, min_width)
    fig, grid = plt.subplots(rows * bands, columns, figsize=(width, row_height * rows * bands),
                             squeeze=False)

    def cell(row, scenario):
        return grid[(scenario // columns) * rows + row][scenario % columns]

    axes = [[cell(r, s) for s in range(scenarios)] for r in range(rows)]
    for s in range(scenarios, bands * columns):
        for r in range(rows):
            cell(r, s).set_visible(False)
    if sharex:
        for s in range(scenarios):
            for r in range(1, rows):
                axes[r][s].sharex(axes[0][s])
    return fig, axes


# ---- Sweeps: which inputs vary, facets over them, seeds pooled, overloaded runs drawn apart ----

# Readable labels for a few inputs; any other input is shown as key=value.
UNITS = {"bandwidth_mbps": "{} Mbit/s", "cells": "{} cell(s)", "phones": "{} phones/cell",
         "arrival_rate_hz": "{} req/s/phone", "deadline_ms": "{} ms deadline", "seed": "seed {}"}


def label(key, v):
    text = value_text(v)
    if key in UNITS and "|" not in text:
        try:
            return UNITS[key].format(f"{float(text):g}")
        except ValueError:
            pass
    return f"{key}={text}"


def describe(values):
    """'10 Mbit/s, 4 phones/cell' for a facet's {key: value}."""
    return ", ".join(label(k, v) for k, v in values.items())


def overload_note(rows):
    """'overloaded (hollow): air, air+cloud (load up to 9.98x)', or '' when every run is stable."""
    over = rows[overloaded(rows)]
    if over.empty:
        return ""
    note = "overloaded (hollow): " + ", ".join(sorted(set(over["overload"].astype(str))))
    if "load_max" in over.columns and over["load_max"].notna().any():
        note += f" (load up to {over['load_max'].max():.3g}x)"
    return note


def pool_seeds(rows, figure):
    """muxsim.results.pool_seeds, saying on stdout which seeds `figure` pooled as a mean."""
    pooled = muxsim_results.pool_seeds(rows)
    if pooled is not rows:
        seeds = sorted(rows["seed"].unique())
        print(f"{figure}: seeds {','.join(value_text(s) for s in seeds)} pooled as mean")
    return pooled


def facets(rows, keys):
    """[(values, rows)]: one group per combination of `keys`, by value. With no keys, one
    group of every row."""
    if not keys:
        return [({}, rows)]
    groups = []
    # A single key is passed bare: pandas warns about a one-element list.
    for values, group in rows.groupby(keys if len(keys) > 1 else keys[0], sort=True, dropna=False):
        values = values if isinstance(values, tuple) else (values,)
        groups.append((dict(zip(keys, values)), group))
    return groups


def scenario_facets(rows, exclude=()):
    """A group per scenario (in file order) and combination of the inputs that vary within it,
    other than `exclude`; each group's values name its scenario and those inputs only."""
    groups = []
    for scenario in dict.fromkeys(rows["scenario"]):
        mine = rows[rows["scenario"] == scenario]
        keys = swept_keys(mine, exclude=["scenario", *exclude])
        groups += [({"scenario": scenario, **values}, g) for values, g in facets(mine, keys)]
    return groups


class Manifest:
    """What a script drew: one line per drawn (or dropped) row, listing every input and the
    policy (and `overload=` when it was drawn as overloaded), so a test can check each run
    point reached a figure. Written with --manifest."""

    def __init__(self, path):
        self.path = path
        self.lines = []

    def add(self, verb, figure, rows, why=""):
        keys = input_columns(rows) + (["policy"] if "policy" in rows.columns else [])
        for (_, r), over in zip(rows.iterrows(), overloaded(rows)):
            line = f"{verb} {figure}: " + "; ".join(f"{k}={value_text(r[k])}" for k in keys)
            line += f"; overload={r['overload']}" if over else ""
            self.lines.append(line + (f" ({why})" if why else ""))

    def drawn(self, figure, rows):
        self.add("drawn", figure, rows)

    def dropped(self, figure, rows, why):
        self.add("dropped", figure, rows, why)

    def write(self):
        if self.path:
            with open(self.path, "w") as f:
                f.writelines(line + "\n" for line in self.lines)


def clip_to_stable(ax, values, over, log=False, axis="y", zero=False):
    """Scale an axis so an overloaded run's runaway value does not flatten the stable ones: its
    top comes from the stable points only (its bottom from every point, as runaway values only
    grow). An overloaded point beyond the top is marked at the edge with an arrow and its value.
    values: (value, overloaded) pairs of every point in the panel along that axis; over:
    (x, y, colour) of the overloaded points. zero: the axis starts at 0 (bars)."""
    usable = [(v, o) for v, o in values if pd.notna(v) and (v > 0 or not log)]
    stable = [v for v, o in usable if not o]
    if not stable:
        return  # nothing stable to scale to: matplotlib's own limits show the overloaded runs
    lo, hi = min(v for v, _ in usable), max(stable)
    if log:
        lo, hi = lo / 1.6, hi * 1.6
    else:
        pad = (hi - lo) * 0.08 or abs(hi) * 0.1 or 1.0
        lo, hi = (max(lo - pad, 0) if lo >= 0 else lo - pad), hi + pad
    if zero:
        lo = min(lo, 0)
    (ax.set_ylim if axis == "y" else ax.set_xlim)(lo, hi)
    stacked = {}  # labels already at an edge position, so the next one goes below them
    for x, y, colour in over:
        v = y if axis == "y" else x
        if pd.isna(v) or v <= hi:
            continue
        at = (x, hi) if axis == "y" else (hi, y)
        k = stacked[at] = stacked.get(at, -1) + 1
        arrow, offset = ("$\\uparrow$", (4, -2 - 7 * k)) if axis == "y" else ("$\\rightarrow$", (-6, 6 + 7 * k))
        ax.plot([at[0]], [at[1]], marker=arrow, ms=11, color=colour, clip_on=False, linestyle="none")
        if axis == "x":
            continue  # a row of values along the right edge would pile up: the arrow says enough
        ax.annotate(f"{v:.3g}", at, xytext=offset, textcoords="offset points", fontsize=6,
                    color=colour, annotation_clip=False)


def panel_budget(sizes, limit):
    """Panels each scenario keeps, `limit` in all (at least one each): the smaller scenarios
    keep all theirs, the larger share what is left equally."""
    keep, left = {}, max(limit, len(sizes))
    for i, (scenario, n) in enumerate(sorted(sizes.items(), key=lambda s: s[1])):
        keep[scenario] = max(1, min(n, left // (len(sizes) - i)))
        left -= keep[scenario]
    return keep


def cap_facets(groups, figure, manifest, limit=12):
    """At most `limit` panels in a figure (or one per scenario, if there are more), rather than
    a figure too tall to read; each scenario keeps its first ones (panel_budget). The rest are
    dropped, and said so on stdout and in the manifest."""
    names = [str(v.get("scenario", "")) for v, _ in groups]
    keep = panel_budget({s: names.count(s) for s in dict.fromkeys(names)}, limit)
    kept, left, seen = [], [], {}
    for name, group in zip(names, groups):
        seen[name] = seen.get(name, 0) + 1
        (kept if seen[name] <= keep[name] else left).append(group)
    if left:
        print(f"{figure}: {len(left)} of {len(groups)} panels dropped (at most {limit} in a figure): "
              + "; ".join(describe(v) for v, _ in left))
    for _, rows in left:
        manifest.dropped(figure, rows, f"past the {limit} panels a figure holds")
    return kept


def plot_series(ax, x, y, over, style, label):
    """A policy's line through every point: stable points filled, overloaded ones hollow.
    Returns (values, overloaded points) for clip_to_stable."""
    x, y, over = list(x), list(y), list(over)
    line = {k: v for k, v in style.items() if k != "marker"}
    ax.plot(x, y, label=label, **line)
    marker, colour, ms = style.get("marker"), style.get("color"), style.get("ms", 4)
    if marker:
        stable = [i for i, o in enumerate(over) if not o]
        ax.plot([x[i] for i in stable], [y[i] for i in stable], linestyle="none", marker=marker,
                color=colour, ms=ms)
        hollow = [i for i, o in enumerate(over) if o]
        ax.plot([x[i] for i in hollow], [y[i] for i in hollow], linestyle="none", marker=marker,
                mfc="white", mec=colour, ms=ms + 2)
    return list(zip(y, over)), [(x[i], y[i], colour) for i, o in enumerate(over) if o]


def overload_handles(any_overloaded):
    """Legend entries explaining the hollow marker and the arrow, when a figure has either."""
    if not any_overloaded:
        return []
    return [plt.Line2D([], [], marker="o", mfc="white", mec="black", linestyle="none",
                       label="overloaded run (hollow)"),
            plt.Line2D([], [], marker="$\\uparrow$", color="black", ms=10, linestyle="none",
                       label="overloaded, off the scale")]
