"""MuxsimEnv: a muxsim run as a Gym-style environment (docs/external-policy.md).

The environment starts `muxsim run SCENARIO` with policy = external and puts itself in the
policy's place: each decide becomes an observation, each action an answer. Gymnasium is
not in Debian 12, so its API is matched, not imported: reset() -> (observation, info),
step(action) -> (observation, reward, terminated, truncated, info), action_space.sample().

An episode is one run of the scenario's sweep (its first run point, then the next at the
next reset; after the last the sweep starts again). A request's reward arrives with its
outcome: in a closed loop with one phone at the next step, with many phones or Poisson
arrivals a few steps later; the episode's last step carries what is left, so an episode's
rewards add up to the run's results row.
"""
import json
import os
import select
import shlex
import shutil
import subprocess
import tempfile

import numpy as np

from .protocol import PROTOCOL_VERSION

REWARDS = ("latency", "energy", "accuracy")


class Discrete:
    """The actions 0 .. n-1, as gymnasium.spaces.Discrete."""

    def __init__(self, n, seed=None):
        self.n = n
        self._rng = np.random.default_rng(seed)

    def sample(self):
        return int(self._rng.integers(self.n))

    def seed(self, seed=None):
        self._rng = np.random.default_rng(seed)

    def contains(self, x):
        return 0 <= int(x) < self.n


class Box:
    """Real vectors of a fixed shape, as gymnasium.spaces.Box."""

    def __init__(self, low, high, shape):
        self.low, self.high, self.shape, self.dtype = low, high, shape, np.float64


def reward_of(outcome, kind, deadline_ms):
    """latency: minus the request's latency in ms; energy: minus the phone's energy in mJ;
    accuracy: 1 when the answer is right within the deadline (the whole latency when the
    scenario has none), else 0."""
    if kind == "latency":
        return -outcome["latency_ms"]
    if kind == "energy":
        return -outcome["energy_mj"]
    return float(outcome["correct"] and outcome["deadline_met"])


def _default_muxsim():
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "..", "build", "muxsim")
    return os.environ.get("MUXSIM") or (built if os.path.exists(built) else shutil.which("muxsim"))


