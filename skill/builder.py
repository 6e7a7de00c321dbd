"""The skill: handlers assembled on a SkillBuilder, and one way in for every caller."""

from __future__ import annotations

import logging
from typing import cast

from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_model import RequestEnvelope

from skill import catalogue
from skill.envelope import parse_envelope
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
catalogue.warm()


def dispatch(envelope: RequestEnvelope, context: object = None) -> dict:
    """Run the skill on a parsed envelope and return the response as JSON data."""
    response = SKILL.invoke(request_envelope=envelope, context=context)
    return cast(dict, _serializer.serialize(response))  # a Response serializes to a JSON object


def invoke(body: str | bytes | dict) -> dict:
    """Parse, run, serialise: the whole skill in one call (simulator, benchmarks)."""
    return dispatch(parse_envelope(body))
