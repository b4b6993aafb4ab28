#!/usr/bin/python3
"""Draw where a scenario's phones walk, the Wi-Fi rate they get, and what distance costs.

usage: /usr/bin/python3 analysis/plot_mobility.py SCENARIO.ini RUN_DIR --out DIR
           [--muxsim PATH] [--point N] [--phones N] [--phone P] [--until S] [--bin-m M] [--svg]

SCENARIO.ini has a [mobility] section (access points, and phones that walk); RUN_DIR is what
`muxsim run SCENARIO.ini --out RUN_DIR --requests RUN_DIR/requests.csv.gz` wrote. The walks
come from `muxsim walks` (the binary: --muxsim, else $MUXSIM, else build/muxsim), for one run
point of the sweep (--point, default 0, the first seed), over --until seconds (default: as
long as that run point's simulated requests span, at most 600). Three figures, in DIR:
  mobility_map.png       the access points with their range circles, and the paths of
                         phones 0 to N - 1 (--phones, default 4), each stretch coloured by the
                         PHY rate the phone had there, grey and dotted where it had no link
  mobility_rate.png      one phone (--phone; default: of the mapped phones out of range for
                         a while, the one that roamed most): its PHY rate over time and its
                         distance to the access point serving it, handovers as vertical
                         lines, time out of range shaded
  mobility_latency.png   from the request log, simulated runs of the scenario, seeds pooled:
                         per policy, the median latency of offloaded (edge or cloud) requests
                         in --bin-m metre bins (default 5) of the phone's distance to its
                         access point when the request started, and the share of all its
                         requests answered after the deadline; requests that started with no
                         link are the last column (their medians, seconds long, are written at
                         the top). A bin with fewer than 20 requests is left out; the rate of
                         each ring of distance is written at the top. A line per policy on
                         stdout gives the nearest and farthest bins' and the no-link medians.
The range and the rate steps are computed from the scenario's [propagation] keys and rate
table as muxsim does (src/core/model/propagation.hpp). The walks follow the scenario file as
written: a run made with --set keys that move phones (load.phones, mobility.*) draws other
walks than it ran. Bad input (a missing file, a scenario without [mobility], a run folder
without the request log or without the scenario's simulated rows) stops with one line on
stderr and exit status 2.
"""
import argparse
import io
import math
import os
import shutil
import subprocess
import sys
import zlib

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import _muxsim_path  # noqa: F401,E402  (python/ on sys.path: muxsim.results reads the files)
import pandas as pd  # noqa: E402
from matplotlib.collections import LineCollection  # noqa: E402
from muxsim.results import input_columns, ok_runs, read_requests, read_results, with_runs  # noqa: E402
from plot import PALETTE, style  # noqa: E402  (the policies' colours and markers, as plot.py)

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DPI = 110
MIN_COUNT = 20  # requests a latency bin needs to be drawn
UNTIL_S = 600  # seconds of walking drawn by default, at most
NO_LINK = "#9a9a9a"
# ns-3 3.37's defaults, as src/core/base/scenario.hpp's PropagationConfig and the HT/OFDM
# channel of every modelled rate (20 MHz); thermal noise kT at 290 K in dBm/Hz.
PROPAGATION = {"path_loss_exponent": 3.0, "reference_loss_db": 46.6777, "reference_distance_m": 1.0,
               "tx_power_dbm": 16.0206, "noise_figure_db": 7.0, "min_rssi_dbm": -82.0}
THERMAL_DBM_PER_HZ = -173.977
CHANNEL_HZ = 20e6


def die(message):
    """Bad input: one line on stderr, exit 2 (as muxsim's own bad input)."""
    print(f"plot_mobility.py: {message}", file=sys.stderr)
    sys.exit(2)


# ---- The scenario: its keys, as muxsim's reader takes them ----

