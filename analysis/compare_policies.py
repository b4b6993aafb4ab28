"""Compares policies on results a sweep wrote with --requests: per scenario, mode and
policy, averaged over the run points, accuracy, the fraction of requests answered right
within the deadline ([load] deadline_ms; 100 ms when the scenario has none, autoscale's
qos_ms default), miss rate, mean and p95 latency and phone energy. Writes comparison.csv
beside the first folder's parent and prints a Markdown table; the best value of each
column per scenario and mode is in bold.

usage: /usr/bin/python3 analysis/compare_policies.py OUT_DIR [OUT_DIR ...] [--csv FILE]
       [--rename external=NAME]
each OUT_DIR holding results.csv and requests.csv.gz from `muxsim run ... --requests`."""
import argparse
import os

import _muxsim_path  # noqa: F401  (python/ on sys.path: muxsim.results reads the files)
import pandas as pd
from muxsim.results import ok_runs, read_requests, read_results

COLUMNS = [  # column, heading, higher is better
    ("accuracy", "accuracy", True),
    ("right_in_time", "right in time", True),
    ("miss_rate", "miss rate", False),
    ("latency_ms_mean", "mean ms", False),
    ("latency_ms_p95", "p95 ms", False),
    ("phone_energy_mj", "phone mJ", False),
]
STAGES = ["mux_ms", "local_ms", "upload_ms", "queue_ms", "server_ms", "download_ms"]


def right_in_time(folder, results):
    """Per run, the fraction of its requests that were right within the deadline."""
    requests = read_requests(folder)
    deadline = results.set_index("run")["deadline_ms"].replace(0, 100.0)
    latency = requests[STAGES].sum(axis=1)
    ok = (requests["correct"] == 1) & (latency <= requests["run"].map(deadline))
    return ok.groupby(requests["run"]).mean()


def table(folders):
    rows = []
    for folder in folders:
        results = ok_runs(read_results(os.path.join(folder, "results.csv"))).copy()
        results["right_in_time"] = results["run"].map(right_in_time(folder, results))
        rows.append(results)
    data = pd.concat(rows)
    keys = ["scenario", "mode", "policy"]
    summary = data.groupby(keys, sort=False)[[c for c, _, _ in COLUMNS]].mean().reset_index()
    summary["runs"] = data.groupby(keys, sort=False).size().values
    return summary


def markdown(summary):
    lines = ["| scenario | mode | policy | runs | " + " | ".join(h for _, h, _ in COLUMNS) + " |",
             "|---|---|---|---|" + "---|" * len(COLUMNS)]
    for (scenario, mode), group in summary.groupby(["scenario", "mode"], sort=False):
        best = {c: (group[c].max() if up else group[c].min()) for c, _, up in COLUMNS}
        for _, r in group.iterrows():
            cells = []
            for c, _, _ in COLUMNS:
                text = f"{r[c]:.3f}" if c in ("accuracy", "right_in_time", "miss_rate") \
                    else f"{r[c]:.1f}"
                cells.append(f"**{text}**" if r[c] == best[c] else text)
            lines.append(f"| {scenario} | {mode} | {r['policy']} | {r['runs']} | "
                         + " | ".join(cells) + " |")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folders", nargs="+")
    parser.add_argument("--csv", help="also write the table here")
    parser.add_argument("--rename", action="append", default=[], metavar="POLICY=NAME",
                        help="show POLICY as NAME (e.g. external=linucb.py)")
    args = parser.parse_args()
    summary = table(args.folders)
    for rename in args.rename:
        old, _, new = rename.partition("=")
        summary["policy"] = summary["policy"].replace(old, new)
    if args.csv:
        summary.to_csv(args.csv, index=False)
    print(markdown(summary))


if __name__ == "__main__":
    main()
