"""gunicorn under the benchmarks: same settings file for every app, loopback only."""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
HOST = "127.0.0.1"
SETTINGS = ROOT / "skill" / "web" / "gunicorn_conf.py"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


class Gunicorn:
    """One gunicorn master serving ``app`` ("module:factory()") with skill/web/gunicorn_conf.py."""

    def __init__(self, app: str, env: dict[str, str], log_path: Path) -> None:
        """``env`` is the server's whole environment; BIND is added."""
        self.app = app
        self.port = free_port()
        self.env = env | {"BIND": f"{HOST}:{self.port}"}
        self.log_path = log_path
        self.proc: subprocess.Popen | None = None

    def start(self) -> float:
        """Start the master; returns time.perf_counter() just before the process was created."""
        # No control socket: it lives at one path per user, so two masters would share it.
        command = [sys.executable, "-m", "gunicorn", "--config", str(SETTINGS), "--no-control-socket", self.app]
        with open(self.log_path, "ab") as log:
            started = time.perf_counter()
            self.proc = subprocess.Popen(command, cwd=ROOT, env=self.env, stdout=subprocess.DEVNULL, stderr=log)
        return started

    @property
    def _process(self) -> subprocess.Popen:
        if self.proc is None:
            raise RuntimeError(f"{self.app} was not started")
        return self.proc

    def first_answer(self, body: bytes, headers: dict[str, str], limit_s: float = 30.0) -> float:
        """Post until the app answers 200; returns time.perf_counter() at that answer."""
        deadline = time.perf_counter() + limit_s
        while time.perf_counter() < deadline:
            if self._process.poll() is not None:
                break
            conn = http.client.HTTPConnection(HOST, self.port, timeout=limit_s)
            try:
                conn.request("POST", "/alexa", body, {"Content-Type": "application/json", **headers})
                reply = conn.getresponse()
                reply.read()
                if reply.status == 200:
                    return time.perf_counter()
                raise RuntimeError(f"{self.app} answered {reply.status}; log: {self.log_path}")
            except ConnectionRefusedError:
                time.sleep(0.002)  # not listening yet
            finally:
                conn.close()
        raise RuntimeError(self.failed())

    def wait_for_workers(self, count: int, limit_s: float = 10.0) -> None:
        """Wait until ``count`` workers are up, so that none misses the first connections."""
        deadline = time.perf_counter() + limit_s
        while len(self.workers()) < count:
            if time.perf_counter() > deadline:
                raise RuntimeError(self.failed())
            time.sleep(0.01)
        time.sleep(0.5)  # forked is not yet accepting

    def workers(self) -> list[int]:
        pid = self._process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return [int(pid) for pid in children]

    def workers_cpu_s(self) -> float:
        """User + system CPU seconds used so far by all workers."""
        total = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])  # utime, stime
        return total / os.sysconf("SC_CLK_TCK")

    def peak_rss_kib(self, pid: int) -> int:
        """VmHWM: the most resident memory the process ever had."""
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
        raise RuntimeError(f"no VmHWM for {pid}")

    def stop(self) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.proc.send_signal(signal.SIGINT)  # quick shutdown: nothing is in flight
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(5)

    def failed(self) -> str:
        return f"gunicorn {self.app} did not answer; log: {self.log_path}"

    def __enter__(self) -> Gunicorn:
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