def read_ini(path):
    """{"section.key": value} (top-level keys bare). As muxsim: lines starting with # or ;
    are comments, and # starts a comment anywhere on a line (Boost's INI parser)."""
    keys, section = {}, ""
    try:
        with open(path, encoding="utf-8-sig") as f:
            lines = f.read().splitlines()
    except (OSError, UnicodeDecodeError) as e:
        die(f"{path}: cannot read the scenario ({e})")
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith(";"):
            continue
        if line.startswith("["):
            section = line.strip("[] \t")
        elif "=" in line:
            key, value = (part.strip() for part in line.split("=", 1))
            keys[f"{section}.{key}" if section else key] = value
    return keys


def number(keys, key, default, where):
    text = keys.get(key)
    if text is None:
        return default
    try:
        return float(text)
    except ValueError:
        die(f"{where}: {key} = {text!r} is not one number (a sweep cannot be drawn)")


def access_points(keys, scenario):
    """The access points, cell i at entry i: an x:y list or a CSV file of x,y rows."""
    text = keys.get("mobility.access_points", "")
    if not text:
        die(f"{scenario}: has no [mobility] access_points: its phones do not walk")
    path = os.path.join(os.path.dirname(os.path.abspath(scenario)), text)
    if os.path.isfile(path):
        table = pd.read_csv(path)
        if not {"x", "y"} <= set(table.columns):
            die(f"{path}: access points need columns x and y")
        return list(zip(table["x"].astype(float), table["y"].astype(float)))
    try:
        return [tuple(float(v) for v in item.split(":")) for item in text.split(",")]
    except ValueError:
        die(f"{scenario}: access_points = {text!r} is not x:y, ... in metres")


def area(keys):
    """(W, H) from area_m = W x H, or None."""
    text = keys.get("mobility.area_m", "").lower().replace(" ", "")
    try:
        width, height = (float(v) for v in text.split("x"))
        return width, height
    except ValueError:
        return None


class Radio:
    """Received power against distance and the rate steps, as src/core/model/propagation.cpp."""

    def __init__(self, keys, scenario):
        self.p = {k: number(keys, f"propagation.{k}", v, scenario) for k, v in PROPAGATION.items()}
        self.noise_dbm = THERMAL_DBM_PER_HZ + 10 * math.log10(CHANNEL_HZ) + self.p["noise_figure_db"]
        self.steps = self.rate_steps(keys, scenario)  # (phy_mbps, min_snr_db), ascending

    def rate_steps(self, keys, scenario):
        standard = keys.get("network.wifi_standard", "none")
        table = keys.get("propagation.rate_table")
        path = (os.path.join(os.path.dirname(os.path.abspath(scenario)), table) if table
                else os.path.join(ROOT, "models", "wifi-rate-thresholds.csv"))
        try:
            rows = pd.read_csv(path)
            rows = rows[rows["standard"] == standard]
        except (OSError, KeyError, pd.errors.ParserError) as e:
            die(f"{path}: cannot read the rate table ({e})")
        if rows.empty:
            die(f"{scenario}: wifi_standard = {standard}: no PHY rates to draw (802.11g or 802.11n)")
        return sorted(zip(rows["phy_mbps"].astype(float), rows["min_snr_db"].astype(float)),
                      key=lambda s: s[1])

    def distance_m(self, rx_dbm):
        """Where the received power falls to rx_dbm (the reference distance for any stronger)."""
        p = self.p
        d = p["reference_distance_m"] * 10 ** ((p["tx_power_dbm"] - p["reference_loss_db"] - rx_dbm)
                                               / (10 * p["path_loss_exponent"]))
        return max(d, p["reference_distance_m"])

    def range_m(self):
        return self.distance_m(max(self.p["min_rssi_dbm"], self.noise_dbm + self.steps[0][1]))

    def rate_regions(self):
        """(phy_mbps, from_m, to_m) for each rate a phone in range gets, nearest first: a rate
        holds while the SNR is above its threshold and below the next one's."""
        regions, outer = [], self.range_m()
        for i, (rate, snr) in enumerate(self.steps):
            inner = self.distance_m(self.noise_dbm + self.steps[i + 1][1]) if i + 1 < len(self.steps) else 0.0
            near, far = min(inner, self.range_m()), min(self.distance_m(self.noise_dbm + snr), outer)
            if far > near:
                regions.append((rate, near, far))
        return sorted(regions, key=lambda r: r[1])


