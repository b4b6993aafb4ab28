"""Reading muxsim's files (muxsim/results.py): which columns are inputs, which runs count,
seeds pooled, the request log joined to its runs; first on small hand-made files, then on a
real run's output (needs MUXSIM)."""
import os
import subprocess
import tempfile
import unittest

import pandas as pd

from muxsim import results as r
from tests.paths import MUXSIM, needs_muxsim, scenario

# A results.csv in muxsim's column order: run, scenario, seed, mode, policy, requests, then
# the inputs (bandwidth_mbps, phones), then accuracy onward the outputs.
HEADER = ["run", "scenario", "seed", "mode", "policy", "requests", "bandwidth_mbps", "phones",
          "accuracy", "latency_ms_mean", "overload", "note", "status"]


def frame(*rows):
    return pd.DataFrame([dict(zip(HEADER, row)) for row in rows], columns=HEADER)


TWO_SEEDS = frame(
    [0, "s", 1, "simulated", "hybrid", 10, 5, 1, 0.8, 10.0, "", "", "ok"],
    [1, "s", 2, "simulated", "hybrid", 10, 5, 1, 0.6, 30.0, "air", "", "ok"],
    [2, "s", 1, "simulated", "hybrid", 10, 50, 1, 0.9, 5.0, "cloud", "", "ok"],
    [3, "s", 2, "simulated", "hybrid", 10, 50, 1, 0.7, 7.0, "air", "", "ok"],
)


class ColumnsTest(unittest.TestCase):
    def test_inputs_are_scenario_mode_seed_and_the_block_between_requests_and_accuracy(self):
        self.assertEqual(r.input_columns(TWO_SEEDS),
                         ["scenario", "mode", "seed", "bandwidth_mbps", "phones"])

    def test_an_input_column_added_later_is_an_input_too(self):
        df = TWO_SEEDS.copy()
        df.insert(df.columns.get_loc("accuracy"), "cells", 1)
        self.assertIn("cells", r.input_columns(df))

    def test_without_requests_or_accuracy_only_the_outer_inputs(self):
        self.assertEqual(r.input_columns(pd.DataFrame(columns=["seed", "policy", "x"])), ["seed"])

    def test_swept_keys_are_the_inputs_that_vary(self):
        self.assertEqual(r.swept_keys(TWO_SEEDS), ["seed", "bandwidth_mbps"])
        self.assertEqual(r.swept_keys(TWO_SEEDS, exclude=["seed"]), ["bandwidth_mbps"])


class RunsTest(unittest.TestCase):
    def test_ok_runs_keeps_succeeded_rows_of_the_mode(self):
        df = pd.concat([TWO_SEEDS, frame([4, "s", 1, "closed-form", "hybrid", 10, 5, 1, 0.8,
                                          10.0, "", "", "ok"],
                                         [5, "s", 1, "simulated", "hybrid", 10, 5, 1, None,
                                          None, "", "", "failed"])])
        self.assertEqual(list(r.ok_runs(df)["run"]), [0, 1, 2, 3, 4])
        self.assertEqual(list(r.ok_runs(df, "simulated")["run"]), [0, 1, 2, 3])

    def test_ok_runs_names_a_missing_column(self):
        with self.assertRaisesRegex(KeyError, "status"):
            r.ok_runs(TWO_SEEDS.drop(columns="status"))

    def test_overloaded_is_a_non_blank_overload_cell(self):
        df = TWO_SEEDS.copy()
        df.loc[0, "overload"] = None  # an empty cell as pandas reads it
        df.loc[2, "overload"] = " "
        self.assertEqual(list(r.overloaded(df)), [False, True, False, True])

    def test_results_without_the_overload_column_are_all_stable(self):
        self.assertFalse(r.overloaded(TWO_SEEDS.drop(columns="overload")).any())


