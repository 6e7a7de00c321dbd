"""Graceful shutdown: on SIGTERM, gunicorn lets an in-flight request finish.

Starts the real gunicorn settings (skill/web/gunicorn_conf.py) on 127.0.0.1 with
the real app, slowed down on purpose by a wrapper for one request, sends
SIGTERM while that request is being handled, and checks that it is answered.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from helpers import SKILL_ID, envelope, free_port, healthy, launch_request, wait_until

ROOT = Path(__file__).resolve().parents[1]

# The real webhook, with a delay requested by a test header, and a marker file
# written once the slow request is inside the app.
SLOW_APP = """
import os, pathlib, time
from skill.web.app import create_app
from skill.web.config import Config

_app = create_app(Config(skill_id=os.environ["ALEXA_SKILL_ID"], verify=False))

def app(environ, start_response):
    delay = float(environ.get("HTTP_X_TEST_DELAY") or 0)
    if delay:
        pathlib.Path(os.environ["IN_FLIGHT_MARKER"]).touch()
        time.sleep(delay)
    return _app(environ, start_response)
"""


SETTINGS = ROOT / "skill" / "web" / "gunicorn_conf.py"


@pytest.fixture
def gunicorn(tmp_path):
    (tmp_path / "slow_app.py").write_text(SLOW_APP)
    port = free_port()
    env = os.environ | {
        "ALEXA_SKILL_ID": SKILL_ID,
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "IN_FLIGHT_MARKER": str(tmp_path / "in-flight"),
        "PYTHONPATH": os.pathsep.join([str(tmp_path), str(ROOT)]),
    }
    proc = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "--config", str(SETTINGS), "slow_app:app"],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        assert proc.stderr is not None  # a pipe, above
        if not wait_until(lambda: proc.poll() is not None or healthy(port), 20) or proc.poll() is not None:
            pytest.fail("gunicorn did not start: " + proc.stderr.read().decode()[-2000:])
        yield proc, port, tmp_path / "in-flight"
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.wait(10)
        if proc.stderr is not None:
            proc.stderr.close()


def test_sigterm_lets_the_in_flight_request_finish(gunicorn):
    proc, port, marker = gunicorn
    result: dict = {}

    def slow_request():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        body = json.dumps(envelope(launch_request()))
        try:
            conn.request("POST", "/alexa", body, {"Content-Type": "application/json", "X-Test-Delay": "2"})
            reply = conn.getresponse()
            result["status"], result["body"] = reply.status, json.loads(reply.read())
        except (OSError, http.client.HTTPException) as error:
            result["error"] = repr(error)

    client = threading.Thread(target=slow_request)
    client.start()
    assert wait_until(marker.exists, 10), "the slow request never reached the app"
    proc.send_signal(signal.SIGTERM)
    client.join(30)

    assert "error" not in result, result
    assert result["status"] == 200
    assert result["body"]["response"]["outputSpeech"]["ssml"].startswith("<speak>")
    assert proc.wait(30) == 0  # a clean exit, well inside graceful_timeout
    assert not healthy(port)  # and nothing listens any more
    assert "Handling signal: term" in proc.stderr.read().decode()
