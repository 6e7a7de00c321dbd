"""Replies: what to say, ask and show, as plain data.

A reply is plain data.  It is stored as-is in the session so that "repeat"
can say it again on a later turn; SDK objects never go into the session.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from skill.catalogue import Catalogue
from skill.speech import MAX_SILENCE_SECONDS


@dataclass(frozen=True)
class Reply:
    speech: str
    question: str | None  # closes the speech and is the reprompt; None ends the session
    card_title: str
    card_text: str
    offer: str | None = None  # the topic a "yes" will lead to
    topic: str | None = None  # the topic this answers; picks the screen, so "repeat" shows it again
    phrase: str | None = None  # the phrase-book key of a reply that is not a topic
    # A guided hold: the speech in parts, with seconds of silence between them ("Halfway." after 15).
    # The strings joined are ``speech``; () for a reply said without pauses.
    timed: tuple[str | int, ...] = ()
    step: str | None = None  # the guided step this shows ("stretch.0"), which picks its screen

    @classmethod
    def from_session(cls, stored: object) -> Reply | None:
        """A reply stored on an earlier turn, or None if it is not one.

        Session attributes come back in the request, so they are input like
        any other: check every field before trusting it.
        """
        if not isinstance(stored, dict):
            return None
        names = {f.name for f in fields(cls)}
        if set(stored) != names:
            return None
        required = ("speech", "card_title", "card_text")
        if not all(isinstance(stored[name], str) for name in required):
            return None
        if not all(isinstance(stored[n], (str, type(None))) for n in ("question", "offer", "topic", "phrase", "step")):
            return None
        timed = _timed_from_session(stored["timed"], stored["speech"])
        if timed is None:
            return None
        return cls(**{**stored, "timed": timed})

    def to_session(self) -> dict:
        """The reply as plain JSON for the session."""
        return {**vars(self), "timed": list(self.timed)}


def _timed_from_session(stored: object, speech: str) -> tuple[str | int, ...] | None:
    """A stored reply's timed parts, or None unless they are strings and whole seconds, within the
    silence one response may hold, that say exactly the reply's speech."""
    if not isinstance(stored, list):
        return None
    words = [part for part in stored if isinstance(part, str)]
    pauses = [part for part in stored if type(part) is int]
    if len(words) + len(pauses) != len(stored) or any(p <= 0 for p in pauses):
        return None
    if sum(pauses) > MAX_SILENCE_SECONDS or (stored and " ".join(words) != speech):
        return None
    return tuple(stored)


def topic_reply(catalogue: Catalogue, topic_id: str, lead: str = "") -> Reply:
    """The answer for one topic, ending with the offer of the next one."""
    topic = catalogue.topics[topic_id]
    if topic.offer:
        question = catalogue.topics[topic.offer].invite
    else:
        question = catalogue.phrases["anything_else"]
    speech = f"{lead} {topic.speech}" if lead else topic.speech
    return Reply(speech, question, topic.title, catalogue.cards[topic_id], topic.offer, topic_id)


def phrase_reply(
    catalogue: Catalogue,
    key: str,
    *,
    question_key: str | None = "what_else",
    offer: str | None = None,
    fill: dict[str, str] | None = None,
) -> Reply:
    """A conversational reply (welcome, help, fallback...) from the phrase book.

    ``offer`` closes it with that topic's invitation; ``fill`` completes a
    phrase with slots of its own ("{name}"), from the catalogue, never from
    what a person said.
    """
    speech = catalogue.phrases[key]
    if fill:
        speech = speech.format(**fill)
    question = catalogue.phrases[question_key] if question_key else None
    if offer:
        question = catalogue.topics[offer].invite
    title = catalogue.card_titles.get(key, catalogue.card_titles["default"])
    return Reply(speech, question, title, speech, offer, phrase=key)
