#!/usr/bin/python3
"""Where offloading starts to pay, standard by standard: 802.11g, n, ac and ax side by side.

usage: /usr/bin/python3 analysis/plot_standards.py RUN_DIR --out DIR [--bin-m M] [--svg]

RUN_DIR is what `muxsim run SCENARIO.ini --out RUN_DIR --requests RUN_DIR/requests.csv.gz`
wrote for a scenario that sweeps [network] wifi_standard over phones placed by [mobility]
(scenarios/campus-wifi6.ini). From the simulated runs, seeds pooled, one column of panels
per standard, in DIR/standards.png:
  top     per policy, the median latency of offloaded (edge or cloud) requests in --bin-m
          metre bins (default 5) of the phone's distance to its access point when the request
          started; mobile-only's median latency as a dashed line, the deadline as a dotted one
  bottom  the phone's mean energy per offloaded request in the same bins; mobile-only's mean
          energy per request as a dashed line
A bin with fewer than 20 requests is left out; requests that started with no link are not
drawn (they wait for one: plot_mobility.py shows them). On stdout, per standard and policy:
the farthest distance up to which every bin's median latency is within the deadline, and up
to which every bin's mean energy is below mobile-only's ("pays up to"). Bad input (a missing
folder or log, no simulated rows, no wifi_standard sweep) stops with one line on stderr and
exit status 2.
"""
import argparse
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import _muxsim_path  # noqa: F401,E402  (python/ on sys.path: muxsim.results reads the files)
from muxsim.results import ok_runs, read_requests, read_results  # noqa: E402
from plot import style  # noqa: E402  (the policies' colours and markers, as plot.py)

DPI = 110
MIN_COUNT = 20  # requests a bin needs to be drawn
ORDER = ["802.11g", "802.11n", "802.11ac", "802.11ax"]


def fail(message):
    print(f"plot_standards.py: {message}", file=sys.stderr)
    sys.exit(2)


def load(run_dir):
    results_path = os.path.join(run_dir, "results.csv")
    log_path = os.path.join(run_dir, "requests.csv.gz")
    for path in (results_path, log_path):
        if not os.path.isfile(path):
            fail(f"{path}: no such file (muxsim run ... --out RUN_DIR --requests RUN_DIR/requests.csv.gz)")
    runs = ok_runs(read_results(results_path), mode="simulated")
    if runs.empty:
        fail(f"{results_path}: no simulated runs that succeeded")
    standards = [s for s in ORDER if s in set(runs.wifi_standard)]
    if len(standards) < 2:
        fail(f"{results_path}: wifi_standard takes {len(standards)} 802.11 value(s); sweep it")
    requests = read_requests(log_path, runs, columns=("mode", "policy", "wifi_standard", "deadline_ms"))
    if "distance_m" not in requests.columns:
        fail(f"{log_path}: no distance_m column: the scenario places no phones ([mobility])")
    return runs, requests, standards


def binned(requests, bin_m):
    """Per (standard, policy, distance bin): median latency, mean energy, count."""
    offloaded = requests[(requests.placement != "local") & np.isfinite(requests.distance_m)].copy()
    offloaded["bin_m"] = (offloaded.distance_m // bin_m) * bin_m + bin_m / 2
    table = offloaded.groupby(["wifi_standard", "policy", "bin_m"]).agg(
        latency_ms=("latency_ms", "median"), energy_mj=("phone_energy_mj", "mean"),
        count=("latency_ms", "size")).reset_index()
    return table[table["count"] >= MIN_COUNT]


def pays_up_to(rows, column, limit):
    """The farthest bin edge up to which every bin's value is below `limit`, or 0."""
    farthest = 0.0
    for _, r in rows.sort_values("bin_m").iterrows():
        if r[column] >= limit:
            break
        farthest = r.bin_m
    return farthest


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("run_dir")
    parser.add_argument("--out", required=True)
    parser.add_argument("--bin-m", type=float, default=5)
    parser.add_argument("--svg", action="store_true")
    a = parser.parse_args()
    if not os.path.isdir(a.run_dir):
        fail(f"{a.run_dir}: no such folder")
    if not a.bin_m > 0:
        fail(f"--bin-m: must be positive, got {a.bin_m}")
    runs, requests, standards = load(a.run_dir)
    deadline = float(runs.deadline_ms.iloc[0]) if "deadline_ms" in runs else float("nan")
    local = requests[requests.policy == "mobile-only"]
    policies = [p for p in runs.policy.unique() if p != "mobile-only"]
    table = binned(requests[requests.policy != "mobile-only"], a.bin_m)
    all_policies = list(runs.policy.unique())

    fig, axes = plt.subplots(2, len(standards), figsize=(3.2 * len(standards), 6.2), sharex=True,
                             sharey="row", squeeze=False)
    for col, standard in enumerate(standards):
        top, bottom = axes[0][col], axes[1][col]
        mine = local[local.wifi_standard == standard]
        local_ms = mine.latency_ms.median() if len(mine) else float("nan")
        local_mj = mine.phone_energy_mj.mean() if len(mine) else float("nan")
        for policy in policies:
            rows = table[(table.wifi_standard == standard) & (table.policy == policy)]
            if rows.empty:
                continue
            s = style(all_policies, policy)
            top.plot(rows.bin_m, rows.latency_ms, label=policy, **s)
            bottom.plot(rows.bin_m, rows.energy_mj, label=policy, **s)
            print(f"{standard} {policy}: within the {deadline:g} ms deadline up to "
                  f"{pays_up_to(rows, 'latency_ms', deadline):g} m, below mobile-only's energy "
                  f"({local_mj:.1f} mJ) up to {pays_up_to(rows, 'energy_mj', local_mj):g} m")
        for ax, level in ((top, local_ms), (bottom, local_mj)):
            if np.isfinite(level):
                ax.axhline(level, color="black", linestyle="--", linewidth=1, label="mobile-only")
        if np.isfinite(deadline):
            top.axhline(deadline, color="grey", linestyle=":", linewidth=1, label="deadline")
        top.set_title(standard)
        top.set_yscale("log")
        bottom.set_xlabel("distance to access point (m)")
    axes[0][0].set_ylabel("median latency, offloaded (ms)")
    axes[1][0].set_ylabel("phone energy per request (mJ)")
    axes[0][-1].legend(fontsize=7, loc="upper left")
    fig.suptitle(f"{runs.scenario.iloc[0]}: offloading by distance and standard (simulated, seeds pooled)",
                 fontsize=10)
    fig.tight_layout()
    os.makedirs(a.out, exist_ok=True)
    name = os.path.join(a.out, "standards." + ("svg" if a.svg else "png"))
    fig.savefig(name, dpi=DPI)
    print(f"wrote {name}")


if __name__ == "__main__":
    main()
