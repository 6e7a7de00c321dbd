"""The requests the benchmarks send: one per request type, shaped like Alexa's own."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone

from skill.topics import INTENT_ROUTES, SLOT_VALUE_TOPICS

SKILL_ID = "amzn1.ask.skill.00000000-bench-0000-0000-000000000000"

# A value the interaction model resolves, for every intent that has a slot.
_SLOT_SAID = {"CauseType": "overdoing it", "SymptomType": "tender to touch",
              "ReliefMethodType": "stretching", "WarningSignType": "numbness"}


def envelope(request: dict, attributes: dict | None = None) -> dict:
    """A full envelope from an Echo Dot: session, context.System, request."""
    application = {"applicationId": SKILL_ID}
    user = {"userId": "amzn1.ask.account.BENCH"}
    return {
        "version": "1.0",
        "session": {"new": attributes is None, "sessionId": "amzn1.echo-api.session.bench",
                    "application": application, "attributes": attributes or {}, "user": user},
        "context": {"System": {
            "application": application, "user": user,
            "device": {"deviceId": "amzn1.ask.device.BENCH", "supportedInterfaces": {}},
            "apiEndpoint": "https://api.amazonalexa.com", "apiAccessToken": "bench.token",
        }},
        "request": request,
    }


def request(kind: str, **fields) -> dict:
    stamp = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {"type": kind, "requestId": f"amzn1.echo-api.request.{uuid.uuid4()}",
            "timestamp": stamp, "locale": "en-US", **fields}


def intent(name: str, slots: dict | None = None) -> dict:
    return request("IntentRequest", dialogState="COMPLETED",
                   intent={"name": name, "confirmationStatus": "NONE", "slots": slots or {}})


def resolved_slot(name: str, slot_type: str) -> dict:
    value_id = next(iter(SLOT_VALUE_TOPICS[slot_type]))
    authority = {
        "authority": f"amzn1.er-authority.echo-sdk.{SKILL_ID}.{slot_type}",
        "status": {"code": "ER_SUCCESS_MATCH"},
        "values": [{"value": {"name": _SLOT_SAID[slot_type], "id": value_id}}],
    }
    return {name: {"name": name, "value": _SLOT_SAID[slot_type], "confirmationStatus": "NONE",
                   "source": "USER", "resolutions": {"resolutionsPerAuthority": [authority]}}}


def custom_intent(name: str) -> dict:
    route = INTENT_ROUTES[name]
    return intent(name, resolved_slot(route.slot, route.slot_type) if route.slot else None)


def cases(after_launch: dict) -> dict[str, dict]:
    """Request type -> envelope.  ``after_launch`` is the session a launch left
    (so "yes" has an offer to accept and "repeat" something to repeat)."""
    found = {"launch": envelope(request("LaunchRequest"))}
    for name in INTENT_ROUTES:
        found[name] = envelope(custom_intent(name), after_launch)
    found["yes"] = envelope(intent("AMAZON.YesIntent"), after_launch)
    found["repeat"] = envelope(intent("AMAZON.RepeatIntent"), after_launch)
    found["help"] = envelope(intent("AMAZON.HelpIntent"), after_launch)
    found["fallback"] = envelope(intent("AMAZON.FallbackIntent"), after_launch)
    found["session ended"] = envelope(request("SessionEndedRequest", reason="USER_INITIATED"), after_launch)
    return found


def body(data: dict) -> bytes:
    return json.dumps(data, separators=(",", ":")).encode()