# ---- The walks and the run ----

def find_muxsim(given):
    built = os.path.join(ROOT, "build", "muxsim")
    path = given or os.environ.get("MUXSIM") or (built if os.path.exists(built) else shutil.which("muxsim"))
    if not path or not os.access(path, os.X_OK):
        die(f"no muxsim binary ({path or 'none found'}): build it, set MUXSIM or pass --muxsim")
    return path


def walks(muxsim, scenario, point, phones, until_s):
    """`muxsim walks` as a DataFrame; muxsim's own message when it refuses."""
    command = [muxsim, "walks", scenario, "--point", str(point), "--phones", str(phones),
               "--until", f"{until_s:g}"]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        message = done.stderr.strip().splitlines()
        die(f"muxsim walks: {message[-1] if message else f'exit {done.returncode}'}")
    w = pd.read_csv(io.StringIO(done.stdout))
    if w.empty:
        die(f"muxsim walks printed no rows for {scenario}")
    return w


def read_run(run_dir, name):
    """The scenario's ok simulated results rows, and its simulated requests with their policy."""
    results_path = os.path.join(run_dir, "results.csv")
    log = os.path.join(run_dir, "requests.csv.gz")
    for path, what in ((results_path, "muxsim run --out"), (log, "muxsim run --requests")):
        if not os.path.isfile(path):
            die(f"{path}: missing (write it with `{what}`)")
    try:
        results = read_results(results_path)
        if not {"run", "status", "mode", "scenario", "policy"} <= set(results.columns):
            die(f"{results_path}: not muxsim's results (no run, status, mode, scenario, policy)")
        results = ok_runs(results, "simulated")
        results = results[results["scenario"] == name]
        if results.empty:
            die(f"{results_path}: no successful simulated rows of scenario '{name}'")
        requests = read_requests(log)
    except (OSError, EOFError, UnicodeDecodeError, zlib.error, pd.errors.ParserError,
            pd.errors.EmptyDataError) as e:
        die(f"{run_dir}: cannot read the run ({e})")
    missing = [c for c in ("run", "cell", "distance_m", "latency_ms", "placement", "start_s")
               if c not in requests.columns]
    if missing:
        die(f"{log}: lacks column(s) {', '.join(missing)}: not a run of a scenario with [mobility]")
    requests = with_runs(requests, results, ["policy"])
    if requests.empty:
        die(f"{log}: no request of the scenario's simulated runs (is it the same run's log?)")
    return results, requests


def point_runs(results, point):
    """The results rows of run point `point` (the sweep's run points in run order)."""
    keys = [c for c in input_columns(results) if c != "mode"]
    points = results.sort_values("run").drop_duplicates(keys)
    if point >= len(points):
        die(f"--point {point}: the run has {len(points)} run point(s)")
    chosen = points.iloc[point]
    same = (results[keys] == chosen[keys]) | (results[keys].isna() & chosen[keys].isna())
    return results[same.all(axis=1)], chosen


# ---- Figure (a): the map ----

def intervals(rows, until_s):
    """(start, end, row) for each of a phone's rows, the last ending at until_s."""
    rows = rows.sort_values("time_s")
    times = list(rows["time_s"]) + [until_s]
    return [(times[i], times[i + 1], rows.iloc[i]) for i in range(len(rows))]


def segments(rows, until_s):
    """Each row's stretch of path: along its own leg from its time to the next row's (the
    last to until_s), with its rate and cell."""
    out = []
    for start, end, r in intervals(rows, until_s):
        out.append(((r["x_m"], r["y_m"]), tuple(position(r, end)), r["phy_mbps"], r["cell"]))
    return out


def position(row, t):
    """Where a row's leg has the phone at time t (linear from the row's time to the leg's end)."""
    start = np.array([row["x_m"], row["y_m"]], float)
    end_s = row["leg_end_s"]
    if not np.isfinite(end_s) or end_s <= row["time_s"]:
        return start
    to = np.array([row["to_x_m"], row["to_y_m"]], float)
    f = min(max((t - row["time_s"]) / (end_s - row["time_s"]), 0.0), 1.0)
    return start + f * (to - start)


