"""`ask run`, offline: the real ask-sdk-local-debug client, started the way the ASK CLI starts it,
answers a stand-in for Amazon's debug dispatch server on 127.0.0.1.

What the ASK CLI (2.30.7, ``lib/commands/run/run-flow/python-run.js``) runs, from
the project root, with the ``python3`` on PATH (the activated .venv)::

    python3 <site-packages>/ask_sdk_local_debug/local_debugger_invoker.py --accessToken <token>
        --skillId <skill id> --skillHandler <function> --skillFilePath <code src>/<file>.py --region NA

The client (ask-sdk-local-debug 1.1.0) opens a WebSocket to
``wss://bob-dispatch-prod-<region>.amazon.com/v1/skills/<skill id>/stages/development/connectCustomDebugEndpoint``
with the token as its ``authorization`` header.  The server sends one JSON
text message per request: ``{"version", "type": "SkillRequestMessage",
"requestId", "requestPayload": <the Alexa request envelope, as a JSON
string>}``; the client calls the handler with the envelope and answers
``SkillResponseSuccessMessage`` (``originalRequestId``, ``responsePayload``: the
skill's response as a JSON string) or ``SkillResponseFailureMessage``
(``errorCode``, ``errorMessage``).  When the server closes the socket, the
client stops.
"""

from __future__ import annotations

import copy
import json
import os
import queue
import shutil
import site
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from helpers import SKILL_ID, envelope, intent_request, launch_request
from websockets.sync.server import ServerConnection, serve

from skill.builder import invoke
from skill.speech import plain
from tooling import ask_project, lambda_package

TIMEOUT = 60  # seconds: for the client to start and connect, and for each answer
TOKEN = "Atza|local-debug-test-token"  # `ask run` passes the profile's LWA access token
OTHER_SKILL_ID = "amzn1.ask.skill.99999999-8888-7777-6666-555555555555"
DISPATCH_PATH = f"/bob-dispatch-prod-na.amazon.com/v1/skills/{SKILL_ID}/stages/development/connectCustomDebugEndpoint"

# The invoker script, run as `python3 <script> <arguments>` runs it (sys.argv, sys.path[0]),
# with one change: the client's endpoint template points at the loopback server, over ws://.
_AS_ASK_RUN_STARTS_IT = """
import os, runpy, sys
script = sys.argv[1]
sys.argv = sys.argv[1:]
sys.path[0] = os.path.dirname(script)
from ask_sdk_local_debug.util import websocket_util
template = websocket_util.DEBUG_ENDPOINT_URI
assert template.startswith("wss://{}/v1/skills/{}/"), template
websocket_util.DEBUG_ENDPOINT_URI = template.replace("wss://", os.environ["DISPATCH_URL"] + "/", 1)
runpy.run_path(script, run_name="__main__")
"""


def _invoker_script() -> str:
    """Where `ask run` finds the client: the first site-packages folder that holds it."""
    for location in site.getsitepackages():
        script = Path(location) / "ask_sdk_local_debug" / "local_debugger_invoker.py"
        if script.exists():
            return str(script)
    raise AssertionError("ask-sdk-local-debug is not installed (the test extra installs it)")


def _one_upgrade_header(connection: ServerConnection, request) -> None:
    """autobahn sends Upgrade (and Connection) twice: its own header and the local debugger's extra copy.
    Amazon's dispatch accepts that; websockets wants exactly one Upgrade, so one is kept."""
    if len(request.headers.get_all("Upgrade")) > 1:
        del request.headers["Upgrade"]
        request.headers["Upgrade"] = "websocket"


@contextmanager
def dispatch_server() -> Iterator[tuple[str, queue.Queue]]:
    """A WebSocket server on 127.0.0.1; each connection is handed to the test, and held open until the end."""
    connections: queue.Queue = queue.Queue()
    finished = threading.Event()

    def session(connection: ServerConnection) -> None:
        connections.put(connection)
        finished.wait(TIMEOUT)  # returning closes the socket, which ends the client's session

    with serve(session, "127.0.0.1", 0, process_request=_one_upgrade_header) as server:
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"ws://127.0.0.1:{server.socket.getsockname()[1]}", connections
        finally:
            finished.set()
            server.shutdown()
            thread.join(TIMEOUT)


