"""3. Throughput and 5. memory: the verified webhook against a bare Flask endpoint, under gunicorn.

Both apps run under skill/web/gunicorn_conf.py (2 gthread workers x 4 threads,
preloaded) on 127.0.0.1, and get the same load from bench/loadgen.py: the
same mix of signed requests over the same number of keep-alive connections,
for the same time.  The skill verifies every request (a generated CA it
trusts) and writes its one-line JSON request log (to a file); the bare
endpoint reads the body and returns a fixed JSON as long as the skill's
answers.  The two alternate, ROUNDS times each, to spread machine noise.

The load generator runs on the same two cores as the server, as it would on
any single machine; it costs both apps the same.
"""

from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from bench import envelopes
from bench.loadgen import LoadResult, run_load, sample_envelopes, signed_requests
from bench.server import HOST, Gunicorn
from bench.stats import Table, median
from skill.web import gunicorn_conf
from tooling.local_ca import LocalAlexaCA

ROUNDS = int(os.environ.get("BENCH_ROUNDS", "2"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "10"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "64"))
_WARM_UP = 400
APPS = {"bare Flask": "bench.apps:bare()", "verified webhook": "bench.apps:verified_skill()"}


def server_env(ca_dir: str) -> dict[str, str]:
    """What the two apps read: the CA and skill id, and the bare app's fixed answer."""
    answer_path = Path(ca_dir) / "bare-answer.json"
    answer_path.write_bytes(typical_answer()[0])
    return {
        "ALEXA_SKILL_ID": envelopes.SKILL_ID,
        "ALEXA_TRUST_ROOTS": str(Path(ca_dir) / "root.pem"),
        "LOCAL_CA_DIR": ca_dir,
        "BENCH_BARE_ANSWER": str(answer_path),
    }


def typical_answer() -> tuple[bytes, float]:
    """The skill's answer closest to the mix's mean size, and that mean."""
    from skill.builder import invoke

    answers = [json.dumps(invoke(e), separators=(",", ":")).encode() for e in sample_envelopes(envelopes.SKILL_ID)]
    mean = sum(map(len, answers)) / len(answers)
    return min(answers, key=lambda a: abs(len(a) - mean)), mean


@dataclass
class Round:
    load: LoadResult
    server_cpu_s: float  # all workers, during the measured load
    loadgen_cpu_s: float
    worker_peaks_kib: list[int]


def one_round(app: str, env: dict, ca: LocalAlexaCA, log: Path) -> Round:
    requests = signed_requests(ca, sample_envelopes(envelopes.SKILL_ID))  # fresh timestamps
    with Gunicorn(app, env, log) as server:
        server.start()
        server.first_answer(requests[0].body, dict(requests[0].headers))
        server.wait_for_workers(gunicorn_conf.workers)
        run_load(HOST, server.port, requests, total=_WARM_UP, concurrency=CONNECTIONS)
        server_cpu, loadgen_cpu = server.workers_cpu_s(), time.process_time()
        result = run_load(HOST, server.port, requests, total=10**9, concurrency=CONNECTIONS, time_limit_s=SECONDS)
        server_cpu, loadgen_cpu = server.workers_cpu_s() - server_cpu, time.process_time() - loadgen_cpu
        peaks = [server.peak_rss_kib(pid) for pid in server.workers()]
    return Round(result, server_cpu, loadgen_cpu, peaks)


def run(ca: LocalAlexaCA, ca_dir: str, env: dict[str, str]) -> tuple[dict, Table]:
    """``env``: the servers' whole environment (see server_env).  Prints table 3;
    returns the figures and table 5 (memory), printed by the caller."""
    answer, mean_size = typical_answer()
    rounds: dict[str, list[Round]] = {name: [] for name in APPS}
    for _ in range(ROUNDS):
        for name, app in APPS.items():
            rounds[name].append(one_round(app, env, ca, Path(ca_dir) / "gunicorn.log"))
    summary = {name: _summary(found) for name, found in rounds.items()}
    bare, skill = summary["bare Flask"], summary["verified webhook"]
    table = Table(
        f"3. Throughput under gunicorn (skill/web/gunicorn_conf.py), {CONNECTIONS} connections, "
        f"{ROUNDS} x {SECONDS:.0f} s each, alternating; bare answer {len(answer)} B, "
        f"skill answers {mean_size:.0f} B on average",
        ["app", "requests/s", "p50 ms", "p99 ms", "server CPU us/req", "loadgen CPU us/req", "requests", "errors"],
    )
    for name, s in summary.items():
        table.add(
            name,
            f"{s['rps']:.0f}",
            f"{s['p50']:.2f}",
            f"{s['p99']:.2f}",
            f"{s['server_us']:.0f}",
            f"{s['loadgen_us']:.0f}",
            s["requests"],
            s["errors"],
        )
    table.add(
        "webhook / bare",
        f"{skill['rps'] / bare['rps']:.2f}x",
        f"{skill['p50'] / bare['p50']:.2f}x",
        f"{skill['p99'] / bare['p99']:.2f}x",
        f"{skill['server_us'] / bare['server_us']:.2f}x",
        "",
        "",
        "",
    )
    table.print()
    peaks = {name: [kib for r in found for kib in r.worker_peaks_kib] for name, found in rounds.items()}
    memory = Table(
        "5. Memory: peak RSS per gunicorn worker (VmHWM after the load; the app is preloaded, "
        "so pages shared with the master count in each worker)",
        ["app", "median MiB", "max MiB"],
    )
    for name, kib in peaks.items():
        memory.add(name, f"{median(kib) / 1024:.1f}", f"{max(kib) / 1024:.1f}")
    memory.add("webhook / bare", f"{median(peaks['verified webhook']) / median(peaks['bare Flask']):.2f}x", "")
    return {"throughput_ratio": skill["rps"] / bare["rps"]}, memory


def _summary(rounds: list[Round]) -> dict:
    loads = [r.load for r in rounds]
    pooled = LoadResult(
        requests=sum(r.requests for r in loads),
        errors=sum(r.errors for r in loads),
        seconds=sum(r.seconds for r in loads),
        concurrency=CONNECTIONS,
        latencies_ms=sorted(ms for r in loads for ms in r.latencies_ms),
    )
    return {
        "rps": pooled.throughput,
        "p50": pooled.percentile(50),
        "p99": pooled.percentile(99),
        "requests": pooled.requests,
        "errors": pooled.errors,
        "server_us": sum(r.server_cpu_s for r in rounds) / pooled.requests * 1e6,
        "loadgen_us": sum(r.loadgen_cpu_s for r in rounds) / pooled.requests * 1e6,
    }
