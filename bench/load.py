"""`make load`: signed requests against gunicorn on 127.0.0.1, then a slow-fetch check.

1. Creates a LocalAlexaCA in a temporary directory and starts gunicorn with
   skill/web/gunicorn_conf.py and ``tooling.local_ca:create_app_trusting()``:
   verification on, trusting only that CA. Loopback only.
2. Sends LOAD_REQUESTS (20,000) signed requests, a mix of intents, over
   LOAD_CONCURRENCY (64) keep-alive connections; prints throughput, p50, p99
   and errors. The target is 0 errors.
3. Sends one request whose certificate URL takes SLOW_FETCH_S to fetch, and
   while that fetch is in progress runs more verified requests: they must
   keep flowing (no errors, p99 far below the stall).
4. Stops gunicorn with SIGTERM and reports how it exited.

Bounded: every phase has a time limit, and the script exits by itself.
Exit status 1 if any phase missed its target.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.loadgen import run_load, sample_envelopes, signed_requests
from tooling.local_ca import SLOW_CERT_URL, LocalAlexaCA

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-00000000load"
TOTAL = int(os.environ.get("LOAD_REQUESTS", "20000"))
CONCURRENCY = int(os.environ.get("LOAD_CONCURRENCY", "64"))
# Signed bodies carry a timestamp that is good for 150 s; stay inside it.
TIME_LIMIT_S = 120.0
SLOW_FETCH_S = 5.0


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def _get(port: int, path: str) -> int | None:
    conn = http.client.HTTPConnection(HOST, port, timeout=2)
    try:
        conn.request("GET", path)
        return conn.getresponse().status
    except (OSError, http.client.HTTPException):
        return None
    finally:
        conn.close()


def start_gunicorn(ca_dir: str, port: int) -> subprocess.Popen:
    env = os.environ | {
        "LOCAL_CA_DIR": ca_dir,
        "LOCAL_CA_SLOW_FETCH_S": str(SLOW_FETCH_S),
        "ALEXA_SKILL_ID": SKILL_ID,
        "BIND": f"{HOST}:{port}",
    }
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "--config",
        str(ROOT / "skill" / "web" / "gunicorn_conf.py"),
        "tooling.local_ca:create_app_trusting()",
    ]
    # The request log (one JSON line per request, as in production) goes to a file.
    with open(Path(ca_dir) / "gunicorn.log", "wb") as log:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and proc.poll() is None:
        if _get(port, "/healthz") == 200:
            return proc
        time.sleep(0.1)
    proc.kill()
    raise SystemExit("gunicorn did not start; see " + str(Path(ca_dir) / "gunicorn.log"))


def slow_fetch_check(ca: LocalAlexaCA, port: int) -> dict:
    """One request stalls on a slow certificate fetch; the others must not."""
    slow_body = json.dumps(sample_envelopes(SKILL_ID)[0]).encode()
    slow_headers = {"Content-Type": "application/json"} | ca.sign(slow_body, url=SLOW_CERT_URL)
    slow: dict = {}

    def send_slow() -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=SLOW_FETCH_S + 30)
        started = time.perf_counter()
        try:
            conn.request("POST", "/alexa", slow_body, slow_headers)
            slow["status"] = conn.getresponse().status
        except (OSError, http.client.HTTPException) as error:
            slow["status"] = repr(error)
        slow["seconds"] = time.perf_counter() - started
        conn.close()

    thread = threading.Thread(target=send_slow)
    thread.start()
    time.sleep(0.3)  # let the slow request reach a worker and start its fetch
    # Every request below is sent and answered while that fetch is still sleeping.
    during = run_load(
        HOST,
        port,
        signed_requests(ca, sample_envelopes(SKILL_ID)),
        total=1_000_000,
        concurrency=16,
        time_limit_s=SLOW_FETCH_S - 1.5,
    )
    thread.join(SLOW_FETCH_S + 35)
    return {"slow_request": slow, "during_stall": during}


def stop(proc: subprocess.Popen) -> int:
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        return proc.wait(10)


def main() -> int:
    failures = []
    with tempfile.TemporaryDirectory(prefix="load-ca-") as ca_dir:
        ca = LocalAlexaCA.create()
        ca.save(ca_dir)
        port = _free_port()
        proc = start_gunicorn(ca_dir, port)
        try:
            print(f"gunicorn on {HOST}:{port} (skill/web/gunicorn_conf.py), verification on, local CA")
            requests = signed_requests(ca, sample_envelopes(SKILL_ID))
            print(
                f"load: {TOTAL} signed requests, {len(requests)} different bodies, "
                f"{CONCURRENCY} connections, time limit {TIME_LIMIT_S:.0f} s"
            )
            result = run_load(HOST, port, requests, total=TOTAL, concurrency=CONCURRENCY, time_limit_s=TIME_LIMIT_S)
            print("  " + result.summary())
            print("  statuses: " + json.dumps(result.as_dict()["statuses"]))
            if result.errors or result.requests < TOTAL:
                failures.append("load")

            print(f"slow fetch: one request whose certificate takes {SLOW_FETCH_S:.0f} s to fetch")
            check = slow_fetch_check(ca, port)
            slow, during = check["slow_request"], check["during_stall"]
            print(f"  slow request: status {slow.get('status')} after {slow.get('seconds', 0):.2f} s")
            print("  meanwhile: " + during.summary())
            stalled = during.errors or during.requests == 0 or during.percentile(99) > 1000 * SLOW_FETCH_S / 2
            if slow.get("status") != 200 or stalled:
                failures.append("slow fetch")
        finally:
            code = stop(proc)
            print(f"SIGTERM: gunicorn exited with status {code}")
            if code != 0:
                failures.append("shutdown")
        if failures:
            print("FAILED: " + ", ".join(failures))
            print((Path(ca_dir) / "gunicorn.log").read_text()[-3000:])
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
