"""The requests the benchmarks send: one per request type, built by the simulator's
request builders (tooling/simulator/alexa_requests.py), as Alexa shapes them."""

from __future__ import annotations

import json

from skill.topics import INTENT_ROUTES
from tooling.simulator import alexa_requests as alexa

SKILL_ID = "amzn1.ask.skill.00000000-bench-0000-0000-000000000000"
# One user on an Echo Dot (no interfaces the skill uses).
IDENTITY = alexa.Identity(
    skill_id=SKILL_ID,
    user_id="amzn1.ask.account.BENCH",
    device_id="amzn1.ask.device.BENCH",
    api_access_token="bench.token",
    interfaces=alexa.ECHO_DOT,
)

# A value the interaction model resolves, for every intent that has a slot.
_SLOT_SAID = {
    "CauseType": ("overdoing it", "OVERUSE"),
    "SymptomType": ("tender to touch", "TENDERNESS"),
    "ReliefMethodType": ("stretching", "STRETCHING"),
    "WarningSignType": ("numbness", "NUMBNESS_TINGLING"),
}

request = alexa.new_request  # e.g. request("LaunchRequest")


def envelope(request: dict, attributes: dict | None = None) -> dict:
    """A full envelope; without ``attributes`` it opens a new session."""
    return alexa.envelope(
        request, IDENTITY, attributes=attributes, new=attributes is None, session_id="amzn1.echo-api.session.bench"
    )


def resolved_slot(name: str, slot_type: str) -> dict:
    said, value_id = _SLOT_SAID[slot_type]
    return alexa.slot(name, said, slot_type=slot_type, value_id=value_id, skill_id=SKILL_ID)


def custom_intent(name: str) -> dict:
    route = INTENT_ROUTES[name]
    slots = resolved_slot(route.slot, route.slot_type) if route.slot and route.slot_type else None
    return alexa.intent_request(name, slots)


def cases(after_launch: dict) -> dict[str, dict]:
    """Request type -> envelope.  ``after_launch`` is the session a launch left
    (so "yes" has an offer to accept and "repeat" something to repeat)."""
    found = {"launch": envelope(alexa.launch_request())}
    for name in INTENT_ROUTES:
        found[name] = envelope(custom_intent(name), after_launch)
    for label, intent in [
        ("yes", "AMAZON.YesIntent"),
        ("repeat", "AMAZON.RepeatIntent"),
        ("help", "AMAZON.HelpIntent"),
        ("fallback", "AMAZON.FallbackIntent"),
    ]:
        found[label] = envelope(alexa.intent_request(intent), after_launch)
    found["session ended"] = envelope(alexa.session_ended_request(), after_launch)
    return found


def body(data: dict) -> bytes:
    """The compact JSON Alexa puts on the wire."""
    return json.dumps(data, separators=(",", ":")).encode()
