"""MuxsimEnv: a muxsim run as a Gym-style environment (docs/external-policy.md).

The environment starts `muxsim run SCENARIO` with policy = external and puts itself in the
policy's place: each decide becomes an observation, each action an answer. Gymnasium is
not in Debian 12, so its API is matched, not imported: reset(seed, options) ->
(observation, info), step(action) -> (observation, reward, terminated, truncated, info),
close(), np_random, and the spaces of muxsim.spaces.

An episode is one run of the scenario's sweep (its first run point, then the next at the
next reset; after the last a new sweep starts). reset(seed=N) starts a sweep whose runs
have seed N. A request's reward arrives with its outcome: in a closed loop with one phone at
the next step, with many phones or Poisson arrivals a few steps later; the episode's last
step carries what is left, so an episode's rewards add up to the run's results row.
muxsim.credit gives each step its own request's reward instead.
"""
import json
import os
import select
import shlex
import shutil
import signal
import subprocess
import tempfile
import weakref

import numpy as np

from .protocol import PROTOCOL_VERSION
from .spaces import Box, Discrete

REWARDS = ("latency", "energy", "accuracy")

# muxsim's `seeds` key takes integers in [0, 1e9].
SEED_MAX = 10**9

# How long muxsim gets to end its runs and their policies after SIGTERM before the kill.
STOP_GRACE_S = 5.0

# The observation after the scores, each bounded below by 0 and unbounded above.
RATES_AND_WAITS = ["wifi_mbps", "cloud_rate_mbps", "cloud_wait_ms", "edge_rate_mbps",
                   "edge_wait_ms"]


def reward_of(outcome, kind, deadline_ms=None):
    """latency: minus the request's latency in ms; energy: minus the phone's energy in mJ;
    accuracy: 1 when the answer is right within the deadline (the whole latency when the
    scenario has none), else 0. deadline_ms is unused: the outcome says deadline_met."""
    if kind == "latency":
        return -outcome["latency_ms"]
    if kind == "energy":
        return -outcome["energy_mj"]
    return float(outcome["correct"] and outcome["deadline_met"])


def _default_muxsim():
    here = os.path.dirname(os.path.abspath(__file__))
    built = os.path.join(here, "..", "..", "build", "muxsim")
    return os.environ.get("MUXSIM") or (built if os.path.exists(built) else shutil.which("muxsim"))


def actions_of(setup, mux):
    """The answers a hello's deployment allows: the phone, the edge, each cloud model."""
    tiers = setup["tiers"]
    actions = []
    if tiers["phone"]:
        actions.append({"placement": "local", "mux": mux})
    if tiers["edge"]:
        actions.append({"placement": "edge", "mux": mux})
    for model in tiers["cloud"]:
        actions.append({"placement": "cloud", "models": [model["model"]], "mux": mux})
    return actions


def observation_names_of(setup):
    return [f"score_{m}" for m in setup["models"]] + RATES_AND_WAITS


def observation_space_of(setup):
    """Scores are probabilities (muxsim refuses a trace whose scores leave [0, 1]); rates
    and waits are >= 0 with no upper bound."""
    models = len(setup["models"])
    high = np.array([1.0] * models + [np.inf] * len(RATES_AND_WAITS))
    return Box(np.zeros_like(high), high, dtype=np.float64)


def _check_seed(seed):
    if isinstance(seed, (bool, np.bool_)) or not isinstance(seed, (int, np.integer)):
        raise TypeError(f"seed must be an integer, not {seed!r}")
    if not 0 <= seed <= SEED_MAX:
        raise ValueError(f"seed must be in [0, {SEED_MAX}] (muxsim's seeds key), not {seed}")
    return int(seed)


