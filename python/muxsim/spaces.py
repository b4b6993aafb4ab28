"""Discrete and Box: the two spaces MuxsimEnv uses, with gymnasium.spaces' names and
semantics (sample, contains, seed, np_random, shape, dtype). Gymnasium is not in Debian 12,
so its API is matched here, not imported."""
import numpy as np


class Space:
    """What Discrete and Box share: a generator, made on first use unless seeded."""

    def __init__(self, shape, dtype, seed=None):
        self.shape, self.dtype = shape, np.dtype(dtype)
        self._np_random = None
        if seed is not None:
            self.seed(seed)

    @property
    def np_random(self):
        # As in Gymnasium: an unseeded space draws its seed from the OS on first use.
        if self._np_random is None:
            self.seed()
        return self._np_random

    def seed(self, seed=None):
        """Reseeds sample(); returns the seeds used, as Gymnasium's Space.seed does."""
        sequence = np.random.SeedSequence(seed)
        self._np_random = np.random.Generator(np.random.PCG64(sequence))
        return [sequence.entropy]

    def __contains__(self, x):
        return self.contains(x)


class Discrete(Space):
    """The integers start .. start + n - 1, as gymnasium.spaces.Discrete."""

    def __init__(self, n, seed=None, start=0):
        if int(n) < 1:
            raise ValueError(f"Discrete needs n >= 1, not {n}")
        self.n, self.start = int(n), int(start)
        super().__init__((), np.int64, seed)

    def sample(self):
        return np.int64(self.start + self.np_random.integers(self.n))

    def contains(self, x):
        # As Gymnasium: a Python int or an integer numpy scalar, nothing else (not 1.0).
        if isinstance(x, (np.generic, np.ndarray)):
            if not (np.issubdtype(x.dtype, np.integer) and x.shape == ()):
                return False
        elif not isinstance(x, int):
            return False
        return self.start <= int(x) < self.start + self.n

    def __repr__(self):
        return f"Discrete({self.n})" if self.start == 0 else f"Discrete({self.n}, start={self.start})"

    def __eq__(self, other):
        return isinstance(other, Discrete) and (self.n, self.start) == (other.n, other.start)


class Box(Space):
    """Real vectors of a fixed shape between low and high (each a number or an array; either
    may be infinite), as gymnasium.spaces.Box."""

    def __init__(self, low, high, shape=None, dtype=np.float64, seed=None):
        if shape is None:
            shape = np.broadcast(np.asarray(low), np.asarray(high)).shape
        shape = tuple(int(d) for d in shape)
        self.low = np.broadcast_to(np.asarray(low, dtype=dtype), shape).copy()
        self.high = np.broadcast_to(np.asarray(high, dtype=dtype), shape).copy()
        if np.any(self.low > self.high):
            raise ValueError("Box: low above high")
        super().__init__(shape, dtype, seed)

    def is_bounded(self, manner="both"):
        below, above = bool(np.all(np.isfinite(self.low))), bool(np.all(np.isfinite(self.high)))
        return {"both": below and above, "below": below, "above": above}[manner]

    def sample(self):
        """Gymnasium's draw per coordinate: uniform on [low, high] when both are finite,
        low + Exp(1) or high - Exp(1) when one is, a standard normal when neither is."""
        rng, low, high = self.np_random, self.low, self.high
        finite_low, finite_high = np.isfinite(low), np.isfinite(high)
        # Draw every kind for every coordinate, then keep the one each coordinate needs:
        # the draws stay a fixed sequence for a given seed whatever the bounds.
        both = finite_low & finite_high
        uniform = rng.uniform(np.where(both, low, 0.0), np.where(both, high, 1.0))
        exponential = rng.exponential(size=self.shape)
        normal = rng.normal(size=self.shape)
        sample = np.where(both, uniform,
                          np.where(finite_low, low + exponential,
                                   np.where(finite_high, high - exponential, normal)))
        return np.clip(sample, low, high).astype(self.dtype)

    def contains(self, x):
        if not isinstance(x, np.ndarray):
            try:
                x = np.asarray(x, dtype=self.dtype)
            except (TypeError, ValueError):
                return False
        if not np.can_cast(x.dtype, self.dtype) or x.shape != self.shape:
            return False
        # NaN is in no Box: the comparisons are False for it.
        return bool(np.all(x >= self.low) and np.all(x <= self.high))

    def __repr__(self):
        return f"Box({self.low.min()}, {self.high.max()}, {self.shape}, {self.dtype})"

    def __eq__(self, other):
        return (isinstance(other, Box) and self.shape == other.shape and
                self.dtype == other.dtype and np.array_equal(self.low, other.low) and
                np.array_equal(self.high, other.high))
