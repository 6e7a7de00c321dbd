"""`make bench`: every figure of issue 5 in one run, printed as tables, then the targets.

Not a test: nothing here asserts; absolute times on a shared machine are
noisy, so each comparison is made in this one run and shown as a ratio.
"""

from __future__ import annotations

import compileall
import os
import platform
import ssl
import sys
import tempfile
import time
from pathlib import Path

from bench import coldstart, dispatch, lambda_coldstart, stages, throughput, verification
from bench.server import ROOT
from bench.stats import Table
from tooling.local_ca import LocalAlexaCA


def machine() -> str:
    cores = len(os.sched_getaffinity(0))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return (
        f"machine: {cores} cores ({platform.processor() or platform.machine()}), "
        f"Python {platform.python_version()}, {ssl.OPENSSL_VERSION}, {platform.system()} {platform.release()}\n"
        f"load average before the run: {load}"
    )


def targets(found: dict) -> None:
    table = Table("Targets", ["target", "measured", "goal", "met"])
    rows = [
        (
            "(a) verification, cached, CPU per request",
            f"{found['verify_cached_cpu_s'] * 1000:.3f} ms",
            "<= 0.2 ms",
            found["verify_cached_cpu_s"] <= 0.0002,
        ),
    ]
    if found.get("verify_stock_cpu_s"):
        speedup = found["verify_stock_cpu_s"] / found["verify_cached_cpu_s"]
        rows.append(("(a) ... faster than the stock verifier", f"{speedup:.0f}x", ">= 25x", speedup >= 25))
    rows += [
        (
            "(b) verified webhook throughput vs bare Flask",
            f"{found['throughput_ratio']:.2f}x",
            ">= 0.85x",
            found["throughput_ratio"] >= 0.85,
        ),
        (
            "(c) in-process dispatch p99, worst request type",
            f"{found['dispatch_p99_worst_s'] * 1000:.3f} ms",
            "<= 2 ms",
            found["dispatch_p99_worst_s"] <= 0.002,
        ),
        (
            "(d) cold start vs bare Flask, Lambda (in-process)",
            f"{found['cold_lambda_ratio']:.2f}x",
            "<= 1.5x",
            found["cold_lambda_ratio"] <= 1.5,
        ),
        (
            "(d) cold start vs bare Flask, gunicorn (HTTP)",
            f"{found['cold_http_ratio']:.2f}x",
            "<= 1.5x",
            found["cold_http_ratio"] <= 1.5,
        ),
    ]
    for name, value, goal, met in rows:
        table.add(name, value, goal, "yes" if met else "NO")
    table.print()


def main() -> int:
    started = time.perf_counter()
    print(machine(), flush=True)
    # Servers and cold starts run from bytecode, as an installed package does
    # (PYTHONDONTWRITEBYTECODE would otherwise leave the checkout uncompiled).
    for package in ("skill", "bench"):
        compileall.compile_dir(ROOT / package, quiet=1)
    found = dispatch.run()
    with tempfile.TemporaryDirectory(prefix="bench-") as work:
        ca = LocalAlexaCA.create()
        ca.save(work)
        found |= verification.run(ca, work)
        env = throughput.server_env(work)
        loaded, memory = throughput.run(ca, work, os.environ | env)
        stages.run(ca, env["BENCH_BARE_ANSWER"])
        found |= loaded | coldstart.run(ca, work, env)
        found |= lambda_coldstart.run(Path(work))
        memory.print()
    targets(found)
    print(f"\n`make bench` took {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
