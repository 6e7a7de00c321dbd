"""Every reply the catalogue can produce, in every locale, fits in one or two breaths.

Spoken words are counted with the closing question, as a listener hears them; the
silences of a guided hold are not words.  Every step of every guided session is
held to Alexa's limits on one response too.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest

from skill import content, guides
from skill.catalogue import catalogue_for
from skill.conversation import Heard, SlotHeard, State, launch, press, reply_to
from skill.reading import Reading
from skill.replies import Reply, phrase_reply, topic_reply
from skill.response import spoken_ssml
from skill.routines import BUTTON_INTENTS, STEP_COUNTS
from skill.speech import MAX_BREAK_SECONDS, MAX_SILENCE_SECONDS, MAX_SSML_CHARACTERS, ssml

MAX_WORDS = 40
MAX_WELCOME_WORDS = 30
MAX_FALLBACK_WORDS = 25


def _spoken(reply: Reply) -> str:
    return f"{reply.speech} {reply.question}" if reply.question else reply.speech


def every_reply(locale: str) -> list[tuple[str, Reply]]:
    """Each topic's answer, each phrase as the skill says it, and each follow-up answer."""
    book = catalogue_for(locale)
    replies = [(topic_id, topic_reply(book, topic_id)) for topic_id in book.topics]
    replies.append(("unmatched", topic_reply(book, "causes", book.phrases["unmatched_value"])))
    for key in book.phrases:
        if "{" in book.phrases[key]:
            continue  # filled below, with every value it can take
        replies.append((key, phrase_reply(book, key)))
    replies += [
        (f"denied.{sign}", phrase_reply(book, "denied", fill={"name": name}))
        for sign, name in book.denied_names.items()
    ]
    replies += [
        (f"how_long.{key}", phrase_reply(book, "how_long", offer="prevention", fill={"text": text}))
        for key, text in book.how_long.items()
    ]
    replies += [
        (f"no_set_time.{topic_id}", topic_reply(book, topic_id, book.phrases["no_set_time"]))
        for topic_id in book.topics
        if topic_id.startswith("method.") and topic_id not in book.how_long
    ]
    # As the conversation really closes them: the welcome with its offer, the fallback with its question.
    state = State()
    replies.append(("welcome+offer", launch(state, book)[0]))
    replies.append(("fallback+question", reply_to(Heard("AMAZON.FallbackIntent"), state, book)[0]))
    return replies + guided_replies(locale)


# What may be said to a guided session: every intent the sessions answer, and free words that name nothing.
GUIDED_INTENTS = (
    *BUTTON_INTENTS.values(),
    *guides.ENDINGS,
    guides.PREVIOUS,
    guides.MORE,
    guides.REPEAT,
    guides.HELP,
    guides.START_OVER,
    guides.FALLBACK,
    guides.HOW_LONG,
    guides.THANKS,
    guides.DESCRIBE,
    guides.NEGATIVE,
)


def guided_replies(locale: str) -> list[tuple[str, Reply]]:
    """Every reply a guided session can give: each start and restart, and every move from every place."""
    book = catalogue_for(locale)
    replies = []
    for kind, count in STEP_COUNTS.items():
        replies.append((f"{kind}.start", guides.start(kind, book)[0]))
        replies.append((f"{kind}.restart", guides.restart(kind, book)[0]))
        for step in range(count):
            for paused in (False, True):
                for unclear in (0, 1):
                    guide = guides.Guide(kind, step, paused, unclear)
                    last = guides.step_at(kind, step, book)
                    for intent in GUIDED_INTENTS:
                        moved = guides.move(intent, Reading(), guide, last, book)
                        if moved is not None:
                            replies.append((f"{kind}.{step}.{paused}.{unclear}:{intent}", moved[0]))
    replies.append(("lost", guides.restart("", book)[0]))
    replies.append(("unknown_button", press("bogus", State(), book)[0]))
    return list({reply: (key, reply) for key, reply in reversed(replies)}.values())  # each reply once


CASES = [
    pytest.param(locale, key, reply, id=f"{locale}:{key}")
    for locale in content.LOCALES
    for key, reply in every_reply(locale)
]


@pytest.mark.parametrize(("locale", "key", "reply"), CASES)
def test_every_reply_is_short_valid_ssml_and_asks_when_open(locale, key, reply):
    spoken = _spoken(reply)
    assert len(spoken.split()) <= MAX_WORDS, spoken
    ElementTree.fromstring(f"<speak>{ssml(spoken)}</speak>")
    if reply.question is not None:
        assert reply.question.endswith("?"), spoken


@pytest.mark.parametrize("locale", content.LOCALES)
def test_the_welcome_and_the_fallback_are_shorter_still(locale):
    book = catalogue_for(locale)
    welcome = launch(State(), book)[0]
    assert len(_spoken(welcome).split()) <= MAX_WELCOME_WORDS
    assert content.DISCLAIMER in welcome.speech
    fallback = reply_to(Heard("AMAZON.FallbackIntent"), State(), book)[0]
    assert len(_spoken(fallback).split()) <= MAX_FALLBACK_WORDS
    assert "see a doctor" in fallback.speech and "can't help" not in fallback.speech


@pytest.mark.parametrize("locale", content.LOCALES)
def test_no_reply_stacks_disclaimers(locale):
    """One "I can't tell" or "not medical advice" at most in any reply."""
    for key, reply in every_reply(locale):
        said = _spoken(reply).lower()
        hedges = said.count("i can't tell") + said.count("not medical advice") + said.count("i don't have details")
        assert hedges <= 1, (key, said)


def test_a_sign_read_from_free_words_gets_a_short_answer():
    book = catalogue_for("en-US")
    said = Heard("DescribeIntent", {"description": SlotHeard("my toes keep going numb & tingly <b>")})
    reply, _ = reply_to(said, State(), book)
    assert reply.topic == "red_flag.nerve_signs"
    assert len(_spoken(reply).split()) <= MAX_WORDS
    assert "<b>" not in reply.speech  # what was said is named by its kind, never echoed


GUIDED_CASES = [
    pytest.param(locale, key, reply, id=f"{locale}:{key}")
    for locale in content.LOCALES
    for key, reply in guided_replies(locale)
]
_BREAK = re.compile(r'<break time="(\d+)s"/>')


@pytest.mark.parametrize(("locale", "key", "reply"), GUIDED_CASES)
def test_every_guided_step_stays_within_alexas_limits(locale, key, reply):
    """Valid SSML under 8,000 characters; every break at most 10 s; the silences within one response's budget."""
    said = f"<speak>{spoken_ssml(reply)}</speak>"
    ElementTree.fromstring(said)
    assert len(said) < MAX_SSML_CHARACTERS
    breaks = [int(seconds) for seconds in _BREAK.findall(said)]
    assert all(0 < seconds <= MAX_BREAK_SECONDS for seconds in breaks)
    assert sum(breaks) == sum(p for p in reply.timed if isinstance(p, int)) <= MAX_SILENCE_SECONDS
    assert re.sub(r"<break[^>]*/>", "", said).count("<") == 2  # nothing but <speak>, </speak> and the breaks


def test_the_guided_cases_cover_every_session_and_its_holds():
    replies = [reply for locale in content.LOCALES for _, reply in guided_replies(locale)]
    holds = {reply.step for reply in replies if reply.timed}
    assert holds == {f"{kind}.{i}" for kind in ("stretch", "foam") for i in range(STEP_COUNTS[kind])}
    assert len(GUIDED_CASES) > 100 * len(content.LOCALES)
