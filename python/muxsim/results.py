"""muxsim's output files as pandas frames (docs/formats.md), and what their columns mean:
which of results.csv's columns are a run's inputs, which runs succeeded or overloaded, and
a run point's seeds pooled as one row. analysis/ reads through here too, so a script and a
notebook of one's own read the files as the shipped figures do.

pandas is imported inside the functions: `import muxsim` stays light for a policy process.
"""
import os

# Inputs that sit outside the block between `requests` and `accuracy` in results.csv.
OUTER_INPUTS = ["scenario", "mode", "seed"]


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


def read_requests(path, runs=None, columns=("scenario", "mode", "policy")):
    """The per-request log of `muxsim run --requests` (a .csv.gz, or the folder holding
    requests.csv.gz), one row per request. With `runs` (results rows), each request also gets
    its run's `columns`, joined on `run`; requests of runs not among them are dropped."""
    import pandas as pd

    if os.path.isdir(path):
        path = os.path.join(path, "requests.csv.gz")
    requests = pd.read_csv(path)
    return requests if runs is None else with_runs(requests, runs, columns)


def with_runs(requests, runs, columns=("scenario", "mode", "policy")):
    """The per-request rows, each with its run's `columns` from the results rows `runs`
    (joined on `run`; a column the log already has is kept as it is). Requests of runs not
    among `runs` are dropped."""
    wanted = ["run"] + [c for c in columns if c in runs.columns and c not in requests.columns]
    return requests.merge(runs[wanted], on="run")


def read_timeseries(path):
    """The per-minute file of `muxsim run --timeseries` (simulated runs only), one row per
    run and simulated minute."""
    import pandas as pd

    return pd.read_csv(path)


def ok_runs(results, mode=None):
    """The rows of runs that succeeded (status ok), of one mode ("simulated", "closed-form")
    when given. A failed run's row holds no figures, only its error."""
    missing = [c for c in ["status"] + (["mode"] if mode else []) if c not in results.columns]
    if missing:
        raise KeyError(f"results lack column(s) {', '.join(missing)}")
    keep = results["status"] == "ok"
    if mode:
        keep &= results["mode"] == mode
    return results[keep]


def input_columns(results):
    """A run's inputs: scenario, mode, seed and every column between `requests` and `accuracy`.
    Read from the header, so input columns added to results.csv later are covered too."""
    columns = list(results.columns)
    block = []
    if "requests" in columns and "accuracy" in columns:
        block = columns[columns.index("requests") + 1:columns.index("accuracy")]
    return [c for c in OUTER_INPUTS if c in columns] + block


def swept_keys(results, exclude=()):
    """The inputs whose value varies among the rows (an empty cell counts as a value)."""
    return [c for c in input_columns(results)
            if c not in exclude and results[c].nunique(dropna=False) > 1]


def overloaded(results):
    """True where a run saturated a resource (column `overload` non-empty). Results written
    before that column existed are all stable."""
    import pandas as pd

    if "overload" not in results.columns:
        return pd.Series(False, index=results.index)
    return results["overload"].fillna("").astype(str).str.strip() != ""


def value_text(v):
    """A value as text: integral numbers without a decimal point, other floats in full
    (round-trip), an empty cell as ''. Pooled seeds read '1|2' in these terms."""
    import pandas as pd

    if isinstance(v, str):
        return v
    if v is None or pd.isna(v):
        return ""
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return repr(v) if isinstance(v, float) else str(v)


def _join_overloads(values):
    parts = sorted({p for v in values.fillna("").astype(str) for p in v.split("+") if p})
    return "+".join(parts)


def pool_seeds(results):
    """One row per run point and policy with its seeds' mean; the rows as they are when
    there is one seed. A pooled row's `seed` reads '1|2|3'; it is overloaded if any of its
    seeds was (their saturated resources joined, 'air+cloud'). Columns keep their order."""
    import pandas as pd

    if "seed" not in results.columns or results["seed"].nunique() < 2:
        return results
    keys = [c for c in input_columns(results) if c != "seed"] + ["policy"]
    agg = {}
    for c in results.columns:
        if c in keys:
            continue
        if c == "seed":
            agg[c] = lambda s: "|".join(value_text(v) for v in sorted(s.unique()))
        elif c == "overload":
            agg[c] = _join_overloads
        elif pd.api.types.is_numeric_dtype(results[c]):
            agg[c] = "mean"
        else:
            agg[c] = "first"
    pooled = results.groupby(keys, sort=False, dropna=False).agg(agg).reset_index()
    return pooled[list(results.columns)]  # the header order input_columns() reads
