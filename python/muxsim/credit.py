"""Each step's own reward, for a MuxsimEnv whose requests overlap (docs/external-policy.md).

MuxsimEnv pays a request's reward at the step during which its outcome arrives: with many
phones or Poisson arrivals that is a later step, and outcomes arrive in completion order,
not in the order the steps decided them. A learner that pairs each step's action with the
reward returned by that step learns from someone else's request. CreditedEnv keeps the
pairing: it remembers which request each step answered, and when that request's outcome
arrives it reports the step, its observation, its action and its own reward.

    env = CreditedEnv(MuxsimEnv("scenarios/fading-cell.ini", reward="accuracy"))
    observation, info = env.reset(seed=1)
    while True:
        observation, reward, terminated, truncated, info = env.step(agent.act(observation))
        for c in info["credited"]:        # steps whose requests completed just now
            agent.learn(c.observation, c.action, c.reward)
        if terminated:
            break
    env.step_rewards                      # one reward per step, each its own request's
"""
from collections import namedtuple

import numpy as np

Credited = namedtuple("Credited", "step request observation action reward outcome")
Credited.__doc__ = """One step's own reward, known once its request completed.
step: the step's number in the episode (0 for the action after reset); request: the
request it answered; observation, action: what the step saw and did; reward: that
request's reward; outcome: its observe message."""


class Ledger:
    """The bookkeeping behind CreditedEnv, usable on its own: decided() when a step answers
    a request, completed() when an outcome arrives."""

    def __init__(self):
        self.rewards = []  # per step; None until its request completes
        self._open = {}    # request number -> (step, observation, action)

    def decided(self, request, observation, action):
        if request in self._open:
            raise ValueError(f"request {request} answered twice")
        self._open[request] = (len(self.rewards), observation, action)
        self.rewards.append(None)

    def completed(self, outcome, reward):
        """The Credited entry of the step whose request this outcome is."""
        try:
            step, observation, action = self._open.pop(outcome["request"])
        except KeyError:
            raise ValueError(f"an outcome for request {outcome['request']}, which no step "
                             "answered") from None
        self.rewards[step] = reward
        return Credited(step, outcome["request"], observation, action, reward, outcome)

    @property
    def pending(self):
        """The requests answered whose outcomes have not arrived."""
        return sorted(self._open)


class CreditedEnv:
    """A MuxsimEnv whose steps also report each step's own reward once known.

    reset() and step() return what the wrapped environment returns (the reward still the
    one paid on completion, so episodes add up as before), and step()'s info holds
    "credited": a Credited entry for each step whose request completed during this step,
    in completion order. step_rewards: each step of the episode so far, its own request's
    reward (NaN until known; none is left NaN once the episode has terminated)."""

    def __init__(self, env):
        self.env = env
        self._ledger = Ledger()
        self._request = None  # the decide message the next step answers
        self._observation = None

    def reset(self, seed=None, options=None):
        observation, info = self.env.reset(seed=seed, options=options)
        self._ledger = Ledger()
        self._request, self._observation = info["request"], observation
        return observation, info

    def step(self, action):
        if self._request is None:
            raise RuntimeError("call reset() first")
        self._ledger.decided(self._request["request"], self._observation, action)
        observation, reward, terminated, truncated, info = self.env.step(action)
        info["credited"] = [self._ledger.completed(o, self.env.reward(o))
                            for o in info["outcomes"]]
        if terminated or truncated:
            self._request = None
        else:
            self._request, self._observation = info["request"], observation
        return observation, reward, terminated, truncated, info

    @property
    def step_rewards(self):
        return np.array([np.nan if r is None else r for r in self._ledger.rewards])

    @property
    def pending(self):
        return self._ledger.pending

    @property
    def unwrapped(self):
        return self.env.unwrapped

    def __getattr__(self, name):
        # action_space, observation_space, np_random, actions, setup...: the env's.
        if name == "env":
            raise AttributeError(name)
        return getattr(self.env, name)

    def close(self):
        self.env.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
