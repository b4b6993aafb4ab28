"""Writes the Fashion-MNIST zoo's device profiles for the TX2 and the 1080Ti, derived by
FLOPs scaling from the paper's anchors (kind=derived, the formula in each row's source).
usage: derive_fmnist_profiles.py ZOO_CSV OUT_CSV"""
import csv
import sys

# (device, anchor model, anchor GFLOPs, anchor latency ms, anchor energy mJ, where from)
ANCHORS = [
    ("jetson-tx2", "mobilenet_v2", 0.30, 3.53, 12.0, "arXiv 2001.05870 Table I"),
    ("gtx-1080ti", "resnext101_32x8d", 16.41, 11.8, 0.0, "arXiv 2001.05870 Table I"),
]
MUX_GMACS = 0.000845  # muxsim's 4-conv multiplexer on 28x28x1 with 6 outputs (mux_net.cpp)

zoo = list(csv.DictReader(open(sys.argv[1])))
rows = [(z["architecture"], float(z["gmacs"]), "zoo member trained by muxsim zoo train")
        for z in zoo]
rows.append(("mux-fmnist", MUX_GMACS, "the multiplexer of muxsim mux train"))
with open(sys.argv[2], "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["device", "model", "flops", "latency_ms", "energy_mj", "accuracy", "source", "kind"])
    for device, anchor, a_flops, a_ms, a_mj, where in ANCHORS:
        for model, gmacs, what in rows:
            ms = a_ms * gmacs / a_flops
            mj = a_mj * gmacs / a_flops
            w.writerow([device, model, f"{gmacs:.6g}", f"{ms:.6g}", f"{mj:.6g}", 0,
                        f"derived: {what}; flops counted from its layer shapes; latency = "
                        f"{a_ms} ms x {gmacs:.6g}/{a_flops} and energy = {a_mj} mJ x "
                        f"{gmacs:.6g}/{a_flops} (scaled by FLOPs from {anchor} on the "
                        f"{device}, {where}; flatters networks this small); accuracy: see "
                        f"the trace", "derived"])
