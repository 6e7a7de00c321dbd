"""The conversation: what the person just said, where they are, and what to say next.

Where a person is lives in plain session JSON (``State``): the last reply
(for "repeat" and "yes"), the topics heard so far (for "go back" and short
follow-ups), and how many turns in a row were not understood.  It comes back
with every request, so it is checked like any other input; anything odd
starts the conversation afresh instead of failing.

``reply_to`` maps each intent to one small move.  The SDK handlers, the
simulator's measurements and the tests all go through it, so a phrasing is
judged by the answer the person would really hear.

Safety comes first in every move: words that reach the skill (an
``AMAZON.SearchQuery`` description, or a slot value no type resolved) are read
for warning signs before anything else, and a warning sign outranks whatever
was asked.

Within a guided session (the stretches, the foam-rolling timer, the warning-sign
check: ``skill/guides.py``), the session answers first; the words it leaves
alone are answered as anywhere else, and the session is over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

from skill import guides, reading
from skill.catalogue import Catalogue
from skill.guides import Guide
from skill.replies import Reply, phrase_reply, topic_reply
from skill.routines import BUTTON_INTENTS, NOT_SURE_INTENT, parse_step
from skill.topics import (
    FIRST_TOPIC,
    INTENT_ROUTES,
    MORE_SUFFIX,
    RED_FLAG_GROUP,
    SLOT_VALUE_TOPICS,
    entry_position,
    entry_topic,
)

LAST_REPLY = "last"
HISTORY = "history"
MISSES = "misses"
GUIDE = "guide"  # present only during a guided session
HISTORY_SIZE = 5  # topics remembered for "go back"
MAX_MISSES = 9

FALLBACK_INTENT = "AMAZON.FallbackIntent"
SERIOUS_VALUE = "SERIOUS"  # a WarningSignType value outside the article: a serious symptom
WARNING_SIGN_TYPE = "WarningSignType"
WARNING_SIGN_SLOT = INTENT_ROUTES["RedFlagIntent"].slot  # the same slot on NegativeStatementIntent
METHOD_TYPE = INTENT_ROUTES["ReliefIntent"].slot_type or ""
METHOD_SLOT = INTENT_ROUTES["ReliefIntent"].slot or ""  # the same slot on HowLongIntent
METHOD_GROUP = "method."  # topic ids "method.<id>": a way of relief the article lists
SYMPTOM_GROUP = "symptom."  # topic ids "symptom.<id>": a symptom the article lists
CAUSE_GROUP = "cause."  # topic ids "cause.<id>": a cause the article lists
# What the carrier phrases of an intent say, read back with the slot's words: the carriers of
# NegativeStatementIntent are negations, "no {description}", "nothing {description}" or "not
# {description}" (the skill cannot tell which was said, so it reads the words each way, and a
# warning sign any way counts); those of InabilityIntent say "can't {description}", those of
# StillIntent "still {description}", and those of ThanksStatementIntent "thanks {description}".
CARRIER_MEANING = {
    "NegativeStatementIntent": ("no", "nothing", "not"),
    "StillIntent": ("still",),
    "InabilityIntent": ("can not",),
    "WhatQuestionIntent": ("what",),
    "HowQuestionIntent": ("how",),
    "WhyQuestionIntent": ("why",),
    "HurtsIntent": ("hurts",),
    "TouchIntent": ("pressing",),
    "NumbIntent": ("numbness",),
    "LegIntent": ("my leg",),
    "LumpSaidIntent": ("the lump",),
    "WorstPainIntent": ("the worst pain",),
    "SelfCareIntent": (reading.SELF_CARE_TOLD,),
    "ThanksStatementIntent": ("thanks",),
}


@dataclass(frozen=True)
class SlotHeard:
    """A filled slot: the words Alexa heard, and the value id they resolved to (None: no match)."""

    words: str
    value_id: str | None = None


@dataclass(frozen=True)
class Heard:
    """One IntentRequest, reduced to what Alexa tells a skill: an intent and its slots."""

    intent: str
    slots: dict[str, SlotHeard] = field(default_factory=dict)
    reading: reading.Reading = field(default_factory=reading.Reading)  # of the words heard; set by reply_to


@dataclass(frozen=True)
class State:
    """Where the person is in the conversation; stored as plain JSON in the session."""

    last: Reply | None = None
    history: tuple[str, ...] = ()  # topics heard, oldest first
    misses: int = 0  # turns in a row that reached the fallback
    guide: Guide | None = None  # the guided session under way
    lost: str | None = None  # a session came back unreadable: its kind if known, else ""; None if none

    @property
    def current(self) -> str | None:
        """The topic last heard."""
        return self.history[-1] if self.history else None

    @classmethod
    def from_session(cls, attributes: object, catalogue: Catalogue) -> State:
        """The state a request carries back; any field that is not what this skill wrote is dropped."""
        if not isinstance(attributes, dict):
            return cls()
        history = attributes.get(HISTORY)
        if not (
            isinstance(history, list)
            and len(history) <= HISTORY_SIZE
            and all(isinstance(t, str) and t in catalogue.topics for t in history)
        ):
            history = []
        misses = attributes.get(MISSES)
        if not (type(misses) is int and 0 <= misses <= MAX_MISSES):
            misses = 0
        last = Reply.from_session(attributes.get(LAST_REPLY))
        if last is not None and not _known(last, catalogue):
            last = None
        guide, lost = guides.read_guide(attributes.get(GUIDE))
        return cls(last, tuple(history), misses, guide, lost)

    def to_session(self) -> dict:
        stored: dict[str, object] = {LAST_REPLY: self.last.to_session() if self.last else None}
        stored |= {HISTORY: list(self.history), MISSES: self.misses}
        if self.guide is not None:
            stored[GUIDE] = self.guide.to_session()
        return stored

    def after(self, reply: Reply, *, missed: bool = False, guide: Guide | None = None) -> State:
        """The state once ``reply`` has been said; a guided session goes on only if ``guide`` says where."""
        history = self.history
        if reply.topic and reply.topic != self.current:
            history = (*history, reply.topic)[-HISTORY_SIZE:]
        return State(reply, history, min(self.misses + 1, MAX_MISSES) if missed else 0, guide)


def _known(reply: Reply, catalogue: Catalogue) -> bool:
    """A stored reply may only name topics and guided steps this skill has."""
    topics_known = all(t is None or t in catalogue.topics for t in (reply.topic, reply.offer))
    return topics_known and (reply.step is None or parse_step(reply.step) is not None)


Move = Callable[[Heard, State, Catalogue], tuple[Reply, State]]


def launch(state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    reply = phrase_reply(catalogue, "welcome", offer=FIRST_TOPIC)
    return reply, State().after(reply)


def reply_to(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """The reply to ``heard`` and the state after it.

    The words that reached the skill are read once, here; a warning sign in them outranks
    whatever was asked.
    """
    readings = [reading.read(words) for words in _free_words(heard)]
    # A resolved value is read for a sign too: "it's really really painful" may resolve to plain pain.
    # (Not where the carrier means something: "no {warningSign}" holds a sign's words, denied.)
    resolved = [
        reading.read(slot.words)
        for slot in heard.slots.values()
        if slot.words and slot.value_id and heard.intent not in CARRIER_MEANING
    ]
    found = next((r for r in (*readings, *resolved) if r.signs), readings[0] if readings else reading.Reading())
    heard = replace(heard, reading=found)
    if heard.reading.signs:
        warning = _sign_reply(heard.reading.signs[0], catalogue)
        return warning, state.after(warning)  # and any guided session is over
    return _dispatch(heard, state, catalogue)


def press(action: object, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """An on-screen button: the same move as the words it stands for; any other action, a short apology."""
    intent = BUTTON_INTENTS.get(action) if isinstance(action, str) else None
    if intent is not None:
        return reply_to(Heard(intent), state, catalogue)
    if state.guide is not None:
        reply = guides.waiting("unknown_button", state.guide, catalogue)
        return reply, state.after(reply, guide=state.guide)
    return _answer(phrase_reply(catalogue, "unknown_button"), state)


def _dispatch(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """The guided session's move, if one is under way and wants these words; else the intent's own."""
    if state.guide is not None:
        guided = guides.move(heard.intent, heard.reading, state.guide, state.last, catalogue)
        if guided is not None:
            reply, guide = guided
            return reply, state.after(reply, guide=guide)
    elif state.lost is not None and heard.intent in guides.NAVIGATION:
        reply, guide = guides.restart(state.lost, catalogue)
        return reply, state.after(reply, guide=guide)
    move = MOVES.get(heard.intent, _fallback)
    return move(heard, state, catalogue)


# -- reading what was said -----------------------------------------------------


def _free_words(heard: Heard) -> list[str]:
    """Words that reached the skill unresolved (a description, or a slot value no type knows), with
    each thing the intent's carrier phrases may say in front of them.  (Every intent here has one
    slot filled at a time.)

    A resolved value is read too when its carrier means something ("no {warningSign}") or its words
    hold a negation: "not grown" may still resolve to the growing lump, and must be heard as a denial."""
    meanings = CARRIER_MEANING.get(heard.intent, ("",))
    return [
        f"{meaning} {slot.words}".strip()
        for slot in heard.slots.values()
        if slot.words and (slot.value_id is None or heard.intent in CARRIER_MEANING or reading.negates(slot.words))
        for meaning in meanings
    ]


def _sign_reply(sign: str, catalogue: Catalogue) -> Reply:
    if sign == reading.SERIOUS:
        return phrase_reply(catalogue, "serious", question_key="anything_else")
    return topic_reply(catalogue, f"{RED_FLAG_GROUP}.{sign}")


def _denied_reply(sign: str, catalogue: Catalogue, state: State) -> Reply:
    # A sign said earlier in this session still stands: "my legs are fine otherwise" after "my foot
    # keeps going numb" must not sound like an all-clear.
    earlier = {
        topic.removeprefix(f"{RED_FLAG_GROUP}.") for topic in state.history if topic.startswith(f"{RED_FLAG_GROUP}.")
    }
    if earlier and (sign in earlier or sign == reading.ANY_SIGN):
        return phrase_reply(catalogue, "sign_stands", offer="see_doctor")
    if sign not in catalogue.denied_names:  # a serious symptom said to be absent
        return phrase_reply(catalogue, "noted", question_key="anything_else")
    return phrase_reply(catalogue, "denied", offer="see_doctor", fill={"name": catalogue.denied_names[sign]})


_CAUSE_OF_REMEDY = {method: cause for cause, method in reading.REMEDY_FOR.items()}


def _in_context(topic: str, state: State) -> str:
    """A topic read where the person is in the list of causes.

    "Tell me about the water one", just after the causes (or another cause), names the dehydration
    cause, not the drinking that relieves it.  Just after dehydration itself, "should I drink more?"
    asks for the remedy.
    """
    current = (state.current or "").removesuffix(MORE_SUFFIX)
    if current == reading.CAUSES or (current.startswith(CAUSE_GROUP) and _CAUSE_OF_REMEDY.get(topic) != current):
        return _CAUSE_OF_REMEDY.get(topic, topic)
    return topic


def _deeper(topic: str, state: State, catalogue: Catalogue) -> str:
    """Asked again about the topic just heard ("how does stress cause it?"): the detail behind it."""
    topic = _in_context(topic, state)
    more = catalogue.topics[topic].more
    return more if topic == state.current and more else topic


def _read_reply(found: reading.Reading, catalogue: Catalogue, state: State) -> Reply:
    """The answer to words read freely (no warning sign in them: that was checked first)."""
    if found.denied:
        return _denied_reply(found.denied[0], catalogue, state)
    if found.topic:
        return topic_reply(catalogue, _deeper(found.topic, state, catalogue))
    return phrase_reply(catalogue, "unrelated", question_key="fallback_question")


# -- the moves, one per intent -----------------------------------------------------


def _answer(reply: Reply, state: State) -> tuple[Reply, State]:
    return reply, state.after(reply)


def _topic(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """A question the content answers: the route table says which topic."""
    route = INTENT_ROUTES[heard.intent]
    slot = heard.slots.get(route.slot) if route.slot else None
    if slot is None or not slot.words:
        return _answer(topic_reply(catalogue, _in_context(route.topic, state)), state)
    if heard.reading.denied:  # "not grown": the value's words deny it (signs were answered in reply_to)
        return _answer(_read_reply(heard.reading, catalogue, state), state)
    if slot.value_id == SERIOUS_VALUE:
        return _answer(_sign_reply(reading.SERIOUS, catalogue), state)
    topic = SLOT_VALUE_TOPICS[route.slot_type].get(slot.value_id or "") if route.slot_type else None
    if topic:
        return _answer(topic_reply(catalogue, _deeper(topic, state, catalogue)), state)
    found = heard.reading
    if route.topic == reading.CAUSES and found.topic in _CAUSE_OF_REMEDY:
        # "was it my form": asked as a cause, a remedy's words name the cause that remedy answers
        return _answer(topic_reply(catalogue, _deeper(_CAUSE_OF_REMEDY[found.topic], state, catalogue)), state)
    if found.topic:
        return _answer(_read_reply(found, catalogue, state), state)
    if route.slot_type == WARNING_SIGN_TYPE or found.elsewhere:
        return _answer(phrase_reply(catalogue, "unrelated", question_key="fallback_question"), state)
    lead = catalogue.phrases["unmatched_value"]
    return _answer(topic_reply(catalogue, route.topic, lead), state)


def _negative_statement(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """A statement that opens with a negation (a sign in it was answered already, in reply_to)."""
    if (heard.reading.topic or "").startswith(SYMPTOM_GROUP):  # "nothing going down my legs": denied
        return _answer(_denied_reply(reading.ANY_SIGN, catalogue, state), state)
    if heard.reading.denied or heard.reading.topic or heard.reading.elsewhere or heard.reading.request:
        return _describe(heard, state, catalogue)  # "never mind that, what's the weather": read as said
    sign = heard.slots.get(WARNING_SIGN_SLOT or "")
    if sign is not None or not heard.slots:  # "no {warningSign}", or "none of those": nothing to escalate
        topic = SLOT_VALUE_TOPICS[WARNING_SIGN_TYPE].get(sign.value_id or "") if sign else None
        denied = topic.removeprefix(f"{RED_FLAG_GROUP}.") if topic else reading.ANY_SIGN
        return _answer(_denied_reply(denied, catalogue, state), state)
    return _no(heard, state, catalogue)  # "no" and words about nothing this skill knows


def _improving(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """Self-care working or the lump easing: glad, and what would change that."""
    return _answer(phrase_reply(catalogue, "improving", question_key="anything_else"), state)


def _legs_fine(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """Legs and feet said to be fine: no nerve signs, acknowledged."""
    return _answer(_denied_reply(reading.NERVE_SIGNS, catalogue, state), state)


def _serious(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """A serious symptom the article does not cover: the skill cannot advise; where to turn."""
    return _answer(_sign_reply(reading.SERIOUS, catalogue), state)


def _describe(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """A person's own description, caught whole by an AMAZON.SearchQuery slot."""
    request = heard.reading.request
    if request in MOVES:  # "could you repeat that last bit": the conversation, asked for in other words
        return _dispatch(Heard(request, _method_slot(heard.reading.topic)), state, catalogue)
    return _answer(_read_reply(heard.reading, catalogue, state), state)


