"""The skill: handlers assembled on a SkillBuilder, and ways to invoke it."""

from __future__ import annotations

import json
import logging
import os
from typing import cast

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model import RequestEnvelope

from skill import topics
from skill.envelope import envelope_from_json
from skill.handlers import REQUEST_HANDLERS, ApologyHandler

log = logging.getLogger(__name__)


def build_skill_builder() -> SkillBuilder:
    builder = SkillBuilder()
    for handler in REQUEST_HANDLERS:
        builder.add_request_handler(handler())
    builder.add_exception_handler(ApologyHandler())
    return builder


SKILL = build_skill_builder().create()
_serializer = DefaultSerializer()
topics.warm()


class BadEnvelope(ValueError):
    """The body is JSON but not an Alexa request envelope."""


def parse_envelope(body: str | bytes | dict) -> RequestEnvelope:
    """The SDK envelope for a request body, raw or already parsed."""
    try:
        data = body if isinstance(body, dict) else json.loads(body)
        envelope = envelope_from_json(data)
    except Exception:  # bad shapes fail in many ways (types, casts, unknown kinds)
        raise BadEnvelope("not an Alexa request envelope") from None  # the cause quotes request data
    if envelope is None or envelope.request is None:
        raise BadEnvelope("missing request")
    return envelope


def dispatch(envelope: RequestEnvelope, context: object = None) -> dict:
    """Run the skill on a parsed envelope and return the response as JSON data."""
    response = SKILL.invoke(request_envelope=envelope, context=context)
    return cast(dict, _serializer.serialize(response))  # a Response serializes to a JSON object


def invoke(body: str | bytes | dict) -> dict:
    """Parse, run, serialise: the whole skill in one call (simulator, benchmarks)."""
    return dispatch(parse_envelope(body))


# On Lambda there is no webhook verifier; the skill ID check happens here.
LAMBDA_SKILL_ID = os.environ.get("ALEXA_SKILL_ID") or None


def lambda_handler(event: dict, context: object) -> dict:
    """AWS Lambda entry point: handler "skill.skill.lambda_handler".

    Replaces the SkillBuilder's wrapper, which builds a new CustomSkill per
    call and turns the event back into text for the SDK's slow deserializer.
    """
    envelope = parse_envelope(event)
    if LAMBDA_SKILL_ID and _application_id(envelope) != LAMBDA_SKILL_ID:
        raise PermissionError("request is for another skill")
    return dispatch(envelope, context)


def _application_id(envelope: RequestEnvelope) -> str | None:
    system = getattr(envelope.context, "system", None)
    return getattr(getattr(system, "application", None), "application_id", None)
