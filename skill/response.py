"""The SDK response for a reply: speech and reprompt, a card, and a screen where the device has one."""

from __future__ import annotations

from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_model import Response
from ask_sdk_model.ui import SimpleCard

from skill import screens
from skill.catalogue import Catalogue
from skill.replies import Reply
from skill.speech import ssml


def respond(handler_input: HandlerInput, reply: Reply, catalogue: Catalogue, session: dict | None = None) -> Response:
    """Turn a reply into the SDK response; ``session`` is the state to carry to the next turn."""
    builder = handler_input.response_builder
    spoken = f"{reply.speech} {reply.question}" if reply.question else reply.speech
    builder.speak(ssml(spoken)).set_card(SimpleCard(reply.card_title, reply.card_text))
    if reply.question:
        builder.ask(ssml(reply.question))
    else:
        builder.set_should_end_session(True)
    envelope = handler_input.request_envelope
    if screens.supports_apl(envelope):
        builder.add_directive(screens.render_directive(reply, catalogue.screen(reply.topic)))
    if envelope.session is not None and session is not None:
        handler_input.attributes_manager.session_attributes = session
    return builder.response
