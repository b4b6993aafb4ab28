"""examples/linucb.py's learner on a synthetic bandit whose best arm depends on the
context: it must come to pick the right arm."""
import importlib.util
import os
import unittest

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location(
    "linucb", os.path.join(HERE, "..", "examples", "linucb.py"))
linucb = importlib.util.module_from_spec(spec)
spec.loader.exec_module(linucb)


class LinUCBTest(unittest.TestCase):
    def test_learns_the_arm_each_context_favours(self):
        rng = np.random.default_rng(7)
        learner = linucb.LinUCB(arms=2, d=2, alpha=0.5)
        right = []
        for t in range(3000):
            s = rng.random()
            x = np.array([1.0, s])
            arm = learner.choose(x)
            best = 0 if s >= 0.5 else 1  # arm 0 pays s, arm 1 pays 1 - s
            p = s if arm == 0 else 1 - s
            learner.update(arm, x, float(rng.random() < p))
            if t >= 2000:
                right.append(arm == best or abs(s - 0.5) < 0.05)
        self.assertGreater(np.mean(right), 0.9)

    def test_sherman_morrison_keeps_the_inverse(self):
        learner = linucb.LinUCB(arms=1, d=3, alpha=1.0)
        a = np.eye(3)
        rng = np.random.default_rng(1)
        for _ in range(50):
            x = rng.normal(size=3)
            learner.update(0, x, 1.0)
            a += np.outer(x, x)
        np.testing.assert_allclose(learner.a_inv[0] @ a, np.eye(3), atol=1e-9)


if __name__ == "__main__":
    unittest.main()
