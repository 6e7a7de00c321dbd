"""Alexa request envelopes, shaped like the ones Alexa really sends.

One source for every request the project fabricates: the simulator builds
its turns here, and the test suite's fixtures (tests/conftest.py) use the
same functions.
"""

from __future__ import annotations

import copy
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

DEFAULT_SKILL_ID = "amzn1.ask.skill.00000000-0000-0000-0000-000000000000"
# A voice-only device (Echo Dot) declares no interface the skill uses; an
# Echo Show declares APL.
ECHO_DOT: dict = {}
ECHO_SHOW = {"Alexa.Presentation.APL": {"runtime": {"maxVersion": "2024.2"}}}


@dataclass(frozen=True)
class Identity:
    """Who is asking, from which device, of which skill."""

    skill_id: str = DEFAULT_SKILL_ID
    user_id: str = "amzn1.ask.account.SIMULATOR"
    device_id: str = "amzn1.ask.device.SIMULATOR"
    api_access_token: str = "simulator-api-access-token"
    api_endpoint: str = "https://api.amazonalexa.com"
    interfaces: dict = field(default_factory=dict)
    user_extra: dict = field(default_factory=dict)  # e.g. permissions


def now_iso() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def new_request_id() -> str:
    return f"amzn1.echo-api.request.{uuid.uuid4()}"


def new_session_id() -> str:
    return f"amzn1.echo-api.session.{uuid.uuid4()}"


def new_request(kind: str, locale: str = "en-US", **fields) -> dict:
    """A request of any type: the fields every request has, then ``fields``."""
    return {"type": kind, "requestId": new_request_id(), "timestamp": now_iso(), "locale": locale, **fields}


def launch_request(locale: str = "en-US") -> dict:
    return new_request("LaunchRequest", locale)


def intent_request(
    name: str, slots: dict | None = None, locale: str = "en-US", dialog_state: str | None = None
) -> dict:
    """An IntentRequest; ``dialog_state`` only for intents with a dialog model, as Alexa does."""
    request = new_request("IntentRequest", locale)
    if dialog_state:
        request["dialogState"] = dialog_state
    request["intent"] = {"name": name, "confirmationStatus": "NONE", "slots": slots or {}}
    return request


def user_event_request(arguments: list, token: str, locale: str = "en-US") -> dict:
    """A touch on an APL screen: what a TouchWrapper's SendEvent sends (Alexa.Presentation.APL.UserEvent)."""
    source = {"type": "TouchWrapper", "handler": "Press", "id": "", "value": False}
    return new_request(
        "Alexa.Presentation.APL.UserEvent", locale, token=token, arguments=list(arguments), source=source, components={}
    )


def session_ended_request(reason: str = "USER_INITIATED", locale: str = "en-US") -> dict:
    return new_request("SessionEndedRequest", locale, reason=reason)


def authority(skill_id: str, slot_type: str) -> str:
    return f"amzn1.er-authority.echo-sdk.{skill_id}.{slot_type}"


def slot(
    name: str,
    value: str,
    *,
    slot_type: str | None = None,
    value_id: str | None = None,
    value_name: str | None = None,
    skill_id: str = DEFAULT_SKILL_ID,
) -> dict:
    """One filled slot, keyed by name, with entity resolution when its type is custom.

    A value the slot type knows resolves (ER_SUCCESS_MATCH, with the value's
    id and canonical name); any other words resolve to ER_SUCCESS_NO_MATCH.
    """
    filled: dict[str, Any] = {"name": name, "value": value, "confirmationStatus": "NONE", "source": "USER"}
    if slot_type and not slot_type.startswith("AMAZON."):  # built-in types carry no entity resolution
        resolution: dict = {"authority": authority(skill_id, slot_type)}
        if value_id:
            resolution["status"] = {"code": "ER_SUCCESS_MATCH"}
            resolution["values"] = [{"value": {"name": value_name or value, "id": value_id}}]
        else:
            resolution["status"] = {"code": "ER_SUCCESS_NO_MATCH"}
        filled["resolutions"] = {"resolutionsPerAuthority": [resolution]}
    return {name: filled}


def envelope(
    request: dict,
    identity: Identity = Identity(),
    *,
    attributes: dict | None = None,
    new: bool = False,
    session_id: str = "amzn1.echo-api.session.simulator",
) -> dict:
    """A full request envelope: version, session and context.System.

    Nothing in it is shared with the identity, the attributes or another
    envelope (ECHO_SHOW, for one, is module-level), so a caller may change an
    envelope in place without changing the next one.
    """
    return {
        "version": "1.0",
        "session": {
            "new": new,
            "sessionId": session_id,
            "application": _application(identity),
            "attributes": copy.deepcopy(attributes or {}),
            "user": _user(identity),
        },
        "context": {
            "System": {
                "application": _application(identity),
                "user": _user(identity),
                "device": {"deviceId": identity.device_id, "supportedInterfaces": copy.deepcopy(identity.interfaces)},
                "apiEndpoint": identity.api_endpoint,
                "apiAccessToken": identity.api_access_token,
            }
        },
        "request": request,
    }


def _application(identity: Identity) -> dict:
    return {"applicationId": identity.skill_id}


def _user(identity: Identity) -> dict:
    return {"userId": identity.user_id, **copy.deepcopy(identity.user_extra)}
