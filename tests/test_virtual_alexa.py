"""An independent, exact-sample check of the en-US interaction model with Bespoken's virtual-alexa.

tools/virtual-alexa/check.js matches utterances against the model's samples
literally (no statistical NLU), sends the requests to the real webhook, which it
starts with gunicorn on 127.0.0.1 (ALEXA_VERIFY=0) and stops again, and checks
the intent, the slots and the spoken answer. Needs Node.js and npm; installs
tools/virtual-alexa/node_modules with `npm ci` (npm registry only) when missing.
Skipped, with the reason, when node or npm is absent or the registry cannot be
reached.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
TOOL = ROOT / "tools" / "virtual-alexa"
SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"

PING_TIMEOUT_S = 30
INSTALL_TIMEOUT_S = 300
CHECK_TIMEOUT_S = 240  # check.js gives up by itself after 180 s
NETWORK_ERRORS = (
    "ENOTFOUND",
    "EAI_AGAIN",
    "ECONNREFUSED",
    "ECONNRESET",
    "ETIMEDOUT",
    "ENETUNREACH",
    "EHOSTUNREACH",
    "network",
    "socket hang up",
)


def _npm_env() -> dict[str, str]:
    env = dict(os.environ)
    env.update(npm_config_update_notifier="false", npm_config_fund="false", npm_config_audit="false")
    return env


def _run(command: list[str], timeout: float, env: dict[str, str]) -> subprocess.CompletedProcess | None:
    """Run in its own process group; on timeout end the whole group and return None."""
    proc = subprocess.Popen(
        command, cwd=TOOL, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True
    )
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=10)
                break
            except subprocess.TimeoutExpired:
                continue
        proc.communicate()
        return None
    return subprocess.CompletedProcess(command, proc.returncode, out, err)


def _npm_reason(text: str) -> str:
    """The telling line of npm's error output (the last line is only the log's path)."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for wanted in ("FetchError", "npm error code", "npm error"):
        for line in lines:
            if wanted in line:
                return line
    return lines[-1] if lines else "no message"


def _install() -> None:
    if (TOOL / "node_modules" / "virtual-alexa" / "package.json").is_file():
        return
    env = _npm_env()
    ping = _run(["npm", "ping", "--fetch-retries=0", "--fetch-timeout=15000"], PING_TIMEOUT_S, env)
    if ping is None or ping.returncode != 0:
        if ping is None:
            why = f"no answer within {PING_TIMEOUT_S} s"
        else:
            why = _npm_reason(ping.stdout + ping.stderr)
        pytest.skip(f"npm cannot reach its registry (npm ping: {why}), so virtual-alexa cannot be installed")
    # --ignore-scripts: nothing virtual-alexa needs runs at install time.
    done = _run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], INSTALL_TIMEOUT_S, env)
    if done is None:
        pytest.skip(f"npm ci did not finish within {INSTALL_TIMEOUT_S} s; is the registry reachable?")
    if done.returncode != 0:
        text = done.stdout + done.stderr
        if any(marker in text for marker in NETWORK_ERRORS):
            pytest.skip("npm ci could not download from the registry: " + _npm_reason(text))
        pytest.fail(f"npm ci failed ({done.returncode}):\n{text[-4000:]}")


def test_virtual_alexa_matches_samples_and_the_webhook_answers():
    for tool in ("node", "npm"):
        if shutil.which(tool) is None:
            pytest.skip(f"`{tool}` is not installed; the virtual-alexa check needs Node.js and npm")
    _install()
    env = dict(os.environ)
    env.pop("SKILL_URL", None)  # always the server check.js starts on 127.0.0.1
    env.update(PYTHON=sys.executable, ALEXA_SKILL_ID=SKILL_ID)
    result = _run(["node", "check.js"], CHECK_TIMEOUT_S, env)
    assert result is not None, f"check.js took longer than {CHECK_TIMEOUT_S} s"
    report = f"exit {result.returncode}\n{result.stdout}\n{result.stderr[-3000:]}"
    assert result.returncode == 0, report
    assert "all expectations met" in result.stdout, report
    assert "DescribeIntent {description=" in result.stdout, report
