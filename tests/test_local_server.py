"""The first hour: `make run` with no settings serves on 127.0.0.1, and the line it prints gets an answer.

Also the rule beneath it: verification is never off on anything but loopback,
whether the address comes from BIND or from gunicorn's --bind.
"""

from __future__ import annotations

import http.client
import json
import os
import shlex
import signal
import subprocess
from types import SimpleNamespace

import pytest
from helpers import envelope, free_port, healthy, launch_request, wait_until

from skill.web import gunicorn_conf
from skill.web.config import Config, ConfigError, is_loopback
from tooling import local_server, paths

LOOPBACK = ["127.0.0.1:8080", "127.0.0.2:80", "localhost:8080", "[::1]:8080", "127.0.0.1"]
EXPOSED = ["0.0.0.0:8080", ":8080", "10.1.2.3:80", "192.168.1.20:8080", "[::]:8080", "example.org:80", "unix:/tmp/a"]


# --------------------------------------------------------------------------
# verification off: loopback only
# --------------------------------------------------------------------------


@pytest.mark.parametrize("bind", LOOPBACK)
def test_verification_may_be_off_on_loopback(bind):
    assert is_loopback(bind)
    assert Config(verify=False, bind=bind).verify is False


@pytest.mark.parametrize("bind", EXPOSED)
def test_verification_is_never_off_on_anything_but_loopback(bind):
    assert not is_loopback(bind)
    with pytest.raises(ConfigError, match="only on loopback"):
        Config(verify=False, bind=bind)
    with pytest.raises(ConfigError, match="only on loopback"):
        Config.from_env({"ALEXA_VERIFY": "0", "BIND": bind})
    assert Config(skill_id="amzn1.ask.skill.x", bind=bind).verify  # with verification on, any address


def test_the_bind_address_is_bind_else_loopback_on_port():
    assert Config.from_env({"ALEXA_SKILL_ID": "x"}).bind == "127.0.0.1:8080"
    assert Config.from_env({"ALEXA_SKILL_ID": "x", "PORT": "9000"}).bind == "127.0.0.1:9000"
    assert Config.from_env({"ALEXA_SKILL_ID": "x", "BIND": "0.0.0.0:80"}).bind == "0.0.0.0:80"


def test_gunicorn_refuses_unverified_serving_even_when_bind_comes_from_the_command_line(monkeypatch):
    """gunicorn's --bind never reaches Config: its on_starting hook checks the addresses it will use."""
    monkeypatch.setenv("ALEXA_VERIFY", "0")
    with pytest.raises(RuntimeError, match="only on loopback"):
        gunicorn_conf.on_starting(SimpleNamespace(cfg=SimpleNamespace(bind=["127.0.0.1:8080", "0.0.0.0:8080"])))
    gunicorn_conf.on_starting(SimpleNamespace(cfg=SimpleNamespace(bind=["127.0.0.1:8080"])))
    monkeypatch.setenv("ALEXA_VERIFY", "1")
    gunicorn_conf.on_starting(SimpleNamespace(cfg=SimpleNamespace(bind=["0.0.0.0:8080"])))


# --------------------------------------------------------------------------
# what the local server runs
# --------------------------------------------------------------------------


def test_with_no_settings_the_local_server_verifies_against_the_local_ca_on_loopback():
    server = local_server.plan({}, paths.ROOT)
    assert server.environment["BIND"] == "127.0.0.1:8080"
    assert server.environment["ALEXA_SKILL_ID"] == local_server.LOCAL_SKILL_ID
    assert server.environment["LOCAL_CA_DIR"] == ".sim-ca"
    assert server.app == "tooling.local_ca:create_app_trusting()"
    words = shlex.split(server.simulator_line)
    assert words[words.index("--url") + 1] == "http://127.0.0.1:8080/alexa"
    assert words[words.index("--sign") + 1] == ".sim-ca"
    assert words[words.index("--skill-id") + 1] == local_server.LOCAL_SKILL_ID
    assert "--no-control-socket" in server.command and server.command[-1] == server.app


def test_the_local_server_binds_loopback_whatever_bind_says():
    server = local_server.plan({"BIND": "0.0.0.0:80", "PORT": "9001", "LOCAL_CA_DIR": "/tmp/ca"}, paths.ROOT)
    assert server.environment["BIND"] == "127.0.0.1:9001"
    assert "--sign /tmp/ca" in server.simulator_line


