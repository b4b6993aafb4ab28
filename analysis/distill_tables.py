"""Prints the distilled-early-head tables of docs/imagenet.md and the README from the output
of scripts/imagenet-distill.sh (and, with a second folder, of `muxsim zoo early --views`):

1. the accuracy-cost curve for the phone model's correctness, first compact (the README's:
   the best distilled head per cut and the light CNN), then per cut, its share of the
   phone model's MACs, the head trained on correctness, and each distilled head, as AUC
   [bootstrap 95 % interval]; then TPR / TNR at the report's threshold;
2. the light CNN trained on correctness and distilled on the views, and the phone model's
   own confidence;
3. the policies of the imagenet-1300 scenario (simulated, one phone) at every bandwidth:
   accuracy, mean latency, phone energy;
4. with FMNIST_DIR: the same curve on the committed zoo's phone model.

usage: /usr/bin/python3 analysis/distill_tables.py [IMAGENET_DIR] [FMNIST_DIR]
       (IMAGENET_DIR default build/imagenet-distill)"""
import sys

import _muxsim_path  # noqa: F401  (python/ on sys.path: muxsim.results reads the files)
import pandas as pd
from muxsim.results import read_results

HEADS = [f"{h}-{t}" for h in ("ridge", "mlp", "student") for t in ("softmax", "margin")]


def auc(r):
    return f"{r.auc:.3f} [{r.auc_lo:.3f}, {r.auc_hi:.3f}]"


def curve(report, model, prefix):
    """Per cut: MACs share, the correctness-trained head and every distilled head."""
    r = report[report.model == model].set_index("scorer")
    full = r.gmacs["confidence"]
    cuts = sorted({int(s.rsplit("-k", 1)[1]) for s in r.index if s.startswith(prefix)})
    print(f"| cut (share of MACs) | trained on correctness | " + " | ".join(HEADS) + " |")
    print("|---" * (len(HEADS) + 2) + "|")
    for k in cuts:
        early = r.loc[f"{prefix}{k}"]
        cells = [auc(r.loc[f"distilled-{h}-k{k}"]) for h in HEADS]
        print(f"| k{k} ({early.gmacs / full:.0%}) | {auc(early)} | " + " | ".join(cells) + " |")
    print(f"\nTPR / TNR at threshold {r.threshold.iloc[0]}:\n")
    print(f"| cut | trained on correctness | " + " | ".join(HEADS) + " |")
    print("|---" * (len(HEADS) + 2) + "|")
    for k in cuts:
        rows = [r.loc[f"{prefix}{k}"]] + [r.loc[f"distilled-{h}-k{k}"] for h in HEADS]
        print(f"| k{k} | " + " | ".join(f"{x.tpr:.2f} / {x.tnr:.2f}" for x in rows) + " |")
    return r


def best_distilled(r, names):
    """The row with the highest AUC among `names`, and its label."""
    name = max(names, key=lambda n: r.auc[n])
    return r.loc[name], name.removeprefix("distilled-")


def compact(r, prefix):
    """The README's table: per cut and for the light CNN, the scorer trained on correctness
    beside the best distilled one, with TPR / TNR."""
    full = r.gmacs["confidence"]
    print("| scorer | share of the phone model's MACs | trained on correctness: AUC, TPR / TNR "
          "| best distilled: head, AUC, TPR / TNR |")
    print("|---|---|---|---|")
    rows = [("light CNN on a 64x64 thumbnail", r.loc["learned"], ["distilled-cnn-softmax"])]
    cuts = sorted({int(s.rsplit("-k", 1)[1]) for s in r.index if s.startswith(prefix)})
    rows += [(f"head after block {k}", r.loc[f"{prefix}{k}"], [f"distilled-{h}-k{k}" for h in HEADS])
             for k in cuts]
    for label, own, names in rows:
        best, name = best_distilled(r, names)
        print(f"| {label} | {own.gmacs / full:.1%} | {auc(own)}, {own.tpr:.2f} / {own.tnr:.2f} | "
              f"{name}, {auc(best)}, {best.tpr:.2f} / {best.tnr:.2f} |")
    c = r.loc["confidence"]
    print(f"| the model's own max softmax | 100% | {auc(c)}, {c.tpr:.2f} / {c.tnr:.2f} | |")


def imagenet(out):
    report = pd.read_csv(f"{out}/mux_report.csv")
    print("## mobilenet_v2 correctness, out of fold\n")
    compact(report[report.model == "mobilenet_v2"].set_index("scorer"), "early-k")
    print()
    r = curve(report, "mobilenet_v2", "early-k")
    print("\n| scorer | G MACs | AUC | TPR / TNR |\n|---|---|---|---|")
    for name, label in (("learned", "light CNN, trained on correctness"),
                        ("distilled-cnn-softmax", "light CNN, distilled on the views"),
                        ("confidence", "the phone model's own max softmax (whole model)")):
        x = r.loc[name]
        print(f"| {label} | {x.gmacs:.4f} | {auc(x)} | {x.tpr:.2f} / {x.tnr:.2f} |")
    res = read_results(f"{out}/results.csv")
    one = res[(res["mode"] == "simulated") & (res.phones == 1)]
    policies = ["mobile-only", "hybrid-early", "hybrid-confidence", "cloud-only"]
    print("\n## imagenet-1300, simulated, one phone: accuracy / mean latency (ms) / phone energy (mJ)\n")
    print("| Mbit/s | " + " | ".join(policies) + " |")
    print("|---" * (len(policies) + 1) + "|")
    for bw, rows in one.groupby("bandwidth_mbps"):
        p = rows.set_index("policy")
        print(f"| {bw:g} | " + " | ".join(
            f"{p.accuracy[x]:.4f} / {p.latency_ms_mean[x]:.2f} / {p.phone_energy_mj[x]:.1f}"
            for x in policies) + " |")
    early = one.set_index(["bandwidth_mbps", "policy"]).accuracy
    above = [bw for bw in sorted(one.bandwidth_mbps.unique())
             if early[(bw, "hybrid-early")] > early[(bw, "mobile-only")]]
    print(f"\nhybrid-early more accurate than mobile-only at: {above or 'no bandwidth'} Mbit/s")


def fmnist(out):
    report = pd.read_csv(f"{out}/early_report.csv")
    print(f"\n## Fashion-MNIST, phone model `mobile`, {report.inputs.iloc[0]:,} test images\n")
    r = curve(report, "mobile", "early-k")
    print("\n| scorer | K MACs | AUC |\n|---|---|---|")
    for name in ("distilled", "confidence"):
        print(f"| {name} | {1e6 * r.gmacs[name]:.0f} | {auc(r.loc[name])} |")


imagenet(sys.argv[1] if len(sys.argv) > 1 else "build/imagenet-distill")
if len(sys.argv) > 2:
    fmnist(sys.argv[2])
