"""MuxsimEnv drives a real muxsim run (MUXSIM names the binary; ctest sets it): a random
agent's episode returns the rewards the results row implies; the spaces exist from
construction; reset(seed=N) runs seed N; the API is Gymnasium's."""
import os
import shutil
import unittest

import numpy as np

from muxsim import MuxsimEnv, read_results
from muxsim.env import Box, Discrete

from .paths import FADING_ONE_POINT, MUXSIM, needs_muxsim, scenario

SCENARIO = scenario("paper-table1")


@needs_muxsim
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


@needs_muxsim
class SpacesTest(unittest.TestCase):
    def test_spaces_exist_before_the_first_reset(self):
        with MuxsimEnv(SCENARIO, settings=["requests=20"], muxsim=MUXSIM) as env:
            action_space, observation_space = env.action_space, env.observation_space
            self.assertIsInstance(action_space, Discrete)
            self.assertEqual(action_space.n, 2)  # the phone, the cloud's one model
            self.assertIsInstance(observation_space, Box)
            self.assertEqual(observation_space.shape, (len(env.observation_names),))
            self.assertEqual(observation_space.shape, (7,))  # 2 scores, 5 rates and waits
            self.assertIn(int(action_space.sample()), (0, 1))
            observation, _ = env.reset(seed=1)
            self.assertIs(env.action_space, action_space)
            self.assertIs(env.observation_space, observation_space)
            while True:
                self.assertTrue(observation_space.contains(observation), observation)
                observation, _, terminated, _, _ = env.step(1)
                if terminated:
                    break

    def test_spaces_follow_the_scenario(self):
        # campus deploys an edge tier: the phone, the edge and the cloud are three actions.
        with MuxsimEnv(scenario("campus"), settings=["requests=20", "load.cells=1"],
                       muxsim=MUXSIM) as env:
            self.assertEqual(env.action_space.n, 3)
            self.assertEqual([a["placement"] for a in env.actions], ["local", "edge", "cloud"])
            observation, _ = env.reset()
            self.assertTrue(env.observation_space.contains(observation))

    def test_requests_say_where_a_walking_phone_is(self):
        # campus-walk ([mobility]): hello places the five access points, and each decide
        # (protocol 2) says the phone's cell, position and distance, or cell -1 without a link.
        with MuxsimEnv(scenario("campus-walk"), settings=["requests=400", "seeds=1"],
                       muxsim=MUXSIM) as env:
            _, info = env.reset()
            aps = info["setup"]["access_points"]
            self.assertEqual(len(aps), 5)
            self.assertIsNone(info["setup"]["phones_per_cell"])
            linked = set()
            while True:
                r = info["request"]
                self.assertTrue(0 <= r["x_m"] <= 240 and 0 <= r["y_m"] <= 170, r)
                if r["cell"] >= 0:
                    x, y = aps[r["cell"]]
                    self.assertAlmostEqual(r["distance_m"], np.hypot(r["x_m"] - x, r["y_m"] - y),
                                           delta=1e-6)
                    self.assertLessEqual(r["distance_m"], 51.46)  # ns-3's defaults' range
                else:
                    self.assertIsNone(r["distance_m"])
                linked.add(r["cell"] >= 0)
                _, _, terminated, _, info = env.step(0)
                if terminated:
                    break
            self.assertEqual(linked, {True, False})  # in range and out of it

    def test_a_scenario_muxsim_refuses_fails_at_construction(self):
        with self.assertRaisesRegex(RuntimeError, "status 2"):
            MuxsimEnv(SCENARIO, settings=["requests=-1"], muxsim=MUXSIM)


@needs_muxsim
class GymnasiumApiTest(unittest.TestCase):
    def test_reset_step_and_np_random(self):
        with MuxsimEnv(SCENARIO, settings=["requests=3"], muxsim=MUXSIM) as env:
            result = env.reset(seed=11, options=None)
            self.assertEqual(len(result), 2)
            observation, info = result
            self.assertEqual(observation.dtype, np.float64)
            self.assertIn("setup", info)
            self.assertIsInstance(env.np_random, np.random.Generator)
            self.assertEqual(env.np_random.integers(1 << 30),
                             np.random.default_rng(11).integers(1 << 30))
            result = env.step(np.int64(0))
            self.assertEqual(len(result), 5)
            self.assertIsInstance(result[1], float)
            with self.assertRaises(ValueError):
                env.step(2)  # paper-table1 has two actions
            with self.assertRaises(ValueError):
                env.reset(seed=-1)
        env.close()  # a second close does nothing

    def test_reset_seeds_the_action_space(self):
        with MuxsimEnv(SCENARIO, settings=["requests=3"], muxsim=MUXSIM) as env:
            draws = []
            for _ in range(2):
                env.reset(seed=4)
                draws.append([env.action_space.sample() for _ in range(20)])
            self.assertEqual(draws[0], draws[1])


@needs_muxsim
class SeedTest(unittest.TestCase):
    """fading-cell's arrivals and fades are drawn from the run's seed: the same seed gives
    the same rewards under the same actions, another seed other rewards."""

    def rewards(self, env, seed):
        _, info = env.reset(seed=seed)
        self.assertEqual(info["setup"]["seed"], seed)
        rewards, step = [], 0
        while True:
            _, reward, terminated, _, _ = env.step(step % 2)  # phone, cloud, phone, ...
            rewards.append(reward)
            step += 1
            if terminated:
                return rewards

    def test_the_same_seed_repeats_an_episode_and_another_differs(self):
        settings = FADING_ONE_POINT + ["requests=150"]
        with MuxsimEnv(scenario("fading-cell"), settings=settings, muxsim=MUXSIM) as env:
            first, again, other = (self.rewards(env, s) for s in (5, 5, 6))
        self.assertEqual(len(first), 150)
        self.assertEqual(first, again)
        self.assertNotEqual(first, other)

    def test_episodes_after_a_seeded_one_are_reproducible(self):
        settings = FADING_ONE_POINT + ["requests=20"]
        seeds = []
        for _ in range(2):
            with MuxsimEnv(scenario("fading-cell"), settings=settings, muxsim=MUXSIM) as env:
                self.rewards(env, 5)
                # Each later sweep runs a seed drawn from np_random, seeded by seed 5.
                _, info = env.reset()
                seeds.append(info["setup"]["seed"])
        self.assertEqual(seeds[0], seeds[1])
        self.assertNotEqual(seeds[0], 5)


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