class _Resources:
    """What a MuxsimEnv holds outside Python: a temporary folder with two FIFOs, the
    descriptors open on them and the muxsim process. It holds no reference to its env, so
    weakref.finalize can release it when the env is collected or when Python exits."""

    def __init__(self):
        self.folder = tempfile.mkdtemp(prefix="muxsim-env-")
        self.to_env = os.path.join(self.folder, "to-env")
        self.from_env = os.path.join(self.folder, "from-env")
        os.mkfifo(self.to_env)
        os.mkfifo(self.from_env)
        # Read and write: the FIFO then never reads as ended between runs.
        self.fd_in = os.open(self.to_env, os.O_RDWR)
        self.fd_out = None
        self.proc = None
        self.stderr = None

    def start(self, command, stderr_path):
        self.stderr = open(stderr_path, "w+")
        # Its own session: muxsim and its runs form a process group we can end as one.
        self.proc = subprocess.Popen(command, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=self.stderr,
                                     start_new_session=True)

    def stop(self):
        """Ends the muxsim process, its runs and (through muxsim) their policies."""
        proc, self.proc = self.proc, None
        if proc is not None and proc.poll() is None:
            _end_group(proc)
        if self.fd_out is not None:
            os.close(self.fd_out)
            self.fd_out = None
        self._wake_reader()
        if self.stderr is not None:
            self.stderr.close()
            self.stderr = None

    def _wake_reader(self):
        # A policy's `cat from-env` that never saw a writer still waits in open(): opening
        # and closing the write end lets it read the end and exit, should it outlive muxsim.
        try:
            os.close(os.open(self.from_env, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass  # no reader left (ENXIO), or the folder is gone

    def release(self):
        self.stop()
        if self.fd_in is not None:
            os.close(self.fd_in)
            self.fd_in = None
        shutil.rmtree(self.folder, ignore_errors=True)


def _signal_group(pid, sig):
    try:
        os.killpg(pid, sig)
    except ProcessLookupError:
        pass


def _end_group(proc):
    # SIGTERM first: on it muxsim kills its policies' process groups, which are out of
    # reach of its own group's signal. The kill is for a muxsim that does not stop.
    _signal_group(proc.pid, signal.SIGTERM)
    try:
        proc.wait(STOP_GRACE_S)
    except subprocess.TimeoutExpired:
        _signal_group(proc.pid, signal.SIGKILL)
        proc.wait()


class MuxsimEnv:
    """scenario: a scenario INI. reward: "latency", "energy" or "accuracy". mode:
    "simulated" or "closed-form". settings: more `--set section.key=value` for the run, e.g.
    ["requests=500", "network.bandwidth_mbps=20"]. mux: whether each answer runs (and pays
    for) the multiplexer whose scores the observation holds.

    The constructor reads the hello of the scenario's first run (a muxsim process started
    and stopped at once), so action_space and observation_space exist from the start."""

    metadata = {"render_modes": []}
    render_mode = None
    reward_range = (-np.inf, np.inf)
    spec = None

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
        self._resources = _Resources()
        self._finalizer = weakref.finalize(self, self._resources.release)
        self._pending = b""
        self._sweeps = 0
        self._np_random = None
        self._seeded = False
        self._episode = False
        self._last = None
        try:
            self.setup = self._probe()
        except BaseException:
            self._finalizer()
            raise
        self.actions = actions_of(self.setup, mux)
        self.observation_names = observation_names_of(self.setup)
        self.action_space = Discrete(len(self.actions))
        self.observation_space = observation_space_of(self.setup)

    # The policy command muxsim starts: one cat copies muxsim's messages into to-env, the
    # other copies from-env to muxsim (a background job's stdin is /dev/null, its stdout is
    # not: hence the order).
    def _command(self):
        r = self._resources
        return (f"cat {shlex.quote(r.from_env)} & "
                f"exec cat > {shlex.quote(r.to_env)}")

    def _start(self, seed):
        """Starts a sweep: with seed None, at the scenario's own seeds."""
        self._sweeps += 1
        self._pending = b""
        r = self._resources
        cmd = [self.muxsim, "run", self.scenario, "--out",
               os.path.join(r.folder, f"out-{self._sweeps}"), "--quiet",
               "--set", f"modes={self.mode}", "--set", "policy.policies=external",
               "--set", f"policy.external_timeout_s={self.timeout_s}",
               "--set", f"policy.external_command={self._command()}"]
        for setting in self.settings:
            cmd += ["--set", setting]
        if seed is not None:
            cmd += ["--set", f"seeds={seed}"]  # the last --set of a key wins
        r.start(cmd, os.path.join(r.folder, f"stderr-{self._sweeps}"))

    def _stop(self):
        self._resources.stop()
        self._pending = b""
        self._episode = False

    def _running(self):
        proc = self._resources.proc
        return proc is not None and proc.poll() is None

    def _probe(self):
        """The hello of the scenario's first run. Every run of a sweep deploys the same
        tiers and trace models, so it fixes the spaces; the probe stops there."""
        self._start(seed=None)
        try:
            message = self._message()
        finally:
            self._stop()
        if message is None or message["type"] != "hello":
            raise RuntimeError(f"muxsim ran no request: {self.scenario}")
        return message

    def _message(self):
        """The next message muxsim sends, or None once muxsim has exited."""
        r = self._resources
        while b"\n" not in self._pending:
            ready, _, _ = select.select([r.fd_in], [], [], 0.2)
            if ready:
                self._pending += os.read(r.fd_in, 65536)
            elif r.proc.poll() is not None:
                if r.proc.returncode not in (0, 3):
                    r.stderr.seek(0)
                    raise RuntimeError(f"muxsim exited with status {r.proc.returncode}: "
                                       f"{r.stderr.read().strip()}")
                return None
        line, self._pending = self._pending.split(b"\n", 1)
        return json.loads(line)

    def _send(self, answer):
        r = self._resources
        if r.fd_out is None:
            r.fd_out = os.open(r.from_env, os.O_WRONLY)
        data = (json.dumps(answer) + "\n").encode()
        while data:
            data = data[os.write(r.fd_out, data):]

    def _on_hello(self, setup):
        if (actions_of(setup, self.mux) != self.actions or
                observation_names_of(setup) != self.observation_names):
            raise RuntimeError(f"run {setup['run']} deploys other tiers or trace models than "
                               "the first run: the spaces would change")
        self.setup = setup
        self._send({"type": "ready", "protocol": PROTOCOL_VERSION})

    def observation(self, request):
        """A decide message as a vector (observation_names); unknown estimates are 0."""
        e = request["estimates"]
        known = [e["cloud"]["rate_mbps"], e["cloud"]["wait_ms"], e["edge"]["rate_mbps"],
                 e["edge"]["wait_ms"]]
        return np.array(request["scores"] + [request["wifi_mbps"]] +
                        [0.0 if v is None else v for v in known], dtype=np.float64)

    def reward(self, outcome):
        """The reward of one observe message (its request's outcome)."""
        return reward_of(outcome, self.reward_kind)

    @property
    def np_random(self):
        """The environment's generator (as Gymnasium's): seeded by reset(seed=N), else from
        the OS on first use. It draws the seeds of the sweeps after a seeded one."""
        if self._np_random is None:
            self._np_random = np.random.default_rng()
        return self._np_random

    @np_random.setter
    def np_random(self, generator):
        self._np_random = generator

    @property
    def unwrapped(self):
        return self

    def _next_sweep_seed(self):
        # Unseeded, every sweep runs the scenario's own seeds, as `muxsim run` would; once
        # seeded, each new sweep's seed comes from np_random, so episodes go on differing.
        if not self._seeded:
            return None
        return int(self.np_random.integers(SEED_MAX + 1))

    def reset(self, seed=None, options=None):
        """Starts the next episode: the next run of the sweep. seed: a new sweep whose runs
        have this seed (muxsim's `seeds` key), and np_random and action_space reseeded.
        options: unused, as in Gymnasium's Env. info["setup"]: the run's hello (with
        [mobility], "access_points": each cell's [x_m, y_m]); info["request"]: the first
        request's decide message (see step)."""
        sweep_seed = None
        if seed is not None:
            sweep_seed = _check_seed(seed)
            self._np_random = np.random.default_rng(sweep_seed)
            self._seeded = True
            self.action_space.seed(sweep_seed)
            self._stop()
        elif self._episode:
            self._stop()  # muxsim cannot skip the rest of a run: a new sweep starts
        for _ in range(2):
            if not self._running():
                self._stop()
                self._start(sweep_seed if sweep_seed is not None else self._next_sweep_seed())
                sweep_seed = None
            message = self._next_decide()
            if message is not None:
                self._episode = True
                self._last = message
                return self.observation(message), {"request": message, "setup": self.setup}
            self._stop()  # the sweep ended after its last run
        raise RuntimeError("muxsim ran no request")

    def _next_decide(self):
        while True:
            message = self._message()
            if message is None or message["type"] == "decide":
                return message
            if message["type"] == "hello":
                self._on_hello(message)

    def _answer(self, action):
        if isinstance(action, dict):
            return action
        if not self.action_space.contains(action):
            raise ValueError(f"action {action!r} is not in {self.action_space}")
        return self.actions[int(action)]

    def step(self, action):
        """Answers the current request with actions[action] (or an answer dict).
        info["outcomes"]: the observe messages that arrived meanwhile, whose rewards make
        this step's reward; info["request"]: the next request's decide message, protocol
        version 2 (docs/external-policy.md). It holds more than the observation: "phone",
        "time_s", "input" and, with [mobility], where the phone is: "cell" (the access point
        serving it, -1 without a link), "x_m", "y_m" and "distance_m" (null without
        [mobility], and distance_m while cell is -1). The last step has info["row"], the
        run's results row, instead."""
        if not self._episode:
            raise RuntimeError("call reset() first")
        self._send(self._answer(action))
        reward = 0.0
        outcomes = []
        while True:
            message = self._message()
            if message is None:
                raise RuntimeError("muxsim exited in the middle of a run")
            if message["type"] == "observe":
                reward += self.reward(message)
                outcomes.append(message)
            elif message["type"] == "decide":
                self._last = message
                info = {"request": message, "outcomes": outcomes}
                return self.observation(message), reward, False, False, info
            elif message["type"] == "end":
                self._episode = False
                info = {"row": message["row"], "outcomes": outcomes}
                return self.observation(self._last), reward, True, False, info

    def render(self):
        return None

    def close(self):
        """Stops muxsim and removes the temporary folder; later calls do nothing. Without
        it, the same happens when the environment is collected or Python exits."""
        self._episode = False
        self._finalizer()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