def _method_slot(topic: str | None) -> dict[str, SlotHeard]:
    """The relief method a description named, as Alexa would fill it ("how long do i hold the stretch")."""
    for value_id, method_topic in SLOT_VALUE_TOPICS[METHOD_TYPE].items():
        if method_topic == topic:
            return {METHOD_SLOT: SlotHeard(value_id, value_id)}
    return {}


def _yes(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    offer = state.last.offer if state.last else None
    if offer is None:
        return _answer(phrase_reply(catalogue, "help"), state)
    return _offered(offer, state, catalogue)


def _offered(offer: str, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """What was on offer: a topic, or the warning-sign check, which starts at once."""
    if offer == guides.CHECK_TOPIC:
        reply, guide = guides.start(guides.CHECK, catalogue)
        return reply, state.after(reply, guide=guide)
    return _answer(topic_reply(catalogue, offer), state)


def _no(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """ "No" to an offer names what can be asked; "no" to "anything else?" says goodbye."""
    if state.last is None or state.last.offer is None:
        return _answer(phrase_reply(catalogue, "goodbye", question_key=None), state)
    return _answer(phrase_reply(catalogue, "declined"), state)


def _repeat(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    if state.last is None:
        return _answer(phrase_reply(catalogue, "nothing_to_repeat"), state)
    return state.last, state


def _help(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    return _answer(phrase_reply(catalogue, "help"), state)


def _exit(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    return _answer(phrase_reply(catalogue, "goodbye", question_key=None), state)


def _thanks(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    return _answer(phrase_reply(catalogue, "thanks", question_key="anything_else"), state)


def _start_over(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    reply = phrase_reply(catalogue, "start_over", offer=FIRST_TOPIC)
    return reply, State().after(reply)


def _next(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """The next entry of the list the person is in; outside a list, what was on offer."""
    place = entry_position(state.current) if state.current else None
    if place is not None:
        group, position = place
        following = entry_topic(group, position + 1)
        if following:
            return _answer(topic_reply(catalogue, following), state)
        last_entry = entry_topic(group, position)
        offer = catalogue.topics[last_entry].offer if last_entry else None
        return _answer(phrase_reply(catalogue, "end_of_list", offer=offer), state)
    if state.last and state.last.offer:
        return _offered(state.last.offer, state, catalogue)
    return _answer(phrase_reply(catalogue, "menu", question_key="menu_question"), state)


def _previous(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """The entry before this one; at a list's start its overview; elsewhere the topic heard before."""
    place = entry_position(state.current) if state.current else None
    if state.current and state.current.endswith(MORE_SUFFIX):
        return _answer(topic_reply(catalogue, state.current.removesuffix(MORE_SUFFIX)), state)
    if place is not None and place[1] >= 0:
        group, position = place
        earlier = entry_topic(group, position - 1) or catalogue.group_overviews[group]
        return _answer(topic_reply(catalogue, earlier), state)
    if len(state.history) >= 2:
        earlier = state.history[-2]
        reply = topic_reply(catalogue, earlier)
        return reply, State(reply, state.history[:-1], 0)
    return _answer(phrase_reply(catalogue, "start_of_list", offer=state.last.offer if state.last else None), state)


def _more(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """The detail behind the last answer."""
    current = catalogue.topics.get(state.current or "")
    if current is None:
        return _next(heard, state, catalogue)
    if current.more:
        return _answer(topic_reply(catalogue, current.more), state)
    if entry_position(current.id) is not None:
        return _next(heard, state, catalogue)  # an overview's first entry, or the list's next one
    return _answer(phrase_reply(catalogue, "nothing_more", offer=current.offer), state)


def _why(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """ "Why?" after an answer: the reason behind it (after a cause, how that cause makes a knot)."""
    current = catalogue.topics.get(state.current or "")
    if current is not None and current.id.endswith(MORE_SUFFIX):
        return _answer(topic_reply(catalogue, current.id), state)
    if current is not None and current.more:
        return _answer(topic_reply(catalogue, current.more), state)
    return _answer(topic_reply(catalogue, "knot"), state)


def _how_long(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """ "How long?": the time for the method named ("how long do I hold a stretch"), else for the last answer."""
    method = heard.slots.get(METHOD_SLOT)
    named = SLOT_VALUE_TOPICS[METHOD_TYPE].get(method.value_id or "") if method else None
    current = state.current or ""
    key = named or current.removesuffix(MORE_SUFFIX)
    switched = named is not None and named != current
    if key.startswith(METHOD_GROUP) and key not in catalogue.how_long:  # a method the article gives no time for
        if switched:
            return _answer(topic_reply(catalogue, key, catalogue.phrases["no_set_time"]), state)
        offer = catalogue.topics[key].offer
        return _answer(phrase_reply(catalogue, "no_set_time", offer=offer), state)
    text = catalogue.how_long.get(key) or catalogue.how_long.get(key.partition(".")[0]) or catalogue.how_long[None]
    if switched:  # a method other than the last answer: offer that method's answer
        offer = named
    else:
        offer = catalogue.topics[current].offer if current in catalogue.topics else None
    return _answer(phrase_reply(catalogue, "how_long", offer=offer, fill={"text": text}), state)


def _pause(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    # Not remembered: "yes" and "resume" pick up where the person was.
    return phrase_reply(catalogue, "paused", question_key="ready"), state


def _resume(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    return _repeat(heard, state, catalogue)


def _start_guide(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """ "Let's stretch", "time my foam rolling", "check my symptoms": the session starts at once."""
    reply, guide = guides.start(guides.STARTS[heard.intent], catalogue)
    return reply, state.after(reply, guide=guide)


def _not_sure(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """ "I'm not sure", outside the check: what there is to choose from."""
    return _answer(phrase_reply(catalogue, "menu", question_key="menu_question"), state)


def _fallback(heard: Heard, state: State, catalogue: Catalogue) -> tuple[Reply, State]:
    """Nothing understood (AMAZON.FallbackIntent carries no words); twice in a row, the menu."""
    if state.misses >= 1:
        reply = phrase_reply(catalogue, "menu", question_key="menu_question")
    else:
        reply = phrase_reply(catalogue, "fallback", question_key="fallback_question")
    return reply, state.after(reply, missed=True)


MOVES: dict[str, Move] = {
    **dict.fromkeys(INTENT_ROUTES, _topic),
    "DescribeIntent": _describe,
    # Every carrier whose word is put back reads as a description; a negation is read its own way.
    **dict.fromkeys(CARRIER_MEANING, _describe),
    "NegativeStatementIntent": _negative_statement,
    "ImprovingIntent": _improving,
    "LegsFineIntent": _legs_fine,
    "SeriousSymptomIntent": _serious,
    "ThanksIntent": _thanks,
    "HowLongIntent": _how_long,
    "WhyIntent": _why,
    "AMAZON.YesIntent": _yes,
    "AMAZON.NoIntent": _no,
    "AMAZON.RepeatIntent": _repeat,
    "AMAZON.HelpIntent": _help,
    "AMAZON.StopIntent": _exit,
    "AMAZON.CancelIntent": _exit,
    "AMAZON.NavigateHomeIntent": _exit,
    "AMAZON.NextIntent": _next,
    "AMAZON.PreviousIntent": _previous,
    "AMAZON.MoreIntent": _more,
    "AMAZON.StartOverIntent": _start_over,
    "AMAZON.PauseIntent": _pause,
    "AMAZON.ResumeIntent": _resume,
    **dict.fromkeys(guides.STARTS, _start_guide),
    NOT_SURE_INTENT: _not_sure,
    FALLBACK_INTENT: _fallback,
}
