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
    "FoamRollingIntent": Route("method.massage"),
    "HydrationIntent": Route("method.hydration"),
    "FormIntent": Route("method.form"),
    "RestIntent": Route("method.rest"),
    "PreventionIntent": Route("prevention"),
    "SeeDoctorIntent": Route("see_doctor"),
    "RedFlagIntent": Route("see_doctor", "warningSign", "WarningSignType"),
    "NoReliefIntent": Route("red_flag.no_relief"),
    "LumpChangingIntent": Route("red_flag.lump_changes"),
    "NerveSignsIntent": Route("red_flag.nerve_signs"),
    "SeverePainIntent": Route("red_flag.severe_pain"),
    "OtherGrowthIntent": Route("red_flag.other_growth"),
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

RED_FLAG_GROUP = "red_flag"  # topic ids "red_flag.<sign>": a warning sign, heard
FIRST_TOPIC = "lump"  # what a "yes" at launch leads to
MORE_SUFFIX = ".more"  # "<entry topic>.more": what "tell me more" adds to an entry


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


def entry_position(topic_id: str) -> tuple[str, int] | None:
    """The list a topic belongs to and its place in it (-1 for the list's overview), or None."""
    if topic_id in _OVERVIEW_GROUPS:
        return _OVERVIEW_GROUPS[topic_id], -1
    group, _, rest = topic_id.partition(".")
    entry_id = rest.removesuffix(MORE_SUFFIX)
    ids = _ENTRY_IDS.get(group, ())
    return (group, ids.index(entry_id)) if entry_id in ids else None


def entry_topic(group: str, position: int) -> str | None:
    """The topic of the entry at ``position`` in ``group``'s list, or None past either end."""
    ids = _ENTRY_IDS[group]
    return f"{group}.{ids[position]}" if 0 <= position < len(ids) else None


_ENTRY_IDS = {group: tuple(e.id for e in entries) for group, (entries, _) in content.ENTRY_GROUPS.items()}
_OVERVIEW_GROUPS = {overview: group for group, overview in content.GROUP_OVERVIEWS.items()}


def catalogue_for(locale: str | None) -> Catalogue:
    """The catalogue for ``locale``; any other locale gets US English."""
    # Normalise first: the cache must not grow with whatever a caller sends.
    return _build(locale if locale in content.LOCALES else content.DEFAULT_LOCALE)


@cache
def _build(locale: str) -> Catalogue:
    topics = (_localised(_with_list(t), locale) for t in (*content.TOPICS, *_entry_topics()))

    def local(texts: dict) -> dict:
        return {key: content.regional(text, locale) for key, text in texts.items()}

    return Catalogue(
        locale,
        {t.id: t for t in topics},
        local(content.PHRASES),
        local(content.CARD_TITLES),
        local(content.DENIED_NAMES),
        local(content.HOW_LONG),
        dict(content.GROUP_OVERVIEWS),
    )


def warm() -> None:
    """Build every catalogue now, so no request pays for it."""
    for locale in content.LOCALES:
        catalogue_for(locale)
