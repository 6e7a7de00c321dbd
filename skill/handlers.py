"""Request handlers: thin classes that read the request and the state, and hand both to the conversation.

Every IntentRequest goes through ``conversation.reply_to``, whose move table
has one small function per intent: the SDK's handlers stay a thin layer, and
the simulator's measurements judge the very answer a device would hear.
"""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_request_type
from ask_sdk_model import Intent, Response
from ask_sdk_model.slu.entityresolution import StatusCode

from skill import conversation
from skill.catalogue import Catalogue, catalogue_for
from skill.conversation import Heard, SlotHeard, State
from skill.replies import phrase_reply
from skill.response import respond
from skill.routines import EVENT_SOURCE

log = logging.getLogger(__name__)


def _request_catalogue(handler_input: HandlerInput) -> Catalogue:
    return catalogue_for(getattr(handler_input.request_envelope.request, "locale", None))


def _state(handler_input: HandlerInput, catalogue: Catalogue) -> State:
    if handler_input.request_envelope.session is None:
        return State()
    return State.from_session(handler_input.attributes_manager.session_attributes, catalogue)


def _resolved_id(slot) -> str | None:
    resolutions = getattr(slot.resolutions, "resolutions_per_authority", None) or []
    for authority in resolutions:
        if authority.status and authority.status.code == StatusCode.ER_SUCCESS_MATCH and authority.values:
            return authority.values[0].value.id
    return None


def heard(intent: Intent | None) -> Heard:
    """The intent and its filled slots, as plain data."""
    if intent is None:
        return Heard("")
    slots = {
        name: SlotHeard(slot.value, _resolved_id(slot))
        for name, slot in (intent.slots or {}).items()
        if slot is not None and isinstance(slot.value, str) and slot.value.strip()
    }
    return Heard(intent.name or "", slots)


class LaunchHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        catalogue = _request_catalogue(handler_input)
        reply, state = conversation.launch(_state(handler_input, catalogue), catalogue)
        return respond(handler_input, reply, catalogue, state.to_session())


class IntentHandler(AbstractRequestHandler):
    """Every IntentRequest, AMAZON.FallbackIntent and intents this code does not know included."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("IntentRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        catalogue = _request_catalogue(handler_input)
        said = heard(getattr(handler_input.request_envelope.request, "intent", None))
        reply, state = conversation.reply_to(said, _state(handler_input, catalogue), catalogue)
        return respond(handler_input, reply, catalogue, state.to_session())


def pressed(arguments: object) -> object:
    """The action a guided session's button sent (``["guide", "next"]`` -> "next"), or None.

    The arguments come from the screen, through Alexa, like any other input: anything but a
    pair that opens with this skill's event source is no button at all, and the action itself
    is judged by ``conversation.press``.
    """
    if isinstance(arguments, list) and len(arguments) == 2 and arguments[0] == EVENT_SOURCE:
        return arguments[1]
    return None


class UserEventHandler(AbstractRequestHandler):
    """A button on a guided step's screen (Alexa.Presentation.APL.UserEvent): the move its words would make."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("Alexa.Presentation.APL.UserEvent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        catalogue = _request_catalogue(handler_input)
        action = pressed(getattr(handler_input.request_envelope.request, "arguments", None))
        reply, state = conversation.press(action, _state(handler_input, catalogue), catalogue)
        return respond(handler_input, reply, catalogue, state.to_session())


class SessionEndedHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        # Alexa ignores any speech here; an empty response is the correct answer.
        return handler_input.response_builder.response


class OtherRequestHandler(AbstractRequestHandler):
    """Request types the skill has no use for (system events and the like)."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return True

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response


class ApologyHandler(AbstractExceptionHandler):
    """Anything unexpected: apologise in speech, keep the session usable."""

    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        # The type only: messages can quote request data.
        log.error("skill error: %s", type(exception).__name__)
        catalogue = _request_catalogue(handler_input)
        return respond(handler_input, phrase_reply(catalogue, "error"), catalogue)


# Order matters: the first handler whose can_handle is true wins.
REQUEST_HANDLERS = (
    LaunchHandler,
    IntentHandler,
    UserEventHandler,
    SessionEndedHandler,
    OtherRequestHandler,
)
