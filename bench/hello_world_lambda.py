"""Amazon's own pattern for a Lambda skill, as small as it comes: the baseline for `make bench`'s Lambda cold start.

Handlers on a ``SkillBuilder``, and ``lambda_handler = SkillBuilder().lambda_handler()``,
as the ask-sdk-core hello-world samples are written; ask-sdk-core is all it
imports.  The benchmark copies it into the unzipped Lambda package.
"""

from __future__ import annotations

from ask_sdk_core.dispatch_components import AbstractExceptionHandler, AbstractRequestHandler
from ask_sdk_core.handler_input import HandlerInput
from ask_sdk_core.skill_builder import SkillBuilder
from ask_sdk_core.utils import is_intent_name, is_request_type
from ask_sdk_model import Response


class LaunchHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("LaunchRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        speech = "Hello. Say hello, or help."
        return handler_input.response_builder.speak(speech).ask(speech).response


class HelloHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("HelloWorldIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak("Hello world.").response


class HelpHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.HelpIntent")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        speech = "You can say hello to me."
        return handler_input.response_builder.speak(speech).ask(speech).response


class StopHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_intent_name("AMAZON.CancelIntent")(handler_input) or is_intent_name("AMAZON.StopIntent")(
            handler_input
        )

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.speak("Goodbye.").response


class SessionEndedHandler(AbstractRequestHandler):
    def can_handle(self, handler_input: HandlerInput) -> bool:
        return is_request_type("SessionEndedRequest")(handler_input)

    def handle(self, handler_input: HandlerInput) -> Response:
        return handler_input.response_builder.response


class AnyErrorHandler(AbstractExceptionHandler):
    def can_handle(self, handler_input: HandlerInput, exception: Exception) -> bool:
        return True

    def handle(self, handler_input: HandlerInput, exception: Exception) -> Response:
        speech = "Sorry, I had trouble doing what you asked."
        return handler_input.response_builder.speak(speech).ask(speech).response


skill_builder = SkillBuilder()
for handler in (LaunchHandler, HelloHandler, HelpHandler, StopHandler, SessionEndedHandler):
    skill_builder.add_request_handler(handler())
skill_builder.add_exception_handler(AnyErrorHandler())

lambda_handler = skill_builder.lambda_handler()
