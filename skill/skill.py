"""The skill: handlers assembled on a SkillBuilder, and ways to invoke it."""

from __future__ import annotations

import json
import logging

from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import RequestEnvelope

from skill import topics
from skill.handlers import REQUEST_HANDLERS, ApologyHandler

log = logging.getLogger(__name__)


def build_skill_builder() -> SkillBuilder:
    builder = SkillBuilder()
    for handler in REQUEST_HANDLERS:
        builder.add_request_handler(handler())
    builder.add_exception_handler(ApologyHandler())
    return builder


_builder = build_skill_builder()
SKILL = _builder.create()
_serializer = DefaultSerializer()
topics.warm()

# AWS Lambda entry point: handler "skill.skill.lambda_handler".
lambda_handler = _builder.lambda_handler()


class BadEnvelope(ValueError):
    """The body is JSON but not an Alexa request envelope."""


def parse_envelope(body: str | bytes) -> RequestEnvelope:
    try:
        envelope = _serializer.deserialize(body, RequestEnvelope)
    except Exception as error:  # the SDK raises several types for bad shapes
        raise BadEnvelope("not an Alexa request envelope") from error
    if envelope is None or envelope.request is None:
        raise BadEnvelope("missing request")
    return envelope


def dispatch(envelope: RequestEnvelope) -> dict:
    """Run the skill on a parsed envelope and return the response as JSON data."""
    response = SKILL.invoke(request_envelope=envelope, context=None)
    return _serializer.serialize(response)


def invoke(body: str | bytes | dict) -> dict:
    """Parse, run, serialise: the whole skill in one call (simulator, benchmarks)."""
    if isinstance(body, dict):
        body = json.dumps(body)
    return dispatch(parse_envelope(body))
