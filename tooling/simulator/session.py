"""A conversation with the skill: utterances in, Alexa's answers out.

The simulator plays Alexa's part.  It understands each utterance through the
interaction model, builds the request Alexa would send (a new session when
the skill is invoked, the session attributes of the last response carried
into the next request), passes it to a transport, and closes the session when
the response says so.
"""

from __future__ import annotations

from dataclasses import dataclass

from skill.routines import EVENT_SOURCE
from skill.screens import GUIDE_DOCUMENT, TOKEN_PREFIX
from skill.speech import plain
from tooling.simulator import alexa_requests as alexa
from tooling.simulator.nlu import NLU, Understanding, nlu_for
from tooling.simulator.transport import InProcess, Transport

EXIT_REASON = "USER_INITIATED"
DEFAULT_IDENTITY = alexa.Identity()
SILENCE_REASON = "EXCEEDED_MAX_REPROMPTS"
GUIDE_TOKEN = f"{TOKEN_PREFIX}.{GUIDE_DOCUMENT}"  # the token of the screen the buttons are on


@dataclass(frozen=True)
class Turn:
    """One exchange: what was said, what Alexa sent, what the skill answered."""

    utterance: str | None  # None for silence and session ends
    understanding: Understanding | None
    request: dict | None  # None when Alexa answered without the skill (a reprompt)
    response: dict
    session_ended: bool

    @property
    def _body(self) -> dict:
        return self.response.get("response") or {}

    @property
    def ssml(self) -> str:
        return (self._body.get("outputSpeech") or {}).get("ssml", "")

    @property
    def speech(self) -> str:
        return plain(self.ssml)

    @property
    def reprompt(self) -> str | None:
        ssml = ((self._body.get("reprompt") or {}).get("outputSpeech") or {}).get("ssml")
        return plain(ssml) if ssml else None

    @property
    def card(self) -> dict | None:
        return self._body.get("card")

    @property
    def directives(self) -> list[str]:
        return [d.get("type", "?") for d in self._body.get("directives") or []]

    @property
    def request_type(self) -> str | None:
        return (self.request or {}).get("request", {}).get("type")

    @property
    def intent(self) -> str | None:
        return ((self.request or {}).get("request", {}).get("intent") or {}).get("name")

    @property
    def slots(self) -> dict[str, dict]:
        """Filled slots: value said, and the resolved id and name (None when unresolved)."""
        if self.understanding is None:
            return {}
        return {
            name: {"value": s.value, "id": s.value_id, "name": s.value_name, "type": s.slot_type, "status": _status(s)}
            for name, s in self.understanding.slots.items()
        }

    @property
    def score(self) -> float | None:
        return self.understanding.score if self.understanding else None

    def as_json(self) -> dict:
        """The turn for scripts (``--json``): one object per turn."""
        return {
            "utterance": self.utterance,
            "request_type": self.request_type,
            "intent": self.intent,
            "slots": self.slots,
            "score": self.score,
            "speech": self.speech,
            "reprompt": self.reprompt,
            "card": self.card,
            "session_ended": self.session_ended,
            "request": self.request,
            "response": self.response,
        }