class MuxsimEnv:
    """scenario: a scenario INI. reward: "latency", "energy" or "accuracy". mode:
    "simulated" or "closed-form". settings: more `--set section.key=value` for the run, e.g.
    ["requests=500", "network.bandwidth_mbps=20"]. mux: whether each answer runs (and pays
    for) the multiplexer whose scores the observation holds."""

    def __init__(self, scenario, reward="latency", mode="simulated", settings=(), muxsim=None,
                 mux=True, timeout_s=3600):
        if reward not in REWARDS:
            raise ValueError(f"reward must be one of {REWARDS}, not {reward!r}")
        self.scenario = os.path.abspath(scenario)
        self.reward_kind, self.mode, self.settings = reward, mode, list(settings)
        self.muxsim = muxsim or _default_muxsim()
        if not self.muxsim:
            raise FileNotFoundError("no muxsim binary: build it, or set MUXSIM")
        self.mux, self.timeout_s = mux, timeout_s
        self._dir = tempfile.mkdtemp(prefix="muxsim-env-")
        self._to_env = os.path.join(self._dir, "to-env")
        self._from_env = os.path.join(self._dir, "from-env")
        os.mkfifo(self._to_env)
        os.mkfifo(self._from_env)
        # Read and write: the FIFO then never reads as ended between runs.
        self._in = os.open(self._to_env, os.O_RDWR)
        self._out = None
        self._pending = b""
        self._proc = None
        self._sweeps = 0
        self.setup = None
        self.actions = []
        self.action_space = None
        self.observation_space = None
        self._episode = False

    # The policy command muxsim starts: one cat copies muxsim's messages into to-env, the
    # other copies from-env to muxsim (a background job's stdin is /dev/null, its stdout is
    # not: hence the order).
    def _command(self):
        return (f"cat {shlex.quote(self._from_env)} & "
                f"exec cat > {shlex.quote(self._to_env)}")

    def _start(self):
        self._sweeps += 1
        out = os.path.join(self._dir, f"out-{self._sweeps}")
        cmd = [self.muxsim, "run", self.scenario, "--out", out, "--quiet",
               "--set", f"modes={self.mode}", "--set", "policy.policies=external",
               "--set", f"policy.external_timeout_s={self.timeout_s}",
               "--set", f"policy.external_command={self._command()}"]
        for setting in self.settings:
            cmd += ["--set", setting]
        self._stderr = open(os.path.join(self._dir, f"stderr-{self._sweeps}"), "w+")
        self._proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                      stderr=self._stderr)

    def _message(self):
        """The next message muxsim sends, or None once muxsim has exited."""
        while b"\n" not in self._pending:
            ready, _, _ = select.select([self._in], [], [], 0.2)
            if ready:
                self._pending += os.read(self._in, 65536)
            elif self._proc.poll() is not None:
                if self._proc.returncode not in (0, 3):
                    self._stderr.seek(0)
                    raise RuntimeError(f"muxsim exited with status {self._proc.returncode}: "
                                       f"{self._stderr.read().strip()}")
                return None
        line, self._pending = self._pending.split(b"\n", 1)
        return json.loads(line)

    def _send(self, answer):
        if self._out is None:
            self._out = os.open(self._from_env, os.O_WRONLY)
        data = (json.dumps(answer) + "\n").encode()
        while data:
            data = data[os.write(self._out, data):]

    def _on_hello(self, setup):
        self.setup = setup
        tiers = setup["tiers"]
        mux = self.mux
        self.actions = []
        if tiers["phone"]:
            self.actions.append({"placement": "local", "mux": mux})
        if tiers["edge"]:
            self.actions.append({"placement": "edge", "mux": mux})
        for model in tiers["cloud"]:
            self.actions.append({"placement": "cloud", "models": [model["model"]], "mux": mux})
        self.action_space = Discrete(len(self.actions))
        self.observation_names = ([f"score_{m}" for m in setup["models"]] +
                                  ["wifi_mbps", "cloud_rate_mbps", "cloud_wait_ms",
                                   "edge_rate_mbps", "edge_wait_ms"])
        self.observation_space = Box(-np.inf, np.inf, (len(self.observation_names),))
        self._send({"type": "ready", "protocol": PROTOCOL_VERSION})

    def observation(self, request):
        """A decide message as a vector (observation_names); unknown estimates are 0."""
        e = request["estimates"]
        known = [e["cloud"]["rate_mbps"], e["cloud"]["wait_ms"], e["edge"]["rate_mbps"],
                 e["edge"]["wait_ms"]]
        return np.array(request["scores"] + [request["wifi_mbps"]] +
                        [0.0 if v is None else v for v in known], dtype=np.float64)

    def reset(self, seed=None, options=None):
        """Starts the next episode: the next run of the sweep."""
        if seed is not None and self.action_space is not None:
            self.action_space.seed(seed)
        if self._episode:
            self._stop()
        for _ in range(2):
            if self._proc is None or self._proc.poll() is not None:
                self._stop()
                self._start()
            message = self._next_decide()
            if message is not None:
                self._episode = True
                self._last = message
                return self.observation(message), {"request": message, "setup": self.setup}
            self._stop()
        raise RuntimeError("muxsim ran no request")

    def _next_decide(self):
        while True:
            message = self._message()
            if message is None or message["type"] == "decide":
                return message
            if message["type"] == "hello":
                self._on_hello(message)

    def step(self, action):
        """Answers the current request with actions[action] (or an answer dict)."""
        if not self._episode:
            raise RuntimeError("call reset() first")
        self._send(action if isinstance(action, dict) else self.actions[int(action)])
        reward = 0.0
        outcomes = []
        deadline = self.setup["deadline_ms"]
        while True:
            message = self._message()
            if message is None:
                raise RuntimeError("muxsim exited in the middle of a run")
            if message["type"] == "observe":
                reward += reward_of(message, self.reward_kind, deadline)
                outcomes.append(message)
            elif message["type"] == "decide":
                self._last = message
                info = {"request": message, "outcomes": outcomes}
                return self.observation(message), reward, False, False, info
            elif message["type"] == "end":
                self._episode = False
                info = {"row": message["row"], "outcomes": outcomes}
                return self.observation(self._last), reward, True, False, info

    def _stop(self):
        if self._proc is not None and self._proc.poll() is None:
            self._proc.terminate()
            self._proc.wait()
        if self._out is not None:
            os.close(self._out)
            self._out = None
        self._pending = b""
        self._episode = False

    def close(self):
        self._stop()
        os.close(self._in)
        shutil.rmtree(self._dir, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
