"""Prints the contrastive-loss ablation side by side (docs/fashion-mnist.md): the
multiplexer's AUC per model, and Algorithm 2 in the paper's Table II style.
usage: compare_ablation.py CONTRASTIVE_DIR ABLATION_DIR"""
import sys

import pandas as pd

with_dir, without_dir = sys.argv[1], sys.argv[2]
auc = {}
for name, d in (("contrastive", with_dir), ("no contrastive", without_dir)):
    r = pd.read_csv(f"{d}/mux_report.csv")
    auc[name] = r[r.scorer == "learned"].set_index("model").auc
    auc[name + " (acc)"] = r[r.scorer == "learned"].set_index("model").model_accuracy
print("multiplexer ROC AUC per model (learned scorer) and each model's test accuracy")
print(pd.DataFrame(auc).round(4).to_string())
for name, d in (("contrastive", with_dir), ("no contrastive", without_dir)):
    a = pd.read_csv(f"{d}/algorithm2.csv")
    pick = a[a.policy.isin(["hybrid-single", "oracle"]) | a.policy.str.endswith("-only")
             | ((a.policy == "hybrid-ensemble") & (a.threshold.round(3) == 0.288))]
    best = a[a.policy == "hybrid-ensemble"].sort_values("accuracy", ascending=False).head(1)
    print(f"\nAlgorithm 2, {name} zoo (gain and saving against the largest model alone)")
    print(pd.concat([pick, best]).to_string(index=False))
