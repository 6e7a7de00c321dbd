"""Topics: which topic answers which intent or slot value, and where a topic sits in its list.

Topic ids are the content's (``skill/content.py``); the per-locale text for
each lives in the catalogue (``skill/catalogue.py``).
"""

from __future__ import annotations

from dataclasses import dataclass

from skill import content


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