def rate_colours(radio):
    """A colour per rate a phone in range can get, slow dark to fast light (viridis)."""
    cmap = plt.get_cmap("viridis")
    rates = sorted(rate for rate, _, _ in radio.rate_regions())
    return {r: cmap(0.15 + 0.8 * i / max(len(rates) - 1, 1)) for i, r in enumerate(rates)}


def draw_access_points(ax, aps, radio):
    for cell, (x, y) in enumerate(aps):
        ax.add_patch(plt.Circle((x, y), radio.range_m(), fill=True, alpha=0.06, color="black"))
        ax.add_patch(plt.Circle((x, y), radio.range_m(), fill=False, ls="--", lw=0.8, color="black"))
        ax.plot(x, y, marker="^", ms=10, color="black", linestyle="none")
        ax.annotate(f"cell {cell}", (x, y), xytext=(6, 6), textcoords="offset points", fontsize=8)


def map_figure(w, aps, radio, bounds, until_s, title, out):
    colours = rate_colours(radio)
    fig, ax = plt.subplots(figsize=(9.5, 7.5))
    if bounds:
        ax.add_patch(plt.Rectangle((0, 0), *bounds, fill=False, lw=1, color="grey"))
    draw_access_points(ax, aps, radio)
    for phone, rows in w.groupby("phone"):
        for start, end, rate, cell in segments(rows, until_s):
            xs, ys = [start[0], end[0]], [start[1], end[1]]
            if cell < 0:
                ax.plot(xs, ys, color=NO_LINK, ls=":", lw=1.6)
            else:
                ax.add_collection(LineCollection([[start, end]], colors=[colours.get(rate, "red")], lw=2.2))
        first = rows.sort_values("time_s").iloc[0]
        ax.plot(first["x_m"], first["y_m"], marker="o", ms=6, mfc="white", mec="black")
        ax.annotate(f"phone {phone}", (first["x_m"], first["y_m"]), xytext=(5, -12),
                    textcoords="offset points", fontsize=8)
    handles = [plt.Line2D([], [], color=c, lw=3, label=f"{r:g} Mbit/s") for r, c in colours.items()]
    handles += [plt.Line2D([], [], color=NO_LINK, ls=":", lw=2, label="no link"),
                plt.Line2D([], [], marker="^", color="black", ls="none", label="access point"),
                plt.Line2D([], [], ls="--", color="black", lw=0.8,
                           label=f"range ({radio.range_m():.1f} m)"),
                plt.Line2D([], [], marker="o", mfc="white", mec="black", ls="none", label="start")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1), fontsize=8, frameon=False)
    ax.set_aspect("equal")
    ax.autoscale_view()
    ax.set_xlabel("x (m)")
    ax.set_ylabel("y (m)")
    ax.set_title(title, fontsize=9)
    fig.tight_layout()
    save(fig, out)


# ---- Figure (b): one phone's rate over time ----

def pick_phone(w):
    """The phone that roamed most among those that were out of range for a while (more than a
    handover's gap), so the figure shows both; else the one that roamed most."""
    handovers = w.groupby("phone")["handover"].sum()
    out = set()
    for phone, rows in w.groupby("phone"):
        spans = intervals(rows, rows["time_s"].max())
        if any(end - start > 1 and r["cell"] < 0 for start, end, r in spans):
            out.add(phone)
    candidates = handovers[handovers.index.isin(out)] if out else handovers
    return int(candidates.idxmax())


def distance_line(ax, start, end, row, ap, colour):
    """The phone's distance to its access point from start to end, sampled each second."""
    t = np.linspace(start, end, max(2, int(math.ceil(end - start)) + 1))
    xy = np.array([position(row, v) for v in t])
    ax.plot(t, np.hypot(*(xy - np.array(ap)).T), color=colour, lw=1.6)


