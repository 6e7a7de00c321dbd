"""Helpers the tests import: requests shaped like Alexa's own, and a conversation over the webhook."""

from __future__ import annotations

import http.client
import json
import socket
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path

from skill.speech import plain
from tooling.simulator import alexa_requests as alexa
from tooling.simulator.alexa_requests import ECHO_DOT

SKILL_ID = "amzn1.ask.skill.00000000-1111-2222-3333-444444444444"
USER_ID = "amzn1.ask.account.TESTUSERSECRET0123456789"
DEVICE_ID = "amzn1.ask.device.TESTDEVICESECRET0123456789"
API_TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.TESTTOKENSECRET.signature"
CONSENT_TOKEN = "Atza|TESTCONSENTTOKENSECRET0123456789"
SHARED = Path(__file__).resolve().parents[2] / "shared"
ARTICLE = SHARED / "seed" / "lower-back-lump-after-exercise.txt"

# The envelope builders live in the simulator, the one source of fabricated requests.
IDENTITY = alexa.Identity(
    skill_id=SKILL_ID,
    user_id=USER_ID,
    device_id=DEVICE_ID,
    api_access_token=API_TOKEN,
    user_extra={"permissions": {"consentToken": CONSENT_TOKEN}},
)
now_iso = alexa.now_iso
launch_request = alexa.launch_request
intent_request = alexa.intent_request
session_ended_request = alexa.session_ended_request


def slot(name: str, value: str, *, slot_type: str | None = None, value_id: str | None = None) -> dict:
    """A slot as Alexa fills it, with entity resolution when a type is given."""
    return alexa.slot(name, value, slot_type=slot_type, value_id=value_id, skill_id=SKILL_ID)


def envelope(
    request: dict,
    *,
    attributes: dict | None = None,
    new: bool = False,
    session_id: str = "amzn1.echo-api.session.test",
    interfaces: dict | None = None,
) -> dict:
    """A full request envelope: version, session and context.System."""
    identity = replace(IDENTITY, interfaces=interfaces or ECHO_DOT)
    return alexa.envelope(request, identity, attributes=attributes, new=new, session_id=session_id)


@dataclass
class Turn:
    """One answer from the skill, as a listener and a screen would get it."""

    status: int
    body: dict

    @property
    def response(self) -> dict:
        return self.body.get("response", {})

    @property
    def ssml(self) -> str:
        return self.response.get("outputSpeech", {}).get("ssml", "")

    @property
    def speech(self) -> str:
        return plain(self.ssml)

    @property
    def reprompt(self) -> str | None:
        ssml = self.response.get("reprompt", {}).get("outputSpeech", {}).get("ssml")
        return plain(ssml) if ssml else None

    @property
    def card(self) -> dict | None:
        return self.response.get("card")

    @property
    def ended(self) -> bool:
        return self.response.get("shouldEndSession") is True

    @property
    def attributes(self) -> dict:
        return self.body.get("sessionAttributes") or {}


class Conversation:
    """Talks to the webhook turn by turn, carrying session attributes like Alexa does."""

    def __init__(self, client, locale: str = "en-US", interfaces: dict | None = None, sign=None):
        self.sign = sign  # body bytes -> signature headers, for an app that verifies
        self.client = client
        self.locale = locale
        self.interfaces = interfaces
        self.attributes: dict = {}
        self.new = True
        self.session_id = f"amzn1.echo-api.session.{uuid.uuid4()}"

    def send(self, request: dict) -> Turn:
        body = envelope(
            request, attributes=self.attributes, new=self.new, session_id=self.session_id, interfaces=self.interfaces
        )
        data = json.dumps(body).encode()
        headers = self.sign(data) if self.sign else {}
        reply = self.client.post("/alexa", data=data, content_type="application/json", headers=headers)
        turn = Turn(reply.status_code, reply.get_json())
        assert turn.status == 200, turn.body
        self.new = False
        self.attributes = turn.attributes
        return turn

    def launch(self) -> Turn:
        return self.send(launch_request(self.locale))

    def ask(self, intent: str, slots: dict | None = None) -> Turn:
        return self.send(intent_request(intent, slots, self.locale))

    def end(self) -> Turn:
        return self.send(session_ended_request())


# --------------------------------------------------------------------------
# servers the tests start on 127.0.0.1
# --------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until(predicate, timeout: float) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return False


def healthy(port: int) -> bool:
    """Whether a webhook on 127.0.0.1:``port`` answers GET /healthz."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
    try:
        conn.request("GET", "/healthz")
        return conn.getresponse().status == 200
    except (OSError, http.client.HTTPException):
        return False
    finally:
        conn.close()
