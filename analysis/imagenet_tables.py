"""Prints the ImageNet tables of docs (docs/imagenet.md) from the output of
scripts/imagenet-1300.sh: the scorers' AUCs with their intervals, and the policies at one
phone and 100 Mbit/s, simulated.
usage: /usr/bin/python3 analysis/imagenet_tables.py [BUILD_DIR/imagenet-1300]"""
import sys

import _muxsim_path  # noqa: F401  (python/ on sys.path: muxsim.results reads the files)
import pandas as pd
from muxsim.results import read_results

out = sys.argv[1] if len(sys.argv) > 1 else "build/imagenet-1300"
rep = pd.read_csv(f"{out}/mux_report.csv")
models = list(dict.fromkeys(rep.model))
print("| scorer | G MACs | " + " | ".join(models) + " | TPR / TNR (mobilenet_v2) |")
print("|---" * (len(models) + 3) + "|")
for scorer, rows in rep.groupby("scorer", sort=False):
    r = rows.set_index("model")
    cells = [f"{r.auc[m]:.3f} [{r.auc_lo[m]:.3f}, {r.auc_hi[m]:.3f}]" for m in models]
    m0 = r.loc["mobilenet_v2"]
    print(f"| {scorer} | {m0.gmacs:.4f} | " + " | ".join(cells) + f" | {m0.tpr:.3f} / {m0.tnr:.3f} |")

res = read_results(f"{out}/results.csv")
one = res[(res["mode"] == "simulated") & (res.phones == 1) & (res.bandwidth_mbps == 100)]
print("\n| policy | accuracy | local | latency mean / p95 (ms) | phone energy (mJ) | GFLOPs |")
print("|---|---|---|---|---|---|")
for _, r in one.iterrows():
    print(f"| {r.policy} | {r.accuracy:.4f} | {r.local_fraction:.2f} | {r.latency_ms_mean:.2f} / "
          f"{r.latency_ms_p95:.2f} | {r.phone_energy_mj:.1f} | {r.total_gflops:.3f} |")
for phones, bw in ((1, 1), (10, 10)):
    s = res[(res["mode"] == "simulated") & (res.phones == phones) & (res.bandwidth_mbps == bw)]
    s = s.set_index("policy")
    print(f"\n{phones} phone(s), {bw} Mbit/s: cloud-only mean {s.latency_ms_mean['cloud-only']:.1f} ms; "
          f"hybrid-confidence mean {s.latency_ms_mean['hybrid-confidence']:.1f} ms, "
          f"p95 {s.latency_ms_p95['hybrid-confidence']:.1f} ms")
