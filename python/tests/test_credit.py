"""muxsim.credit on overlapping requests (fading-cell: ten phones at Poisson times):
outcomes arrive late and out of order, yet each step is credited its own request's
reward, and the per-step rewards add up to what the environment paid."""
import math
import unittest

from muxsim import MuxsimEnv
from muxsim.credit import CreditedEnv, Ledger

from .paths import FADING_ONE_POINT, MUXSIM, needs_muxsim, scenario

REQUESTS = 300


@needs_muxsim
class CreditedEnvTest(unittest.TestCase):
    def run_episode(self):
        env = CreditedEnv(MuxsimEnv(scenario("fading-cell"), reward="latency",
                                    settings=FADING_ONE_POINT + [f"requests={REQUESTS}"],
                                    muxsim=MUXSIM))
        self.addCleanup(env.close)
        _, info = env.reset(seed=2)
        requests, actions, paid, credited = [info["request"]["request"]], [], [], []
        while True:
            action = env.action_space.sample()
            _, reward, terminated, _, info = env.step(action)
            actions.append(int(action))
            paid.append(reward)
            credited.append(info["credited"])
            if terminated:
                return env, requests, actions, paid, credited, info["row"]
            requests.append(info["request"]["request"])

    def test_each_step_gets_its_own_requests_reward(self):
        env, requests, actions, paid, credited, row = self.run_episode()
        self.assertEqual(len(actions), REQUESTS)
        own = env.step_rewards
        self.assertEqual(len(own), REQUESTS)
        self.assertFalse(any(math.isnan(r) for r in own))
        self.assertEqual(env.pending, [])
        # The same total, and the run's: only who gets it changes.
        self.assertAlmostEqual(sum(own), sum(paid), delta=1e-6)
        self.assertAlmostEqual(-sum(own) / REQUESTS, row["latency_ms_mean"], delta=1e-6)
        placements = [env.actions[a]["placement"] for a in actions]
        late, completed = 0, []
        for step, entries in enumerate(credited):
            for c in entries:
                # The outcome is the request the credited step answered, as it answered it.
                self.assertEqual(c.request, requests[c.step])
                self.assertEqual(c.outcome["placement"], placements[c.step])
                self.assertEqual(c.action, actions[c.step])
                self.assertEqual(c.reward, -c.outcome["latency_ms"])
                self.assertEqual(own[c.step], c.reward)
                self.assertLessEqual(c.step, step)
                late += c.step < step
                completed.append(c.request)
        self.assertEqual(sorted(completed), sorted(requests))
        # The case the helper is for: requests overlap, so credit comes late and out of order.
        self.assertGreater(late, 0)
        self.assertNotEqual(completed, sorted(completed))
        self.assertNotEqual(list(own), paid)


class LedgerTest(unittest.TestCase):
    def test_out_of_order_outcomes(self):
        ledger = Ledger()
        for request in (10, 11, 12):
            ledger.decided(request, observation=None, action=request - 10)
        self.assertEqual(ledger.completed({"request": 12}, -3.0).step, 2)
        self.assertEqual(ledger.rewards, [None, None, -3.0])
        self.assertEqual(ledger.pending, [10, 11])
        ledger.completed({"request": 10}, -1.0)
        ledger.completed({"request": 11}, -2.0)
        self.assertEqual(ledger.rewards, [-1.0, -2.0, -3.0])
        with self.assertRaises(ValueError):
            ledger.completed({"request": 11}, -2.0)  # already credited


if __name__ == "__main__":
    unittest.main()
