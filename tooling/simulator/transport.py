"""How a request reaches the skill: in this process, or over HTTP to a webhook.

Against a webhook that verifies signatures, requests can be signed with a
local test CA (tooling/local_ca.py).  The server must have been started to
trust that CA and nothing else; the production server never does:

    ALEXA_SKILL_ID=... LOCAL_CA_DIR=.sim-ca gunicorn 'tooling.local_ca:create_app_trusting()'
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

Signer = Callable[[bytes], dict]

_LOOPBACK = {"localhost", "127.0.0.1", "::1"}


class TransportError(RuntimeError):
    """The skill could not be reached, or did not answer with a response."""


class Transport(Protocol):
    def send(self, body: dict) -> dict: ...


class InProcess:
    """Calls the skill directly, as AWS Lambda would."""

    def send(self, body: dict) -> dict:
        from skill.builder import invoke
        from skill.envelope import BadEnvelope  # the skill loads only when it is used

        try:
            return invoke(body)
        except BadEnvelope as error:
            raise TransportError(f"the skill refused the request: {error}") from None


class Webhook:
    """POSTs each request to a running webhook, signed if a signer is given."""

    def __init__(self, url: str, *, signer: Signer | None = None, timeout: float = 10.0):
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise TransportError(f"not an http(s) URL: {url}")
        self.url = url
        self.signer = signer
        self.timeout = timeout
        # A proxy from the environment must not swallow requests to this machine.
        handlers = [urllib.request.ProxyHandler({})] if parts.hostname in _LOOPBACK else []
        self._opener = urllib.request.build_opener(*handlers)

    def send(self, body: dict) -> dict:
        data = json.dumps(body).encode()
        headers = {"Content-Type": "application/json", **(self.signer(data) if self.signer else {})}
        request = urllib.request.Request(self.url, data=data, headers=headers, method="POST")
        try:
            with self._opener.open(request, timeout=self.timeout) as reply:
                answer = json.loads(reply.read())
        except urllib.error.HTTPError as error:
            raise TransportError(f"HTTP {error.code} from {self.url}: {_reason(error)}") from None
        except (urllib.error.URLError, OSError) as error:
            raise TransportError(f"cannot reach {self.url}: {getattr(error, 'reason', error)}") from None
        except ValueError:
            raise TransportError(f"{self.url} did not answer with JSON") from None
        if not isinstance(answer, dict):
            raise TransportError(f"{self.url} did not answer with a JSON object")
        return answer


def _reason(error: urllib.error.HTTPError) -> str:
    try:
        return str(json.loads(error.read())["error"])
    except (ValueError, KeyError, TypeError, OSError):
        return error.reason or "no reason given"


def local_ca_signer(directory: str | Path) -> Signer:
    """Sign with the test CA saved in ``directory``, creating one there if there is none."""
    from tooling.local_ca import LocalAlexaCA

    path = Path(directory)
    if not (path / "root.pem").exists():
        LocalAlexaCA.create().save(path)
    return LocalAlexaCA.load(path).sign
