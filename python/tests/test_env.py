"""MuxsimEnv drives a real muxsim run (MUXSIM names the binary; ctest sets it): a random
agent's episode returns the rewards the results row implies."""
import os
import shutil
import unittest

from muxsim import MuxsimEnv, read_results

SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
SCENARIO = os.path.join(SRC, "scenarios", "paper-table1.ini")
MUXSIM = os.environ.get("MUXSIM") or os.path.join(SRC, "build", "muxsim")


@unittest.skipUnless(os.path.exists(MUXSIM), "no muxsim binary (set MUXSIM)")
class EnvTest(unittest.TestCase):
    def episode(self, reward, mode="simulated", seed=3, settings=("requests=400",)):
        with MuxsimEnv(SCENARIO, reward=reward, mode=mode, settings=settings,
                       muxsim=MUXSIM) as env:
            observation, info = env.reset(seed=seed)
            self.assertEqual(observation.shape, env.observation_space.shape)
            self.assertEqual(env.action_space.n, 2)  # the phone, the cloud's one model
            total, steps, actions = 0.0, 0, set()
            while True:
                action = env.action_space.sample()
                actions.add(action)
                observation, r, terminated, truncated, info = env.step(action)
                total += r
                steps += 1
                self.assertFalse(truncated)
                if terminated:
                    return total, steps, actions, info["row"]

    def test_latency_rewards_add_up_to_the_row(self):
        for mode in ("simulated", "closed-form"):
            total, steps, actions, row = self.episode("latency", mode)
            self.assertEqual(steps, 400)
            self.assertEqual(actions, {0, 1})
            self.assertEqual(row["status"], "ok")
            self.assertEqual(row["mode"], mode)
            self.assertAlmostEqual(-total / 400, row["latency_ms_mean"], delta=1e-6)

    def test_energy_and_accuracy_rewards_add_up_to_the_row(self):
        total, _, _, row = self.episode("energy")
        self.assertAlmostEqual(-total / 400, row["phone_energy_mj"], delta=1e-6)
        total, _, _, row = self.episode("accuracy")  # paper-table1 has no deadline
        self.assertAlmostEqual(total / 400, row["accuracy"], delta=1e-6)

    def test_a_fresh_episode_after_the_sweep_ends(self):
        with MuxsimEnv(SCENARIO, settings=["requests=5"], muxsim=MUXSIM) as env:
            for _ in range(2):
                env.reset()
                done = False
                while not done:
                    done = env.step(0)[2]


class ReadResultsTest(unittest.TestCase):
    def test_reads_a_results_folder(self):
        folder = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"muxsim-rr-{os.getpid()}")
        os.makedirs(folder, exist_ok=True)
        try:
            with open(os.path.join(folder, "results.csv"), "w") as f:
                f.write("run,scenario,policy,accuracy,status\n0,\"a,b\",hybrid,0.8,ok\n")
            frame = read_results(folder)
            self.assertEqual(list(frame["scenario"]), ["a,b"])
            self.assertEqual(frame["accuracy"][0], 0.8)
        finally:
            shutil.rmtree(folder)


if __name__ == "__main__":
    unittest.main()