class PoolSeedsTest(unittest.TestCase):
    def test_one_row_per_point_and_policy_with_the_seeds_mean(self):
        pooled = r.pool_seeds(TWO_SEEDS)
        self.assertEqual(list(pooled.columns), HEADER)  # the order input_columns reads
        self.assertEqual(list(pooled["bandwidth_mbps"]), [5, 50])
        self.assertEqual(list(pooled["seed"]), ["1|2", "1|2"])
        self.assertEqual(list(pooled["accuracy"].round(9)), [0.7, 0.8])
        self.assertEqual(list(pooled["latency_ms_mean"]), [20.0, 6.0])

    def test_a_point_is_overloaded_if_any_seed_was(self):
        self.assertEqual(list(r.pool_seeds(TWO_SEEDS)["overload"]), ["air", "air+cloud"])

    def test_one_seed_is_left_as_it_is(self):
        one = TWO_SEEDS[TWO_SEEDS["seed"] == 1]
        self.assertIs(r.pool_seeds(one), one)

    def test_value_text(self):
        self.assertEqual([r.value_text(v) for v in [2.0, 0.1, "a", None, float("nan"), 3]],
                         ["2", "0.1", "a", "", "", "3"])


class FilesTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory()
        self.folder = self.dir.name
        TWO_SEEDS.to_csv(os.path.join(self.folder, "results.csv"), index=False)

    def tearDown(self):
        self.dir.cleanup()

    def write_log(self):
        log = pd.DataFrame({"run": [0, 0, 3, 9], "latency_ms": [1.0, 2.0, 3.0, 4.0]})
        log.to_csv(os.path.join(self.folder, "requests.csv.gz"), index=False)

    def test_a_file_or_a_folder_without_a_log_reads_as_one_frame(self):
        for path in (os.path.join(self.folder, "results.csv"), self.folder):
            self.assertEqual(list(r.read_results(path)["run"]), [0, 1, 2, 3])

    def test_a_folder_with_a_log_reads_as_results_and_requests(self):
        self.write_log()
        results, requests = r.read_results(self.folder)
        self.assertEqual((len(results), len(requests)), (4, 4))

    def test_requests_joined_to_their_runs(self):
        self.write_log()
        q = r.read_requests(self.folder, TWO_SEEDS)
        self.assertEqual(list(q["run"]), [0, 0, 3])  # run 9 is no run of these results
        self.assertEqual(list(q.columns), ["run", "latency_ms", "scenario", "mode", "policy"])
        q = r.read_requests(os.path.join(self.folder, "requests.csv.gz"))
        self.assertEqual(len(q), 4)

    def test_timeseries(self):
        path = os.path.join(self.folder, "minutes.csv.gz")
        pd.DataFrame({"run": [4], "minute": [0], "requests": [10]}).to_csv(path, index=False)
        self.assertEqual(r.read_timeseries(path)["requests"].tolist(), [10])


@needs_muxsim
class RealRunTest(unittest.TestCase):
    """muxsim's own files: the header's inputs block is where the reader looks for it."""

    def test_a_run_with_a_log_and_minutes(self):
        with tempfile.TemporaryDirectory() as out:
            subprocess.run([MUXSIM, "run", scenario("paper-table1"), "--out", out, "--quiet",
                            "--set", "requests=50",
                            "--requests", os.path.join(out, "requests.csv.gz"),
                            "--timeseries", os.path.join(out, "minutes.csv.gz")],
                           check=True, stdout=subprocess.DEVNULL)
            results, requests = r.read_results(out)
            inputs = r.input_columns(results)
            self.assertEqual(inputs[:3], ["scenario", "mode", "seed"])
            self.assertIn("bandwidth_mbps", inputs)
            self.assertNotIn("requests", inputs)
            self.assertNotIn("accuracy", inputs)
            sim = r.ok_runs(results, "simulated")
            self.assertEqual(set(sim["mode"]), {"simulated"})
            self.assertFalse(r.overloaded(sim).any())
            joined = r.read_requests(out, sim)
            self.assertEqual(set(joined["mode"]), {"simulated"})
            self.assertEqual(set(joined["policy"]), set(sim["policy"]))
            minutes = r.read_timeseries(os.path.join(out, "minutes.csv.gz"))
            self.assertTrue(set(minutes["run"]) <= set(sim["run"]))


if __name__ == "__main__":
    unittest.main()
