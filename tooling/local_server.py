"""`make run` with no settings: the webhook on 127.0.0.1, and the line that talks to it.

    PORT=8080 python -m tooling.local_server

A fresh clone has no skill ID from Amazon, and nothing Amazon signs could
reach 127.0.0.1 anyway.  So that `make run` still serves something useful,
this runs the same webhook under the same gunicorn settings with verification
on, trusting only the local test CA in ``$LOCAL_CA_DIR`` (default ``.sim-ca``,
made on first use by tooling/local_ca.py) and expecting a fixed local skill
ID, bound to 127.0.0.1 whatever BIND says.  It prints the ready
``skill-sim --url ... --sign ...`` line, then becomes gunicorn.

`make run` takes this path only when ALEXA_SKILL_ID is unset; with it set the
production path runs (Amazon's roots, full verification).  ALEXA_VERIFY=0
here serves the same local skill ID without signatures, still on loopback.
"""

from __future__ import annotations

import os
import shlex
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from skill.web.config import Config, ConfigError
from tooling.local_ca import LocalAlexaCA
from tooling.simulator.alexa_requests import DEFAULT_SKILL_ID

# skill-sim's own default, so that requests it makes without --skill-id match too.
LOCAL_SKILL_ID = DEFAULT_SKILL_ID
DEFAULT_CA_DIR = ".sim-ca"
HOST = "127.0.0.1"
SIGNED_APP = "tooling.local_ca:create_app_trusting()"
UNSIGNED_APP = "skill.web.app:create_app()"


@dataclass(frozen=True)
class Plan:
    """What to run: gunicorn's environment and app, and the line that talks to it."""

    environment: dict[str, str]
    app: str
    url: str
    simulator_line: str
    ca_dir: Path | None  # None when requests go unsigned

    @property
    def command(self) -> list[str]:
        # No control socket: it lives at one path per user, so two local servers would share it.
        return [
            sys.executable,
            "-m",
            "gunicorn",
            "--config",
            "python:skill.web.gunicorn_conf",
            "--no-control-socket",
            self.app,
        ]


def plan(environ: Mapping[str, str], cwd: Path) -> Plan:
    """The local server for these settings; raises ConfigError for settings that make no sense."""
    environment = {**environ, "ALEXA_SKILL_ID": LOCAL_SKILL_ID, "BIND": HOST}  # loopback, whatever BIND said
    config = Config.from_env(environment)  # checks PORT and the rest
    environment["BIND"] = f"{HOST}:{config.port}"
    url = f"http://{environment['BIND']}/alexa"
    words = [_simulator(cwd), "--url", url]
    ca_dir = None
    if config.verify:
        ca_dir = Path(environ.get("LOCAL_CA_DIR") or DEFAULT_CA_DIR)
        environment["LOCAL_CA_DIR"] = str(ca_dir)
        words += ["--sign", str(ca_dir)]
    words += ["--skill-id", LOCAL_SKILL_ID]
    app = SIGNED_APP if config.verify else UNSIGNED_APP
    return Plan(environment, app, url, shlex.join(words), ca_dir)


def _simulator(cwd: Path) -> str:
    """skill-sim beside this Python (.venv/bin/skill-sim), as a path the user can type from ``cwd``."""
    script = Path(sys.executable).parent / "skill-sim"
    if not script.exists():
        return shlex.join([sys.executable, "-m", "tooling.simulator"])
    return os.path.relpath(script, cwd) if script.is_relative_to(cwd) else str(script)


def announcement(server: Plan) -> str:
    if server.ca_dir is not None:
        checks = f"Verification is on: only requests signed by the local test CA in {server.ca_dir}/ are answered."
    else:
        checks = "ALEXA_VERIFY=0: requests are not verified (allowed on 127.0.0.1 only)."
    return "\n".join(
        [
            f"Back Knot Guide, local mode (no ALEXA_SKILL_ID set): {server.url}",
            checks,
            "Talk to it from another shell in this folder:",
            "",
            f"    {server.simulator_line}",
            "",
            'Add --say "open back knot guide" for one turn. For the real skill, set ALEXA_SKILL_ID (README: Deploy).',
        ]
    )


def main() -> int:
    try:
        server = plan(os.environ, Path.cwd())
    except ConfigError as error:
        print(f"Configuration error: {error}. See README.md, 'Settings'.", file=sys.stderr)
        return 2
    if server.ca_dir is not None and not (server.ca_dir / "root.pem").exists():
        LocalAlexaCA.create().save(server.ca_dir)  # before the line is printed, so it works at once
    print(announcement(server), flush=True)
    os.execve(sys.executable, server.command, server.environment)
    return 0  # not reached: the process is gunicorn now


if __name__ == "__main__":
    sys.exit(main())
