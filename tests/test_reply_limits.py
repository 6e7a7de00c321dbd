"""Every reply the catalogue can produce, in every locale, fits in one or two breaths.

Spoken words are counted with the closing question, as a listener hears them.
"""

from __future__ import annotations

from xml.etree import ElementTree

import pytest

from skill import content
from skill.catalogue import catalogue_for
from skill.conversation import Heard, SlotHeard, State, launch, reply_to
from skill.replies import Reply, phrase_reply, topic_reply
from skill.speech import ssml

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
    # As the conversation really closes them: the welcome with its offer, the fallback with its question.
    state = State()
    replies.append(("welcome+offer", launch(state, book)[0]))
    replies.append(("fallback+question", reply_to(Heard("AMAZON.FallbackIntent"), state, book)[0]))
    return replies


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