@contextmanager
def ask_run(project: Path, dispatch_url: str, profile: ask_project.Profile) -> Iterator[subprocess.Popen]:
    """The local debugger, as `ask run` starts it for ``profile``, in the project folder ``project``."""
    assert profile.code_src and profile.handler
    skill_file, function = ask_project.ask_run_target(profile.code_src, profile.handler)
    arguments = ["--accessToken", TOKEN, "--skillId", SKILL_ID, "--skillHandler", function]
    arguments += ["--skillFilePath", skill_file, "--region", "NA"]
    # ALEXA_SKILL_ID as in production, so that the handler refuses other skills' requests here too.
    environment = os.environ | {"DISPATCH_URL": dispatch_url, "ALEXA_SKILL_ID": SKILL_ID}
    with (project / "client.log").open("w") as log:
        child = subprocess.Popen(
            [sys.executable, "-c", _AS_ASK_RUN_STARTS_IT, _invoker_script(), *arguments],
            cwd=project,
            env=environment,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        try:
            yield child
        finally:
            if child.poll() is None:
                child.kill()
            child.wait(TIMEOUT)


def _client_log(project: Path) -> str:
    return (project / "client.log").read_text(errors="replace")[-3000:]


def _accepted(connections: queue.Queue, child: subprocess.Popen, project: Path) -> ServerConnection:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            return connections.get(timeout=0.2)
        except queue.Empty:
            assert child.poll() is None, f"the local debugger stopped before connecting:\n{_client_log(project)}"
    raise AssertionError(f"the local debugger did not connect within {TIMEOUT} s:\n{_client_log(project)}")


def _dispatch(connection: ServerConnection, request_id: str, event: dict) -> dict:
    """One SkillRequestMessage, as Amazon's dispatch sends it, and the client's answer."""
    message = {"version": "1.0", "type": "SkillRequestMessage", "requestId": request_id}
    connection.send(json.dumps(message | {"requestPayload": json.dumps(event)}))
    answer = json.loads(connection.recv(timeout=TIMEOUT))
    assert answer["originalRequestId"] == request_id and answer["version"] == "1.0", answer
    return answer


def _skill_response(answer: dict) -> dict:
    assert answer["type"] == "SkillResponseSuccessMessage", answer
    return json.loads(answer["responsePayload"])


@pytest.fixture
def project(tmp_path) -> Path:
    """A copy of the ASK CLI project with its code folder laid out, as `make package` leaves it.

    The client loads the handler's file by its path.  Version 1.1.0 does not put
    the code folder on sys.path (its unreleased source does), so the file's
    ``import skill`` is served by the environment: here, as under `ask run` in the
    activated .venv, the editable install of this repository.
    """
    shutil.copyfile(ask_project.ASK_RESOURCES, tmp_path / ask_project.ASK_RESOURCES.name)
    profile = ask_project.load_profiles(tmp_path / ask_project.ASK_RESOURCES.name)["default"]
    lambda_package.lay_out_code(*profile.code_and_handler())
    return tmp_path


def test_ask_run_answers_the_console_through_the_local_debugger(project):
    profile = ask_project.load_profiles(project / ask_project.ASK_RESOURCES.name)["default"]  # plain `ask run`
    launch = envelope(launch_request(), new=True)
    with dispatch_server() as (url, connections), ask_run(project, url, profile) as child:
        connection = _accepted(connections, child, project)
        assert connection.request is not None
        assert connection.request.path == DISPATCH_PATH
        assert connection.request.headers["authorization"] == TOKEN

        welcome = _skill_response(_dispatch(connection, "dispatch-1", launch))
        causes = envelope(intent_request("CausesIntent"), attributes=welcome["sessionAttributes"])
        answer = _skill_response(_dispatch(connection, "dispatch-2", causes))
        elsewhere = envelope(launch_request(), new=True)
        elsewhere["context"]["System"]["application"]["applicationId"] = OTHER_SKILL_ID
        refused = _dispatch(connection, "dispatch-3", elsewhere)
        connection.close()
        child.wait(TIMEOUT)

    # The skill's own answers, the same as it gives in-process.
    assert welcome == invoke(copy.deepcopy(launch))
    assert answer == invoke(copy.deepcopy(causes))
    assert plain(welcome["response"]["outputSpeech"]["ssml"]).startswith("Welcome to Back Knot Guide.")
    assert plain(answer["response"]["outputSpeech"]["ssml"]).startswith("Common causes are overuse")
    assert answer["response"]["shouldEndSession"] is False
    # A request for another skill fails in the handler, and the client reports the failure.
    assert refused["type"] == "SkillResponseFailureMessage"
    assert refused["errorMessage"] == "request is for another skill"
    # The server closed the socket: the client's session ends, and the process with it.
    assert child.returncode == 0, _client_log(project)
