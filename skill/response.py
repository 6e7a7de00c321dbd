"""The SDK response for a reply: speech and reprompt, a card, and a screen where the device has one."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from skill import screens
from skill.catalogue import Catalogue
from skill.replies import Reply
from skill.speech import ssml, timed_ssml


def respond(handler_input: HandlerInput, reply: Reply, catalogue: Catalogue, session: dict | None = None) -> Response:
    """Turn a reply into the SDK response; ``session`` is the state to carry to the next turn."""
    builder = handler_input.response_builder
    builder.speak(spoken_ssml(reply)).set_card(SimpleCard(reply.card_title, reply.card_text))
    if reply.question:
        builder.ask(ssml(reply.question))
    else:
        builder.set_should_end_session(True)
    envelope = handler_input.request_envelope
    if screens.supports_apl(envelope):
        builder.add_directive(screens.render_directive(reply, catalogue.screen(reply.topic, reply.step)))
    if envelope.session is not None and session is not None:
        handler_input.attributes_manager.session_attributes = session
    return builder.response


def spoken_ssml(reply: Reply) -> str:
    """What Alexa says for ``reply``: its speech (with the pauses of a guided hold), then its question."""
    parts = reply.timed or (reply.speech,)
    return timed_ssml((*parts, reply.question) if reply.question else parts)
