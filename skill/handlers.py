"""Request handlers: thin classes that pick a reply and hand it to ``respond``."""

from __future__ import annotations

import logging

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import Intent, Response
from ask_sdk_model.slu.entityresolution import StatusCode

from skill import content
from skill.replies import LAST_REPLY, PENDING_OFFER, Reply, phrase_reply, respond, topic_reply
from skill.topics import FIRST_TOPIC, INTENT_ROUTES, RED_FLAG_TOPIC, SLOT_VALUE_TOPICS, Catalogue, catalogue

log = logging.getLogger(__name__)

EXIT_INTENTS = ("AMAZON.StopIntent", "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent")

BUILT_IN_INTENTS = frozenset(
    {
        *EXIT_INTENTS,
        "AMAZON.HelpIntent",
        "AMAZON.FallbackIntent",
        "AMAZON.RepeatIntent",
        "AMAZON.YesIntent",
        "AMAZON.NoIntent",
    }
)


def _catalogue(handler_input: HandlerInput) -> Catalogue:
    return catalogue(getattr(handler_input.request_envelope.request, "locale", None))


def _session(handler_input: HandlerInput) -> dict:
    if handler_input.request_envelope.session is None:
        return {}
    return handler_input.attributes_manager.session_attributes or {}


def _pending_offer(handler_input: HandlerInput, catalogue: Catalogue) -> str | None:
    offer = _session(handler_input).get(PENDING_OFFER)
    return offer if isinstance(offer, str) and offer in catalogue.topics else None


def _slot_values(intent: Intent) -> list:
    return [slot for slot in (intent.slots or {}).values() if slot is not None and slot.value]


def _mentions_red_flag(intent: Intent) -> bool:
    """A warning sign said in any slot outranks whatever was asked."""
    said = " ".join(slot.value.lower() for slot in _slot_values(intent))
    return any(word in said for word in content.RED_FLAG_WORDS)


def _resolved_id(slot) -> str | None:
    resolutions = getattr(slot.resolutions, "resolutions_per_authority", None) or []
    for authority in resolutions:
        if authority.status and authority.status.code == StatusCode.ER_SUCCESS_MATCH and authority.values:
            return authority.values[0].value.id
    return None


def topic_for(intent: Intent) -> tuple[str, bool]:
    """The topic that answers ``intent``, and whether a slot value went unmatched."""
    route = INTENT_ROUTES[intent.name]
    slot = (intent.slots or {}).get(route.slot) if route.slot else None
    said = slot is not None and bool(slot.value)
    if said:
        topic = SLOT_VALUE_TOPICS[route.slot_type].get(_resolved_id(slot) or "")
        if topic:
            return topic, False
    if _mentions_red_flag(intent):
        return RED_FLAG_TOPIC, False
    return route.topic, said


class LaunchHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        reply = phrase_reply(_catalogue(handler_input), "welcome", offer=FIRST_TOPIC)
        return respond(handler_input, reply)


class TopicHandler(AbstractRequestHandler):
    """Every custom intent: the route table says which topic answers it."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        request = handler_input.request_envelope.request
        return is_request_type("IntentRequest")(handler_input) and request.intent.name in INTENT_ROUTES

    def handle(self, handler_input: HandlerInput) -> Response:
        catalogue_ = _catalogue(handler_input)
        topic, unmatched = topic_for(handler_input.request_envelope.request.intent)
        lead = catalogue_.phrases["unmatched_value"] if unmatched else ""
        return respond(handler_input, topic_reply(catalogue_, topic, lead))


class YesHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.YesIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        catalogue_ = _catalogue(handler_input)
        offer = _pending_offer(handler_input, catalogue_)
        if offer is None:
            return respond(handler_input, phrase_reply(catalogue_, "help"))
        return respond(handler_input, topic_reply(catalogue_, offer))


class NoHandler(AbstractRequestHandler):
    """"No" to an offer opens the menu; "no" to "anything else?" says goodbye."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.NoIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        catalogue_ = _catalogue(handler_input)
        if _pending_offer(handler_input, catalogue_) is None:
            return respond(handler_input, phrase_reply(catalogue_, "goodbye", question_key=None))
        return respond(handler_input, phrase_reply(catalogue_, "declined"))


class RepeatHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.RepeatIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        last = Reply.from_session(_session(handler_input).get(LAST_REPLY))
        if last is None:
            last = phrase_reply(_catalogue(handler_input), "nothing_to_repeat")
        return respond(handler_input, last)


class HelpHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.HelpIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(handler_input, phrase_reply(_catalogue(handler_input), "help"))


class ExitHandler(AbstractRequestHandler):
    """Stop, cancel and "go home" all end the conversation politely."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return any(is_intent_name(name)(handler_input) for name in EXIT_INTENTS)

    def handle(self, handler_input: HandlerInput) -> Response:
        reply = phrase_reply(_catalogue(handler_input), "goodbye", question_key=None)
        return respond(handler_input, reply)


class FallbackHandler(AbstractRequestHandler):
    """AMAZON.FallbackIntent, and any intent this code does not know."""

    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("IntentRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return respond(handler_input, phrase_reply(_catalogue(handler_input), "fallback"))


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
        return respond(handler_input, phrase_reply(_catalogue(handler_input), "error"))


# Order matters: the first handler whose can_handle is true wins.
REQUEST_HANDLERS = (
    LaunchHandler,
    TopicHandler,
    YesHandler,
    NoHandler,
    RepeatHandler,
    HelpHandler,
    ExitHandler,
    SessionEndedHandler,
    FallbackHandler,
    OtherRequestHandler,
)
