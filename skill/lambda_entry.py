"""AWS Lambda entry point: ``lambda_handler``.

It replaces the SkillBuilder's own wrapper, which builds a new CustomSkill per
call and turns the event back into text for the SDK's slow deserializer.
"""

from __future__ import annotations

import os

from skill.builder import dispatch
from skill.envelope import parse_envelope
from skill.request_json import application_id
from skill.settings import expected_skill_id


def lambda_handler(event: dict, context: object) -> dict:
    """Answer one Alexa request; Lambda has no webhook verifier, so the skill ID is checked here."""
    skill_id = expected_skill_id(os.environ)
    if skill_id and (not isinstance(event, dict) or application_id(event) != skill_id):
        raise PermissionError("request is for another skill")
    return dispatch(parse_envelope(event), context)