class Simulator:
    """Holds one device's conversation with the skill, turn by turn."""

    def __init__(
        self,
        transport: Transport | None = None,
        *,
        locale: str = "en-US",
        identity: alexa.Identity = DEFAULT_IDENTITY,
        nlu: NLU | None = None,
    ):
        self.transport = transport or InProcess()
        self.locale = locale
        self.identity = identity
        self.nlu = nlu or nlu_for(locale)
        self.session_id: str | None = None  # None: no session open
        self.attributes: dict = {}
        self.new = False
        self._reprompt: dict | None = None  # the last response's reprompt, for silence
        self._reprompted = False

    @property
    def session_open(self) -> bool:
        return self.session_id is not None

    def say(self, utterance: str) -> Turn:
        """One utterance, as typed or spoken to the device."""
        understood = self.nlu.understand(utterance)
        if understood.kind == "exit":
            return self._end(utterance, understood, EXIT_REASON)
        if understood.invoked or not self.session_open:
            self._open()  # naming the skill, or speaking with no session, starts a new one
        if understood.kind == "launch":
            request = alexa.launch_request(self.locale)
        else:
            request = alexa.intent_request(
                understood.label, self._slots(understood), self.locale, self._dialog_state(understood.intent)
            )
        return self._send(utterance, understood, request)

    def press(self, action: str) -> Turn:
        """A button on a guided step's screen, as an Echo Show sends it (an APL UserEvent)."""
        if not self.session_open:
            self._open()  # a touch with no session open starts one, as on a device
        request = alexa.user_event_request([EVENT_SOURCE, action], GUIDE_TOKEN, self.locale)
        return self._send(f"[{action}]", None, request)

    def silence(self) -> Turn:
        """The user says nothing: Alexa reprompts once, then ends the session."""
        if self.session_open and self._reprompt and not self._reprompted:
            self._reprompted = True
            return Turn(None, None, None, {"response": {"outputSpeech": self._reprompt}}, False)
        return self._end(None, None, SILENCE_REASON)

    def end(self) -> Turn:
        """The user walks away or quits: the skill hears of it if a session is open."""
        return self._end(None, None, EXIT_REASON)

    # -- internals ---------------------------------------------------------

    def _open(self) -> None:
        self.session_id = alexa.new_session_id()
        self.attributes = {}
        self.new = True

    def _end(self, utterance: str | None, understood: Understanding | None, reason: str) -> Turn:
        if not self.session_open:
            return Turn(utterance, understood, None, {}, True)
        return self._send(utterance, understood, alexa.session_ended_request(reason, self.locale))

    def _send(self, utterance: str | None, understood: Understanding | None, request: dict) -> Turn:
        assert self.session_id is not None  # every caller opens the session first
        body = alexa.envelope(
            request, self.identity, attributes=self.attributes, new=self.new, session_id=self.session_id
        )
        response = self.transport.send(body)
        ended = request["type"] == "SessionEndedRequest" or _ends_session(response)
        turn = Turn(utterance, understood, body, response, ended)
        if ended:
            self.session_id = None
            self.attributes = {}
        else:
            self.new = False
            self.attributes = response.get("sessionAttributes") or {}
            self._reprompt = ((response.get("response") or {}).get("reprompt") or {}).get("outputSpeech")
            self._reprompted = False
        return turn

    def _slots(self, understood: Understanding) -> dict:
        """Every slot the intent declares, as Alexa sends them: filled or empty."""
        intent = self.nlu.model.intents.get(understood.label)
        slots = {name: {"name": name, "confirmationStatus": "NONE"} for name in (intent.slots if intent else {})}
        for name, said in understood.slots.items():
            slots |= alexa.slot(
                name,
                said.value,
                slot_type=said.slot_type,
                value_id=said.value_id,
                value_name=said.value_name,
                skill_id=self.identity.skill_id,
            )
        return slots

    def _dialog_state(self, intent: str | None) -> str | None:
        # Alexa sends a dialogState only for intents with a dialog model.
        return "STARTED" if intent in self.nlu.model.dialog_intents else None


def _status(slot) -> str | None:
    """Entity resolution as Alexa reports it; built-in types such as AMAZON.SearchQuery have none."""
    if slot.slot_type.startswith("AMAZON."):
        return None
    return "ER_SUCCESS_MATCH" if slot.resolved else "ER_SUCCESS_NO_MATCH"


def _ends_session(response: dict) -> bool:
    body = response.get("response") or {}
    flag = body.get("shouldEndSession")
    if flag is None:
        # Unset: a voice-only device closes the session unless the skill asked a question.
        return "reprompt" not in body
    return bool(flag)