def rate_figure(rows, aps, radio, rssi_dbm, until_s, title, out):
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(11, 6), sharex=True)
    spans = intervals(rows, until_s)
    rates = [r["phy_mbps"] for _, _, r in spans]
    top.step([s for s, _, _ in spans] + [until_s], rates + rates[-1:], where="post", color="black", lw=1.4)
    colour = {c: PALETTE[c % len(PALETTE)] for c in range(len(aps))}
    for start, end, r in spans:
        if r["cell"] >= 0:
            distance_line(bottom, start, end, r, aps[int(r["cell"])], colour[int(r["cell"])])
        elif end - start > 0.5:  # out of range (a handover's gap is too short to shade)
            for ax in (top, bottom):
                ax.axvspan(start, end, color=NO_LINK, alpha=0.35, lw=0)
    for t in rows[rows["handover"] == 1]["time_s"]:
        for ax in (top, bottom):
            ax.axvline(t, color="crimson", ls="--", lw=0.9)
    roam_m = radio.distance_m(rssi_dbm)
    bottom.axhline(roam_m, color="grey", ls=":", lw=1)
    bottom.axhline(radio.range_m(), color="grey", ls="--", lw=1)
    top.set_ylabel("PHY rate (Mbit/s)")
    top.set_ylim(bottom=0)
    bottom.set_ylabel("distance to its access point (m)")
    bottom.set_xlabel("time (s)")
    bottom.set_xlim(0, until_s)
    cells = sorted({int(r["cell"]) for _, _, r in spans if r["cell"] >= 0})
    handles = [plt.Line2D([], [], color=colour[c], lw=2, label=f"cell {c} ({aps[c][0]:g}:{aps[c][1]:g})")
               for c in cells]
    handles += [plt.Line2D([], [], color="crimson", ls="--", label="handover"),
                plt.Rectangle((0, 0), 1, 1, color=NO_LINK, alpha=0.35, label="out of range"),
                plt.Line2D([], [], color="grey", ls=":", label=f"looks for another below\n"
                           f"{rssi_dbm:g} dBm ({roam_m:.1f} m)"),
                plt.Line2D([], [], color="grey", ls="--", label=f"range ({radio.range_m():.1f} m)")]
    fig.legend(handles=handles, loc="center right", fontsize=8, frameon=False)
    for ax in (top, bottom):
        ax.grid(alpha=0.3)
    top.set_title(title, fontsize=9)
    fig.tight_layout(rect=(0, 0, 0.8, 1))
    save(fig, out)


# ---- Figure (c): latency against distance ----

def binned(q, edges, value):
    """value(requests) per distance bin, then for the requests that started with no link;
    None where there are fewer than MIN_COUNT requests."""
    linked = q[q["cell"] >= 0]
    which = np.digitize(linked["distance_m"], edges[1:-1])
    groups = [linked[which == b] for b in range(len(edges) - 1)] + [q[q["cell"] < 0]]
    return [value(g) if len(g) >= MIN_COUNT else None for g in groups]


def latency_figure(results, q, radio, bin_m, title, out):
    deadline = results["deadline_ms"].max() if "deadline_ms" in results else 0
    edges = np.append(np.arange(0, radio.range_m() - 1e-9, bin_m), radio.range_m())
    x = list((edges[:-1] + edges[1:]) / 2) + [radio.range_m() + 1.5 * bin_m]
    panels = 2 if deadline > 0 else 1
    fig, axes = plt.subplots(1, panels, figsize=(6.4 * panels, 5), squeeze=False)
    axes = axes[0]
    policies = list(dict.fromkeys(results["policy"]))
    beyond = []
    for policy in policies:
        p = q[q["policy"] == policy]
        offloaded = p[p["placement"].isin(["edge", "cloud"])]
        st = style(policies, policy)
        medians = binned(offloaded, edges, lambda g: g["latency_ms"].median())
        plot_bins(axes[0], x, medians, st, policy)
        beyond.append((medians[-1], st))
        if panels == 2:
            misses = binned(p, edges, lambda g: (g["latency_ms"] > deadline).mean())
            plot_bins(axes[1], x, misses, st, policy, last=True)
        report(policy, p, offloaded, medians)
    no_link_column(axes[0], x[-1], beyond)
    axes[0].set_ylabel("median latency of offloaded requests (ms)")
    axes[0].legend(fontsize=8, loc="upper left", frameon=False)
    if panels == 2:
        axes[1].set_ylabel(f"share of all requests answered after {deadline:g} ms")
        axes[1].set_ylim(-0.02, 1.02)
    else:
        print("mobility_latency: no deadline in the results: the deadline-miss panel is left out")
    for ax in axes:
        distance_axis(ax, radio, x, bin_m)
    fig.suptitle(title, fontsize=9)
    fig.tight_layout()
    save(fig, out)


