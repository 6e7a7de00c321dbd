"""4. Cold start: from creating the process to the first answered request.

The clock starts just before the process is created and stops when its
answer arrives, so interpreter start, imports, building the app and the
first request (for the skill: fetching and validating the signing chain) all
count.  Each case runs REPEATS times, cases alternating; the ratio is of medians.

- in-process (the Lambda case): ``import skill.lambda_entry`` + ``lambda_handler``
  on one envelope, against a bare Flask app (import Flask, build the app,
  one POST straight into its WSGI callable);
- over HTTP: gunicorn with skill/web/gunicorn_conf.py serving the verified
  webhook, against the same gunicorn serving the bare endpoint; the first
  answer is to a signed POST.

Bytecode: ``make bench`` byte-compiles the checkout first (pip did the same
for everything installed), and each case runs once, uncounted, beforehand.
One more pair of rows shows the Lambda case with no bytecode at all, which is
what an image or zip built with ``pip install --no-compile`` on a read-only
filesystem gets.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench import envelopes
from bench.server import ROOT, Gunicorn
from bench.stats import Table, median
from tooling.local_ca import LocalAlexaCA

REPEATS = int(os.environ.get("BENCH_COLD_REPEATS", "11"))

# Each child prints "answered" as soon as it has the answer, then its peak RSS.
_LAMBDA = """
import json, sys
from skill.lambda_entry import lambda_handler
answer = lambda_handler(json.loads(open(sys.argv[1], "rb").read()), None)
assert answer["response"], answer
print("answered", flush=True)
"""
_BARE = """
import sys
from bench.apps import bare
from bench.wsgi import post
post(bare(), open(sys.argv[1], "rb").read())
print("answered", flush=True)
"""
_NOTHING = 'print("answered", flush=True)'
# VmHWM, not ru_maxrss: on Linux the latter keeps the forking parent's peak across exec.
PEAK_RSS = """
for line in open("/proc/self/status"):
    if line.startswith("VmHWM:"):
        print(line.split()[1], flush=True)
"""


def _child_env(env: dict[str, str], no_bytecode_in: Path | None = None) -> dict[str, str]:
    child = os.environ | env
    child.pop("PYTHONDONTWRITEBYTECODE", None)
    if no_bytecode_in is not None:
        # An empty cache that nothing may write to: every module compiles from source.
        no_bytecode_in.mkdir(exist_ok=True)
        child |= {"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPYCACHEPREFIX": str(no_bytecode_in)}
    return child


def in_process(script: str, event_path: str, env: dict[str, str]) -> tuple[float, int]:
    """Seconds to the answer, and the child's peak RSS in KiB."""
    command = [sys.executable, "-c", script + PEAK_RSS, event_path]
    return first_answer(command, ROOT, env, lambda line: line.strip() == "answered")


def first_answer(
    command: list[str], cwd: Path, env: dict[str, str] | None, answered: Callable[[str], bool]
) -> tuple[float, int]:
    """Seconds from creating the process to its first line, which ``answered`` must accept; its peak RSS in KiB.

    The child's last line must be its peak RSS (``PEAK_RSS`` run after the answer)."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    assert child.stdout is not None and child.stderr is not None  # both are pipes, above
    first = child.stdout.readline()
    seconds = time.perf_counter() - started
    rest, errors = child.stdout.read(), child.stderr.read()  # not communicate(): it skips what readline buffered
    child.wait(30)
    if not answered(first) or child.returncode:
        raise RuntimeError(f"cold start child failed: {first[:200]!r} {rest!r} {errors[-2000:]}")
    return seconds, int(rest.split()[-1])


def over_http(app: str, env: dict[str, str], request: tuple[bytes, dict], log: Path) -> float:
    with Gunicorn(app, env, log) as server:
        started = server.start()
        return server.first_answer(*request) - started


def run(ca: LocalAlexaCA, ca_dir: str, server_env: dict[str, str]) -> dict:
    work = Path(ca_dir)
    event = envelopes.envelope(envelopes.request("LaunchRequest"))
    (work / "event.json").write_bytes(envelopes.body(event))
    event_path = str(work / "event.json")
    with_pyc, without_pyc = _child_env(server_env), _child_env(server_env, work / "no-bytecode")
    cases = {
        "python -c pass (interpreter alone)": lambda: in_process(_NOTHING, event_path, with_pyc),
        "bare Flask, in-process": lambda: in_process(_BARE, event_path, with_pyc),
        "skill, Lambda (import + lambda_handler)": lambda: in_process(_LAMBDA, event_path, with_pyc),
        "bare Flask, in-process, no bytecode": lambda: in_process(_BARE, event_path, without_pyc),
        "skill, Lambda, no bytecode": lambda: in_process(_LAMBDA, event_path, without_pyc),
        "bare Flask, gunicorn": lambda: (over_http("bench.apps:bare()", with_pyc, _signed(ca), work / "cold.log"), 0),
        "verified webhook, gunicorn": lambda: (
            over_http("bench.apps:verified_skill()", with_pyc, _signed(ca), work / "cold.log"),
            0,
        ),
    }
    for case in cases.values():  # warms the file cache and compiles what is imported lazily; not counted
        case()
    times: dict[str, list[float]] = {name: [] for name in cases}
    peaks: dict[str, list[int]] = {name: [] for name in cases}
    for _ in range(REPEATS):
        for name, case in cases.items():
            seconds, peak = case()
            times[name].append(seconds)
            peaks[name].append(peak)
    cold = {name: median(t) for name, t in times.items()}
    table = Table(
        f"4. Cold start: process created -> first answer ({REPEATS} runs each, alternating)",
        ["case", "median ms", "vs bare Flask", "fastest ms", "peak RSS MiB"],
    )
    pairs = {
        "skill, Lambda (import + lambda_handler)": "bare Flask, in-process",
        "skill, Lambda, no bytecode": "bare Flask, in-process, no bytecode",
        "verified webhook, gunicorn": "bare Flask, gunicorn",
    }
    for name, seconds in cold.items():
        baseline = pairs.get(name)
        peak_kib = median(peaks[name])
        table.add(
            name,
            f"{seconds * 1000:.0f}",
            f"{seconds / cold[baseline]:.2f}x" if baseline else "",
            f"{min(times[name]) * 1000:.0f}",
            f"{peak_kib / 1024:.1f}" if peak_kib else "",
        )
    table.print()
    return {
        "cold_lambda_ratio": cold["skill, Lambda (import + lambda_handler)"] / cold["bare Flask, in-process"],
        "cold_http_ratio": cold["verified webhook, gunicorn"] / cold["bare Flask, gunicorn"],
    }


def _signed(ca: LocalAlexaCA) -> tuple[bytes, dict]:
    body = envelopes.body(envelopes.envelope(envelopes.request("LaunchRequest")))
    return body, ca.sign(body)
