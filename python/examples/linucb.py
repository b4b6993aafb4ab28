"""LinUCB (Li, Chu, Langford & Schapire, WWW 2010), a contextual bandit that learns online
where to run each input: on the phone, at the edge or on a cloud model.

Each placement is an arm with its own ridge regression of the reward on the context. The
context is what the phone knows when it decides: the multiplexer's score for every model,
its Wi-Fi rate, and its own estimates of each tier's upload rate and wait (the
LinkEstimator's, null until the tier has been tried). The reward is 1 when the answer is
right within the deadline ([load] deadline_ms, or autoscale's qos_ms when the scenario has
none) and 0 otherwise: learning it needs the correctness feedback observe carries, which a
deployed system has only where labels come back. One learner serves every phone.

usage: /usr/bin/python3 linucb.py [ALPHA]   (exploration; default 0.5)
"""
import os
import sys

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
import muxsim  # noqa: E402


class LinUCB:
    """Disjoint LinUCB over `arms` arms and `d` features: A_a = I + sum x x^T kept as its
    inverse by Sherman-Morrison, b_a = sum r x, theta_a = A_a^-1 b_a."""

    def __init__(self, arms, d, alpha):
        self.alpha = alpha
        self.a_inv = np.stack([np.eye(d) for _ in range(arms)])
        self.b = np.zeros((arms, d))

    def choose(self, x):
        theta = np.einsum("aij,aj->ai", self.a_inv, self.b)
        width = np.sqrt(np.einsum("i,aij,j->a", x, self.a_inv, x))
        return int(np.argmax(theta @ x + self.alpha * width))

    def update(self, arm, x, reward):
        a_inv = self.a_inv[arm]
        ax = a_inv @ x
        a_inv -= np.outer(ax, ax) / (1.0 + x @ ax)
        self.b[arm] += reward * x


class LinUCBPolicy(muxsim.Policy):
    def __init__(self, alpha=0.5):
        self.alpha = alpha

    def hello(self, setup):
        tiers = setup["tiers"]
        self.answers = []
        if tiers["phone"]:
            self.answers.append(muxsim.local(mux=True))
        if tiers["edge"]:
            self.answers.append(muxsim.edge(mux=True))
        for model in tiers["cloud"]:
            self.answers.append(muxsim.cloud([model["model"]], mux=True))
        self.budget_ms = setup["deadline_ms"] or setup["params"]["qos_ms"]
        self.learner = LinUCB(len(self.answers), len(setup["models"]) + 6, self.alpha)
        self.waiting = {}  # request -> (arm, context), until its outcome arrives

    def context(self, request):
        # Rates in units of 100 Mbit/s and waits of 100 ms keep the features near 1, as the
        # identity prior assumes; an estimate not known yet is 0 with its own indicator.
        e = request["estimates"]
        cloud_rate, cloud_wait = e["cloud"]["rate_mbps"], e["cloud"]["wait_ms"]
        return np.array([1.0, *request["scores"], request["wifi_mbps"] / 100,
                         (cloud_rate or 0) / 100, (cloud_wait or 0) / 100,
                         float(cloud_rate is None),
                         ((e["edge"]["rate_mbps"] or 0) / 100)])

    def decide(self, request):
        x = self.context(request)
        arm = self.learner.choose(x)
        self.waiting[request["request"]] = (arm, x)
        return self.answers[arm]

    def observe(self, outcome):
        arm, x = self.waiting.pop(outcome["request"])
        right = outcome["correct"] and outcome["latency_ms"] <= self.budget_ms
        self.learner.update(arm, x, 1.0 if right else 0.0)


if __name__ == "__main__":
    LinUCBPolicy(float(sys.argv[1]) if len(sys.argv) > 1 else 0.5).run()
