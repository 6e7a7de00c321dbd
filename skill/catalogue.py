"""The catalogue: every topic and phrase for one locale, built once and ready to say, show and card.

Built on first use per locale (``warm`` builds them all at start-up), so a
request only looks text up: speech, card text and the screen's fixed part
are all made here, never per request.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from skill import content
from skill.content import Entry, Topic
from skill.routines import parse_step
from skill.speech import spoken_list
from skill.topics import MORE_SUFFIX, RED_FLAG_GROUP

RELIEF_TOPIC = "relief"  # shown as a table; other overviews as a numbered list
TABLE_COLUMNS = {"method": "Method", "how": "How to do it"}
METHOD_GROUP = "method"  # topic ids "method.<id>" show how that method is done
NO_POINTS = {"pointsHeading": "", "points": []}
GUIDE_DOCUMENT = "guide"  # a step of a guided session (skill/guides.py)


@dataclass(frozen=True)
class ScreenPart:
    """What a topic's screen shows besides the reply's own words: its document and fixed data."""

    document: str  # a file name in skill/apl, without ".json"
    fixed: dict


@dataclass(frozen=True)
class Catalogue:
    """Every topic and phrase for one locale."""

    locale: str
    topics: dict[str, Topic]
    phrases: dict[str, str]
    card_titles: dict[str, str]
    denied_names: dict[str, str]  # warning sign id -> short noun, for the "denied" phrase
    how_long: dict[str | None, str]  # topic or group just heard -> how long to keep at it
    group_overviews: dict[str, str]  # list group -> the overview topic that introduces it
    cards: dict[str, str]  # topic id -> the card's text
    screens: dict[str | None, ScreenPart]  # topic id (None: not a topic) -> what its screen shows besides speech

    guide_screens: dict[str, ScreenPart]  # guided session kind -> its steps' screen, besides the step itself

    def screen(self, topic_id: str | None, step: str | None = None) -> ScreenPart:
        """What the screen for an answer to ``topic_id`` (or a guided ``step``) shows besides the reply's words."""
        guided = parse_step(step)
        if guided is not None:
            return self.guide_screens[guided[0]]
        return self.screens.get(topic_id) or self.screens[None]


def _entry_topics() -> list[Topic]:
    """One topic per cause, symptom, method and warning sign, and one for each entry's "more"."""
    topics = []
    for group, (entries, follow_up) in content.ENTRY_GROUPS.items():
        for position in range(len(entries)):
            topics += _entry_topic(group, entries, position, follow_up)
    return topics


def _entry_topic(group: str, entries: tuple[Entry, ...], position: int, follow_up: str | None) -> list[Topic]:
    entry = entries[position]
    topic_id = f"{group}.{entry.id}"
    if follow_up is None:
        # Relief methods walk through each other, then on to prevention.
        later = entries[position + 1 :]
        follow_up = f"{group}.{later[0].id}" if later else "prevention"
    speech = entry.detail
    if group == RED_FLAG_GROUP:
        speech = content.RED_FLAG_SPEECH.format(detail=entry.detail)
    invite = content.ENTRY_INVITES.get(topic_id, f"Want to hear about {entry.name}?")
    if entry.more is None:
        return [Topic(topic_id, entry.title, speech, invite, follow_up)]
    more_id = f"{topic_id}{MORE_SUFFIX}"
    return [
        Topic(topic_id, entry.title, speech, invite, follow_up, more=more_id),
        Topic(more_id, entry.title, entry.more, invite, follow_up),
    ]


def _with_list(topic: Topic) -> Topic:
    """Fill an overview's "{list}" with the short names of its entries."""
    if not topic.entries:
        return topic
    names = [entry.name for entry in topic.entries]
    conjunction = "or" if topic.id.startswith("see_doctor") or topic.id == "relief" else "and"
    return replace(topic, speech=topic.speech.format(list=spoken_list(names, conjunction)))


def _localised(topic: Topic, locale: str) -> Topic:
    def local(text: str) -> str:
        return content.regional(text, locale)

    entries = tuple(
        replace(
            e, name=local(e.name), title=local(e.title), detail=local(e.detail), more=local(e.more) if e.more else None
        )
        for e in topic.entries
    )
    return replace(
        topic,
        title=local(topic.title),
        speech=local(topic.speech),
        invite=local(topic.invite),
        entries=entries,
    )


def catalogue_for(locale: str | None) -> Catalogue:
    """The catalogue for ``locale``; any other locale gets US English."""
    # Normalise first: the cache must not grow with whatever a caller sends.
    return _build(locale if locale in content.LOCALES else content.DEFAULT_LOCALE)


@cache
def _build(locale: str) -> Catalogue:
    topics = {t.id: t for t in (_localised(_with_list(t), locale) for t in (*content.TOPICS, *_entry_topics()))}

    def local(texts: dict) -> dict:
        return {key: content.regional(text, locale) for key, text in texts.items()}

    screens: dict[str | None, ScreenPart] = {t: screen_part(topics[t], locale) for t in topics}
    screens[None] = screen_part(None, locale)
    return Catalogue(
        locale,
        topics,
        local(content.PHRASES),
        local(content.CARD_TITLES),
        local(content.DENIED_NAMES),
        local(content.HOW_LONG),
        dict(content.GROUP_OVERVIEWS),
        {topic_id: _card_text(topic) for topic_id, topic in topics.items()},
        screens,
        {
            kind: ScreenPart(GUIDE_DOCUMENT, {**screens[None].fixed, "session": content.regional(title, locale)})
            for kind, title in content.GUIDE_TITLES.items()
        },
    )


def _card_text(topic: Topic) -> str:
    """The answer as the Alexa app's card shows it: the speech, then each entry in full."""
    if not (topic.entries and topic.card_details):
        return topic.speech
    return topic.speech + "\n\n" + "\n".join(f"• {e.title}: {e.detail}" for e in topic.entries)


def screen_part(topic: Topic | None, locale: str) -> ScreenPart:
    """The fixed part of the screen for an answer to ``topic`` (None: a reply that is no topic).

    ``topic`` is already in the locale's words; the how-to quotes are localised here.
    """
    document, details = _topic_details(topic, locale)
    common = {"skill": content.SKILL_NAME, "disclaimer": content.regional(content.DISCLAIMER, locale)}
    return ScreenPart(document, {**common, **details})


def _topic_details(topic: Topic | None, locale: str) -> tuple[str, dict]:
    """The document a topic needs and the data behind its speech."""
    if topic is None:
        return "answer", NO_POINTS
    if topic.id == RELIEF_TOPIC:
        rows = [{"method": entry.title, "how": _how(entry.id, locale)} for entry in topic.entries]
        return "table", {"columns": TABLE_COLUMNS, "rows": rows}
    if topic.entries:
        items = [{"title": e.title, "detail": e.detail if topic.card_details else ""} for e in topic.entries]
        return "list", {"items": items}
    group, _, entry_id = topic.id.removesuffix(MORE_SUFFIX).partition(".")
    if group != METHOD_GROUP:
        return "answer", NO_POINTS
    return "answer", {"pointsHeading": TABLE_COLUMNS["how"], "points": _how(entry_id, locale)}


def _how(method_id: str, locale: str) -> list[dict]:
    return [{"label": label, "text": content.regional(quote, locale)} for label, quote in content.RELIEF_HOW[method_id]]


def warm() -> None:
    """Build every catalogue now, so no request pays for it."""
    for locale in content.LOCALES:
        catalogue_for(locale)
