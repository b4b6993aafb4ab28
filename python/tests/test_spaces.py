"""muxsim.spaces: Box and Discrete sample within their bounds, reproducibly once seeded,
and contains() answers as gymnasium.spaces does."""
import unittest

import numpy as np

from muxsim.spaces import Box, Discrete


class BoxTest(unittest.TestCase):
    def test_samples_stay_within_low_and_high(self):
        box = Box(np.array([-1.0, 0.0, 5.0]), np.array([1.0, 0.5, 5.0]), seed=0)
        samples = np.array([box.sample() for _ in range(2000)])
        self.assertEqual(samples.shape, (2000, 3))
        self.assertTrue(all(box.contains(s) for s in samples))
        # Uniform: the draws reach near both ends, and a point range holds its one value.
        np.testing.assert_allclose(samples.min(axis=0)[:2], [-1.0, 0.0], atol=0.01)
        np.testing.assert_allclose(samples.max(axis=0)[:2], [1.0, 0.5], atol=0.01)
        self.assertTrue(np.all(samples[:, 2] == 5.0))

    def test_half_bounded_and_unbounded_coordinates(self):
        box = Box(np.array([0.0, -np.inf, -np.inf]), np.array([np.inf, 2.0, np.inf]), seed=1)
        samples = np.array([box.sample() for _ in range(2000)])
        self.assertTrue(np.all(np.isfinite(samples)))
        self.assertTrue(np.all(samples[:, 0] >= 0.0))
        self.assertTrue(np.all(samples[:, 1] <= 2.0))
        self.assertTrue(np.any(samples[:, 2] < 0.0) and np.any(samples[:, 2] > 0.0))
        self.assertFalse(box.is_bounded())
        self.assertTrue(Box(0.0, 1.0, (2,)).is_bounded())

    def test_seeded_samples_repeat(self):
        first, second = Box(0.0, 1.0, (4,), seed=7), Box(0.0, 1.0, (4,), seed=7)
        for _ in range(5):
            np.testing.assert_array_equal(first.sample(), second.sample())
        first.seed(8)
        second.seed(9)
        self.assertFalse(np.array_equal(first.sample(), second.sample()))
        self.assertIsInstance(first.np_random, np.random.Generator)

    def test_contains(self):
        box = Box(0.0, 1.0, (2,))
        self.assertEqual(box.shape, (2,))
        self.assertEqual(box.dtype, np.float64)
        self.assertTrue(box.contains(np.array([0.0, 1.0])))
        self.assertTrue(box.contains([0.5, 0.25]))  # converted, as Gymnasium does
        self.assertIn(np.array([0.5, 0.5]), box)
        self.assertFalse(box.contains(np.array([0.5, 1.5])))
        self.assertFalse(box.contains(np.array([-0.1, 0.5])))
        self.assertFalse(box.contains(np.array([0.5, np.nan])))
        self.assertFalse(box.contains(np.array([0.5, 0.5, 0.5])))
        self.assertFalse(box.contains("ab"))

    def test_scalar_bounds_take_the_shape(self):
        box = Box(-2.0, 3.0, (2, 3))
        self.assertEqual(box.low.shape, (2, 3))
        self.assertEqual(box.sample().shape, (2, 3))
        with self.assertRaises(ValueError):
            Box(1.0, 0.0, (1,))


class DiscreteTest(unittest.TestCase):
    def test_contains(self):
        space = Discrete(3)
        for x in (0, 2, np.int64(1), np.int32(2), np.array(1)):
            self.assertTrue(space.contains(x), x)
        for x in (3, -1, 1.0, "1", np.array([1]), np.float64(1.0), None):
            self.assertFalse(space.contains(x), x)
        self.assertIn(1, space)

    def test_seeded_samples_cover_the_range_and_repeat(self):
        a, b = Discrete(4, seed=3), Discrete(4, seed=3)
        draws = [a.sample() for _ in range(200)]
        self.assertEqual(draws, [b.sample() for _ in range(200)])
        self.assertEqual(set(draws), {0, 1, 2, 3})
        self.assertTrue(all(a.contains(d) for d in draws))
        self.assertEqual(Discrete(2, start=5).contains(6), True)
        self.assertEqual(Discrete(2, start=5).contains(4), False)


if __name__ == "__main__":
    unittest.main()
