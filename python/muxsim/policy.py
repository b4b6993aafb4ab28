"""The Policy base class and the answers a policy gives (docs/external-policy.md)."""


def local(mux=False):
    """Answer: the phone's model runs. mux: True runs the multiplexer first (and charges it),
    "early" the early multiplexer on the phone model's prefix."""
    return {"placement": "local", "mux": mux}


def edge(mux=False, phone_first=False):
    """Answer: the edge server's model runs. phone_first: the phone's model runs first and
    the edge's answer replaces it (what a confidence cascade does)."""
    return {"placement": "edge", "mux": mux, "phone_first": phone_first}


def cloud(models=None, mux=False, phone_first=False):
    """Answer: the named cloud models run, one after another (None: the scenario's
    cloud_model)."""
    answer = {"placement": "cloud", "mux": mux, "phone_first": phone_first}
    if models is not None:
        answer["models"] = list(models)
    return answer


class Policy:
    """A policy muxsim asks once per request. Override decide(); observe() to learn.

    hello(setup) receives the run's setup before the first request: setup["models"] names
    the trace's models, the order of each request's "scores"; setup["tiers"] gives the phone,
    edge and cloud models with their profiles; setup["params"] the scenario's [policy] keys;
    setup["access_points"] each cell's [x_m, y_m] with [mobility] (else []).
    """

    def hello(self, setup):
        self.setup = setup

    def decide(self, request):
        """request: time_s, phone, cell, x_m, y_m, distance_m, input, scores, confidence,
        wifi_mbps, estimates, deadline_ms (protocol 2: x_m, y_m and distance_m say where the
        phone is with [mobility], null without; cell is -1 while it has no link). Returns an
        answer: local(), edge() or cloud()."""
        raise NotImplementedError

    def observe(self, outcome):
        """outcome: a completed request's stage times, energy, models called, correctness."""

    def end(self, row):
        """row: the run's results.csv row, as a dict."""

    def run(self):
        """Speak the protocol on stdin and stdout until muxsim closes them."""
        from .protocol import serve
        serve(self)