def plot_bins(ax, x, values, st, label, last=False):
    """A policy's binned values as a line across the distance bins; with `last`, the no-link
    value too, apart from the line."""
    near = [(a, v) for a, v in zip(x[:-1], values[:-1]) if v is not None]
    if near:
        ax.plot(*zip(*near), label=label, **st)
    if last and values[-1] is not None:
        ax.plot([x[-1]], [values[-1]], marker=st["marker"], color=st["color"], ms=7, linestyle="none")


def no_link_column(ax, x, values):
    """The no-link medians are seconds where the rest are tens of ms: the axis stays scaled to
    the linked requests, and each no-link median is a marker at the top with its value."""
    ax.set_ylim(0, ax.get_ylim()[1] * 1.25)
    top = ax.get_ylim()[1]
    drawn = [(v, st) for v, st in values if v is not None]
    for i, (v, st) in enumerate(drawn):
        y = top * (0.93 - 0.09 * i)
        ax.plot([x], [y], marker=st["marker"], color=st["color"], ms=7, linestyle="none")
        text = f"{v / 1000:.1f} s" if v >= 1000 else f"{v:.0f} ms"
        ax.annotate(text, (x, y), xytext=(-8, 0), textcoords="offset points", fontsize=7,
                    ha="right", va="center", color=st["color"])


def distance_axis(ax, radio, x, bin_m):
    """Distance ticks, the range, the rate of each ring (labelled at the top) and the no-link
    column, shaded."""
    for rate, near, far in radio.rate_regions():
        if near > 0:
            ax.axvline(near, color="grey", ls=":", lw=0.8)
        ax.annotate(f"{rate:g}", ((near + far) / 2, 1), xycoords=("data", "axes fraction"),
                    xytext=(0, -10), textcoords="offset points", fontsize=7, ha="center", color="grey")
    ax.axvline(radio.range_m(), color="black", ls="--", lw=0.8)
    ax.axvspan(radio.range_m() + 0.5 * bin_m, x[-1] + bin_m, color=NO_LINK, alpha=0.2, lw=0)
    ticks = list(np.arange(0, radio.range_m(), 10))
    ax.set_xticks(ticks + [x[-1]], [f"{t:g}" for t in ticks] + ["no\nlink"])
    ax.set_xlim(0, x[-1] + bin_m)
    ax.set_xlabel("distance to the access point at the request's start (m);\n"
                  "at the top: the PHY rate (Mbit/s) in each ring, dashed: the range", fontsize=8)
    ax.grid(alpha=0.3)


def report(policy, p, offloaded, medians):
    """One line per policy on stdout: what the figure shows, in numbers."""
    near = next((m for m in medians[:-1] if m is not None), None)
    far = next((m for m in reversed(medians[:-1]) if m is not None), None)
    fmt = lambda v: "-" if v is None else f"{v:.1f} ms"  # noqa: E731
    print(f"mobility_latency: {policy}: {len(p)} requests, {len(offloaded)} offloaded; "
          f"median offloaded latency {fmt(near)} in the nearest bin, {fmt(far)} in the farthest, "
          f"{fmt(medians[-1])} with no link ({(p['cell'] < 0).mean():.1%} of requests started without one)")


def save(fig, path):
    fig.savefig(path, dpi=DPI)
    plt.close(fig)
    print(f"wrote {path}")


# ---- Main ----

class Parser(argparse.ArgumentParser):
    def error(self, message):
        """A bad command line is bad input too: one line, exit 2."""
        die(f"{message} (--help for usage)")