def test_local_server_with_verification_off_sends_unsigned_requests():
    server = local_server.plan({"ALEXA_VERIFY": "0"}, paths.ROOT)
    assert server.app == "skill.web.app:create_app()"
    assert "--sign" not in server.simulator_line and server.ca_dir is None
    assert "not verified" in local_server.announcement(server)


def test_local_server_refuses_settings_that_make_no_sense():
    with pytest.raises(ConfigError):
        local_server.plan({"PORT": "eighty"}, paths.ROOT)


@pytest.mark.parametrize(
    ("skill_id", "runs", "never"),
    [
        ("", "tooling.local_server", "skill.web.app:create_app()"),
        ("amzn1.ask.skill.real", "skill.web.app:create_app()", "tooling.local_server"),
    ],
)
def test_make_run_chooses_the_local_server_only_without_a_skill_id(skill_id, runs, never):
    """`make -n` prints what `make run` would do; production settings take the plain gunicorn path."""
    environment = _make_environment() | {"ALEXA_SKILL_ID": skill_id}
    out = subprocess.run(
        ["make", "-n", "run"], cwd=paths.ROOT, env=environment, capture_output=True, text=True, timeout=60, check=True
    ).stdout
    assert runs in out and never not in out


# --------------------------------------------------------------------------
# `make run`, then the line it prints
# --------------------------------------------------------------------------


def _make_environment() -> dict[str, str]:
    """This environment without the settings `make run` reads, nor the outer make's own."""
    ignored = ("ALEXA_SKILL_ID", "ALEXA_VERIFY", "BIND", "PORT", "LOCAL_CA_DIR", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")
    return {k: v for k, v in os.environ.items() if k not in ignored}


@pytest.fixture(scope="module")
def make_run(tmp_path_factory):
    """`make run` on a free port with no settings; yields (port, what it printed, its CA folder)."""
    tmp_path = tmp_path_factory.mktemp("make-run")
    port = free_port()
    out_path, err_path = tmp_path / "stdout", tmp_path / "stderr"
    # The CA goes to a temporary folder rather than the checkout's .sim-ca/.
    environment = _make_environment() | {"LOCAL_CA_DIR": str(tmp_path / "ca")}
    with out_path.open("wb") as out, err_path.open("wb") as err:
        proc = subprocess.Popen(
            ["make", "--no-print-directory", "run", f"PORT={port}"],
            cwd=paths.ROOT,
            env=environment,
            stdout=out,
            stderr=err,
            start_new_session=True,  # make, the local server and gunicorn share one process group
        )
    try:
        if not wait_until(lambda: proc.poll() is not None or healthy(port), 60) or proc.poll() is not None:
            pytest.fail(f"make run did not serve:\n{out_path.read_text()}\n{err_path.read_text()[-3000:]}")
        yield port, out_path.read_text(), tmp_path / "ca"
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


def test_make_run_with_no_settings_serves_and_its_printed_line_gets_an_answer(make_run):
    port, printed, _ = make_run
    (line,) = [line.strip() for line in printed.splitlines() if "skill-sim" in line and "--url" in line]
    assert f"--url http://127.0.0.1:{port}/alexa" in line
    # The line exactly as printed, run from the checkout as the reader would; a turn typed in.
    reply = subprocess.run(
        shlex.split(line),
        cwd=paths.ROOT,
        input="open back knot guide\n",
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert reply.returncode == 0, reply.stderr
    assert "LaunchRequest" in reply.stdout
    assert "alexa> Welcome to Back Knot Guide." in reply.stdout


def test_make_run_with_no_settings_still_refuses_unsigned_requests(make_run):
    port, _, _ = make_run
    body = envelope(launch_request())
    body["context"]["System"]["application"]["applicationId"] = local_server.LOCAL_SKILL_ID
    body["session"]["application"]["applicationId"] = local_server.LOCAL_SKILL_ID
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("POST", "/alexa", json.dumps(body), {"Content-Type": "application/json"})
        reply = conn.getresponse()
        assert reply.status == 400
        assert json.loads(reply.read()) == {"error": "missing SignatureCertChainUrl header"}
    finally:
        conn.close()


def test_the_ca_made_for_the_local_server_is_where_the_line_says(make_run):
    _, printed, ca_dir = make_run
    assert (ca_dir / "root.pem").exists()
    assert f"--sign {ca_dir}" in printed
    assert (ca_dir / "leaf-key.pem").stat().st_mode & 0o077 == 0  # private keys: owner only
