"""muxsim's output files as pandas frames (docs/formats.md)."""
import os


def read_results(path):
    """results.csv (or the folder holding it) as a DataFrame. With a folder that also holds
    the per-request log of --requests (requests.csv.gz), returns (results, requests)."""
    import pandas as pd

    if os.path.isdir(path):
        results = pd.read_csv(os.path.join(path, "results.csv"))
        log = os.path.join(path, "requests.csv.gz")
        if os.path.exists(log):
            return results, pd.read_csv(log)
        return results
    return pd.read_csv(path)