def arguments():
    lines = __doc__.split("\n")
    parser = Parser(usage=lines[2].replace("usage: ", "") + "\n" + lines[3],
                                     description=__doc__.split("\n")[0])
    parser.add_argument("scenario", help="a scenario INI with [mobility]")
    parser.add_argument("run", help="muxsim run's --out folder, with requests.csv.gz")
    parser.add_argument("--out", required=True, help="folder for the three PNGs")
    parser.add_argument("--muxsim", help="the muxsim binary (default $MUXSIM, else build/muxsim)")
    parser.add_argument("--point", type=int, default=0, help="run point of the sweep for the walks")
    parser.add_argument("--phones", type=int, default=4, help="phones 0 to N - 1 on the map")
    parser.add_argument("--phone", type=int, help="the phone of mobility_rate.png")
    parser.add_argument("--until", type=float, help="seconds of walking to draw")
    parser.add_argument("--bin-m", type=float, default=5.0, help="distance bin width, metres")
    parser.add_argument("--svg", action="store_true", help="write SVG instead of PNG")
    a = parser.parse_args()
    if a.point < 0 or a.phones < 1 or (a.phone is not None and a.phone < 0):
        die("--point and --phone must be >= 0, --phones >= 1")
    if not (a.bin_m > 0) or (a.until is not None and not a.until > 0):
        die("--bin-m and --until must be positive")
    if not os.path.isfile(a.scenario):
        die(f"{a.scenario}: no such scenario file")
    if not os.path.isdir(a.run):
        die(f"{a.run}: no such run folder (muxsim run --out)")
    return a


def main():
    a = arguments()
    keys = read_ini(a.scenario)
    aps = access_points(keys, a.scenario)
    radio = Radio(keys, a.scenario)
    name = keys.get("name") or os.path.splitext(os.path.basename(a.scenario))[0]
    results, requests = read_run(a.run, name)
    runs, chosen = point_runs(results, a.point)
    seed = f"seed {chosen['seed']:g}" if "seed" in chosen else f"run point {a.point}"
    span = requests[requests["run"].isin(runs["run"])]["start_s"].max()
    until_s = a.until or (min(math.ceil(span), UNTIL_S) if np.isfinite(span) and span > 0 else UNTIL_S)
    muxsim = find_muxsim(a.muxsim)
    shown = max(a.phones, (a.phone or 0) + 1)
    w = walks(muxsim, a.scenario, a.point, shown, until_s)
    if a.phone is not None and a.phone not in set(w["phone"]):
        die(f"--phone {a.phone}: the scenario has phones 0 to {w['phone'].max()}")
    mapped = w[w["phone"] < a.phones]
    phone = a.phone if a.phone is not None else pick_phone(mapped)
    os.makedirs(a.out, exist_ok=True)
    ext = "svg" if a.svg else "png"
    print(f"{name}: {len(aps)} access points, range {radio.range_m():.1f} m; walks of {seed} "
          f"over {until_s:g} s; phone {phone} roamed {int(w[w['phone'] == phone]['handover'].sum())} times")
    map_figure(mapped, aps, radio, area(keys), until_s,
               f"{name}, {seed}: phones 0-{a.phones - 1} over their first {until_s:g} s, "
               "coloured by PHY rate", os.path.join(a.out, f"mobility_map.{ext}"))
    rate_figure(w[w["phone"] == phone], aps, radio,
                number(keys, "mobility.handover_rssi_dbm", -70.0, a.scenario), until_s,
                f"{name}, {seed}: phone {phone}'s PHY rate and distance to its access point",
                os.path.join(a.out, f"mobility_rate.{ext}"))
    pooled = ", ".join(f"{s:g}" for s in sorted(results["seed"].unique())) if "seed" in results else "?"
    latency_figure(results, requests, radio, a.bin_m,
                   f"{name}, simulated, seeds {pooled} pooled: latency against distance to the "
                   "access point", os.path.join(a.out, f"mobility_latency.{ext}"))


if __name__ == "__main__":
    main()
