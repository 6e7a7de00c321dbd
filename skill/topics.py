"""Topics: which piece of the content answers which intent, per locale.

The catalogue for each locale is built once, on first use, and reused for
every request after that.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from skill import content
from skill.content import Entry, Topic
from skill.speech import spoken_list


@dataclass(frozen=True)
class Route:
    """Where a custom intent leads: a topic, or a slot value's topic."""

    topic: str
    slot: str | None = None
    slot_type: str | None = None


INTENT_ROUTES = {
    "LumpIntent": Route("lump"),
    "MuscleKnotIntent": Route("knot"),
    "CausesIntent": Route("causes", "cause", "CauseType"),
    "SymptomsIntent": Route("symptoms", "symptom", "SymptomType"),
    "ReliefIntent": Route("relief", "method", "ReliefMethodType"),
    "StretchingIntent": Route("method.stretching"),
    "HeatOrIceIntent": Route("method.heat_or_ice"),
    "RestIntent": Route("method.rest"),
    "PreventionIntent": Route("prevention"),
    "SeeDoctorIntent": Route("see_doctor"),
    "RedFlagIntent": Route("red_flag", "warningSign", "WarningSignType"),
    "DoctorTreatmentIntent": Route("doctor"),
}

# Slot value ids in the interaction model, mapped to topic ids.
SLOT_VALUE_TOPICS = {
    "CauseType": {
        "OVERUSE": "cause.overuse",
        "POOR_FORM": "cause.poor_form",
        "DEHYDRATION": "cause.dehydration",
        "NO_WARM_UP": "cause.no_warm_up",
        "MUSCLE_IMBALANCE": "cause.muscle_imbalance",
        "STRESS": "cause.stress",
    },
    "SymptomType": {
        "LOCAL_PAIN": "symptom.local_pain",
        "TENDERNESS": "symptom.tenderness",
        "REFERRED_PAIN": "symptom.referred_pain",
        "STIFFNESS": "symptom.stiffness",
        "WEAKNESS": "symptom.weakness",
    },
    "ReliefMethodType": {
        "STRETCHING": "method.stretching",
        "MASSAGE": "method.massage",
        "HEAT_OR_ICE": "method.heat_or_ice",
        "HYDRATION": "method.hydration",
        "REST": "method.rest",
        "FORM": "method.form",
    },
    "WarningSignType": {
        "NUMBNESS_TINGLING": "red_flag.nerve_signs",
        "LEG_WEAKNESS": "red_flag.nerve_signs",
        "GROWING_OR_VERY_PAINFUL": "red_flag.lump_changes",
        "SEVERE_PAIN": "red_flag.severe_pain",
        "OTHER_GROWTH": "red_flag.other_growth",
        "NO_RELIEF": "red_flag.no_relief",
    },
}

RED_FLAG_TOPIC = "red_flag"
FIRST_TOPIC = "lump"  # what a "yes" at launch leads to


@dataclass(frozen=True)
class Catalogue:
    """Every topic and phrase for one locale."""

    locale: str
    topics: dict[str, Topic]
    phrases: dict[str, str]
    card_titles: dict[str, str]


def _entry_topics() -> list[Topic]:
    """One topic per cause, symptom, method and warning sign."""
    topics = []
    for group, (entries, follow_up) in content.ENTRY_GROUPS.items():
        for position in range(len(entries)):
            topics.append(_entry_topic(group, entries, position, follow_up))
    return topics


def _entry_topic(group: str, entries: tuple[Entry, ...], position: int, follow_up: str | None) -> Topic:
    entry = entries[position]
    topic_id = f"{group}.{entry.id}"
    if follow_up is None:
        # Relief methods walk through each other, then on to prevention.
        later = entries[position + 1 :]
        follow_up = f"{group}.{later[0].id}" if later else "prevention"
    speech = entry.detail
    if group == "red_flag":
        speech = content.RED_FLAG_SPEECH.format(detail=entry.detail)
    invite = content.ENTRY_INVITES.get(topic_id, f"Want to hear about {entry.name}?")
    return Topic(topic_id, entry.title, speech, invite, follow_up)


def _with_list(topic: Topic) -> Topic:
    """Fill an overview's "{list}" with the short names of its entries."""
    if not topic.entries:
        return topic
    names = [entry.name for entry in topic.entries]
    conjunction = "or" if topic.id in ("see_doctor", "relief") else "and"
    return replace(topic, speech=topic.speech.format(list=spoken_list(names, conjunction)))


def _localised(topic: Topic, locale: str) -> Topic:
    def local(text: str) -> str:
        return content.regional(text, locale)

    entries = tuple(
        replace(e, name=local(e.name), title=local(e.title), detail=local(e.detail))
        for e in topic.entries
    )
    return replace(
        topic,
        title=local(topic.title),
        speech=local(topic.speech),
        invite=local(topic.invite),
        entries=entries,
    )


def catalogue(locale: str | None) -> Catalogue:
    """The catalogue for ``locale``; any other locale gets US English."""
    # Normalise first: the cache must not grow with whatever a caller sends.
    return _build(locale if locale in content.LOCALES else content.DEFAULT_LOCALE)


@cache
def _build(locale: str) -> Catalogue:
    topics = (_localised(_with_list(t), locale) for t in (*content.TOPICS, *_entry_topics()))
    phrases = {key: content.regional(text, locale) for key, text in content.PHRASES.items()}
    titles = {key: content.regional(text, locale) for key, text in content.CARD_TITLES.items()}
    return Catalogue(locale, {t.id: t for t in topics}, phrases, titles)


def warm() -> None:
    """Build every catalogue now, so no request pays for it."""
    for locale in content.LOCALES:
        catalogue(locale)
