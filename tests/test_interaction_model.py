"""Static checks for the Alexa interaction model of every English locale.

These tests read ``interaction_model/<locale>.json`` for each locale and check
what this skill expects of its own model (its intents, slots and slot values,
sample counts) and that the model agrees with the skill's Python routing
tables.  Amazon's build and certification rules are ``tooling/model_lint.py``
(``make lint-model``; ``tests/test_model_lint.py`` runs it).

No network access is needed.
"""

from __future__ import annotations

import json
import re

import pytest

from skill.content import LOCALES
from tooling.model_lint import SEARCH_QUERY, SLOT_REF_RE, WORDS_RE, normalized
from tooling.paths import MODEL_DIR

# Built-ins that must not carry sample utterances of their own.
BUILT_INS_WITHOUT_SAMPLES: frozenset[str] = frozenset()  # AMAZON.FallbackIntent carries out-of-domain samples

EXPECTED_CUSTOM_INTENT_SLOTS = {
    "LumpIntent": {},
    "MuscleKnotIntent": {},
    "CausesIntent": {"cause": "CauseType"},
    "SymptomsIntent": {"symptom": "SymptomType"},
    "ReliefIntent": {"method": "ReliefMethodType"},
    "StretchingIntent": {},
    "HeatOrIceIntent": {},
    "FoamRollingIntent": {},
    "HydrationIntent": {},
    "FormIntent": {},
    "RestIntent": {},
    "PreventionIntent": {},
    "SeeDoctorIntent": {},
    "RedFlagIntent": {"warningSign": "WarningSignType"},
    "LumpChangingIntent": {},
    "NerveSignsIntent": {},
    "SeverePainIntent": {},
    "OtherGrowthIntent": {},
    "NoReliefIntent": {},
    "SeriousSymptomIntent": {},
    "DoctorTreatmentIntent": {},
    "DescribeIntent": {"description": "AMAZON.SearchQuery"},
    "NegativeStatementIntent": {"description": "AMAZON.SearchQuery", "warningSign": "WarningSignType"},
    "InabilityIntent": {"description": "AMAZON.SearchQuery"},
    "WhatQuestionIntent": {"description": "AMAZON.SearchQuery"},
    "StillIntent": {"description": "AMAZON.SearchQuery"},
    "HowQuestionIntent": {"description": "AMAZON.SearchQuery"},
    "WhyQuestionIntent": {"description": "AMAZON.SearchQuery"},
    "HurtsIntent": {"description": "AMAZON.SearchQuery"},
    "TouchIntent": {"description": "AMAZON.SearchQuery"},
    "NumbIntent": {"description": "AMAZON.SearchQuery"},
    "LegIntent": {"description": "AMAZON.SearchQuery"},
    "LumpSaidIntent": {"description": "AMAZON.SearchQuery"},
    "WorstPainIntent": {"description": "AMAZON.SearchQuery"},
    "SelfCareIntent": {"description": "AMAZON.SearchQuery"},
    "ThanksStatementIntent": {"description": "AMAZON.SearchQuery"},
    "ThanksIntent": {},
    "HowLongIntent": {"method": "ReliefMethodType"},
    "WhyIntent": {},
    "StretchRoutineIntent": {},
    "FoamRollingTimerIntent": {},
    "SymptomCheckIntent": {},
    "NotSureIntent": {},
    "ImprovingIntent": {},
    "LegsFineIntent": {},
}
EXPECTED_TYPE_VALUE_IDS = {
    "CauseType": {
        "OVERUSE",
        "POOR_FORM",
        "DEHYDRATION",
        "NO_WARM_UP",
        "MUSCLE_IMBALANCE",
        "STRESS",
    },
    "SymptomType": {"LOCAL_PAIN", "TENDERNESS", "REFERRED_PAIN", "STIFFNESS", "WEAKNESS"},
    "ReliefMethodType": {"STRETCHING", "MASSAGE", "HEAT_OR_ICE", "HYDRATION", "REST", "FORM"},
    "WarningSignType": {
        "NUMBNESS_TINGLING",
        "LEG_WEAKNESS",
        "GROWING_OR_VERY_PAINFUL",
        "SEVERE_PAIN",
        "OTHER_GROWTH",
        "NO_RELIEF",
        "SERIOUS",
    },
}

MIN_SAMPLES_PER_CUSTOM_INTENT = 15

# Launch verbs a sample utterance must not start with.
LAUNCH_PREFIXES = ("open", "launch", "start", "ask", "load", "begin", "resume", "enable")

# --------------------------------------------------------------------------
# fixtures
# --------------------------------------------------------------------------


@pytest.fixture(scope="module", params=LOCALES)
def model(request) -> dict:
    with (MODEL_DIR / f"{request.param}.json").open(encoding="utf-8") as fh:
        return json.load(fh)


@pytest.fixture(scope="module")
def language_model(model: dict) -> dict:
    return model["interactionModel"]["languageModel"]


@pytest.fixture(scope="module")
def intents(language_model: dict) -> dict:
    return {intent["name"]: intent for intent in language_model["intents"]}


@pytest.fixture(scope="module")
def custom_intents(intents: dict) -> dict:
    return {name: i for name, i in intents.items() if not name.startswith("AMAZON.")}


@pytest.fixture(scope="module")
def built_in_intents(intents: dict) -> dict:
    return {name: i for name, i in intents.items() if name.startswith("AMAZON.")}


@pytest.fixture(scope="module")
def types(language_model: dict) -> dict:
    return {t["name"]: t for t in language_model.get("types", [])}


# --------------------------------------------------------------------------
# shape
# --------------------------------------------------------------------------


def test_shape(model: dict) -> None:
    assert set(model) == {"interactionModel"}
    interaction_model = model["interactionModel"]
    assert "languageModel" in interaction_model
    language_model = interaction_model["languageModel"]
    assert isinstance(language_model["invocationName"], str)
    assert isinstance(language_model["intents"], list) and language_model["intents"]
    assert isinstance(language_model["types"], list) and language_model["types"]
    for intent in language_model["intents"]:
        assert isinstance(intent["name"], str) and intent["name"]
        assert isinstance(intent.get("samples", []), list)
        for slot in intent.get("slots", []):
            assert isinstance(slot["name"], str) and slot["name"]
            assert isinstance(slot["type"], str) and slot["type"]
    for slot_type in language_model["types"]:
        assert isinstance(slot_type["name"], str) and slot_type["name"]
        assert slot_type["values"], slot_type["name"]
        for value in slot_type["values"]:
            assert isinstance(value["id"], str) and value["id"]
            assert isinstance(value["name"]["value"], str) and value["name"]["value"]
            assert isinstance(value["name"].get("synonyms", []), list)


def test_intent_names_are_unique(language_model: dict) -> None:
    names = [intent["name"] for intent in language_model["intents"]]
    assert len(names) == len(set(names))


def test_type_names_are_unique(language_model: dict) -> None:
    names = [t["name"] for t in language_model["types"]]
    assert len(names) == len(set(names))


# --------------------------------------------------------------------------
# invocation name
# --------------------------------------------------------------------------


def test_invocation_name_is_expected(language_model: dict) -> None:
    assert language_model["invocationName"] == "back knot guide"


# --------------------------------------------------------------------------
# intents and samples
# --------------------------------------------------------------------------


def test_built_ins_without_samples(intents: dict) -> None:
    for name in BUILT_INS_WITHOUT_SAMPLES:
        assert intents[name].get("samples", []) == [], name


def test_built_ins_have_no_slots(built_in_intents: dict) -> None:
    for name, intent in built_in_intents.items():
        assert not intent.get("slots"), name


def test_custom_intents_and_slots_match_spec(custom_intents: dict) -> None:
    assert set(custom_intents) == set(EXPECTED_CUSTOM_INTENT_SLOTS)
    for name, expected in EXPECTED_CUSTOM_INTENT_SLOTS.items():
        declared = {slot["name"]: slot["type"] for slot in custom_intents[name].get("slots", [])}
        assert declared == expected, name


# Slotless intents that acknowledge a sign's absence or easing.  The skill never sees their words,
# so none of their samples may hold a negation: "the stretches aren't helping" heard as one of these
# would lose a warning sign.
REASSURING_INTENTS = ("ImprovingIntent", "LegsFineIntent")
NEGATIONS = re.compile(r"\b(?:no|not|never|nothing|none|nope|nah)\b|n't\b")


def test_reassuring_intents_carry_no_negation(intents: dict) -> None:
    negated = [s for name in REASSURING_INTENTS for s in intents[name]["samples"] if NEGATIONS.search(s)]
    assert not negated


def test_custom_intents_have_enough_samples(custom_intents: dict) -> None:
    for name, intent in custom_intents.items():
        count = len(intent.get("samples", []))
        assert count >= MIN_SAMPLES_PER_CUSTOM_INTENT, f"{name} has only {count} samples"


def test_samples_are_not_launch_phrases(intents: dict, language_model: dict) -> None:
    invocation = language_model["invocationName"]
    bad = []
    for name, intent in intents.items():
        for sample in intent.get("samples", []):
            text = normalized(sample)
            first_word = text.split()[0]
            if first_word in LAUNCH_PREFIXES or "alexa" in text or invocation in text:
                bad.append((name, sample))
    assert not bad, f"samples that look like launch phrases: {bad}"


def test_slot_values_use_only_allowed_characters(types: dict) -> None:
    bad = []
    for type_name, slot_type in types.items():
        for value in slot_type["values"]:
            for text in [value["name"]["value"], *value["name"].get("synonyms", [])]:
                if not WORDS_RE.fullmatch(text):
                    bad.append((type_name, value["id"], text))
    assert not bad, f"slot values with disallowed characters: {bad}"


# --------------------------------------------------------------------------
# slots
# --------------------------------------------------------------------------


def test_every_declared_slot_is_used(intents: dict) -> None:
    """Slots a sample names are declared (a lint rule); here, every declared slot is named by a sample."""
    for name, intent in intents.items():
        declared = [slot["name"] for slot in intent.get("slots", [])]
        assert len(declared) == len(set(declared)), f"{name} declares a slot twice"
        used = {ref for sample in intent.get("samples", []) for ref in SLOT_REF_RE.findall(sample)}
        unused = set(declared) - used
        assert not unused, f"{name}: declared slots never used in a sample: {sorted(unused)}"


def test_slot_intents_have_slot_and_slotless_samples(custom_intents: dict) -> None:
    for name, intent in custom_intents.items():
        if not intent.get("slots") or any(slot["type"] == SEARCH_QUERY for slot in intent["slots"]):
            continue  # a SearchQuery intent needs its slot in every sample (below)
        samples = intent["samples"]
        with_slot = [s for s in samples if SLOT_REF_RE.search(s)]
        without_slot = [s for s in samples if not SLOT_REF_RE.search(s)]
        assert with_slot, f"{name} has no slot-bearing samples"
        assert without_slot, f"{name} has no slot-less samples"


def test_model_size_is_sensible(intents: dict) -> None:
    """Variety rather than millions of near-copies (Amazon's byte limit is a lint rule)."""
    total = sum(len(intent.get("samples", [])) for intent in intents.values())
    assert total <= 6000, f"{total} samples"
    for name, intent in intents.items():
        assert len(intent.get("samples", [])) <= 1200, name


def test_no_sample_is_only_a_slot(intents: dict) -> None:
    for name, intent in intents.items():
        for sample in intent.get("samples", []):
            assert SLOT_REF_RE.sub("", sample).strip(), f"{name}: {sample!r} is only a slot"


def test_slot_types_exist_and_custom_types_are_used(intents: dict, types: dict) -> None:
    used_types = set()
    for name, intent in intents.items():
        for slot in intent.get("slots", []):
            slot_type = slot["type"]
            used_types.add(slot_type)
            assert slot_type.startswith("AMAZON.") or slot_type in types, (
                f"{name}.{slot['name']} uses undefined type {slot_type}"
            )
    unused = set(types) - used_types
    assert not unused, f"custom types not used by any slot: {sorted(unused)}"


def test_slot_type_value_ids_match_spec(types: dict) -> None:
    assert set(types) == set(EXPECTED_TYPE_VALUE_IDS)
    for type_name, expected_ids in EXPECTED_TYPE_VALUE_IDS.items():
        ids = {value["id"] for value in types[type_name]["values"]}
        assert ids == expected_ids, type_name


def test_slot_value_ids_unique_and_synonyms_not_shared(types: dict) -> None:
    for type_name, slot_type in types.items():
        ids = [value["id"] for value in slot_type["values"]]
        assert len(ids) == len(set(ids)), f"{type_name}: duplicate value ids"
        owner: dict[str, str] = {}
        for value in slot_type["values"]:
            texts = [value["name"]["value"], *value["name"].get("synonyms", [])]
            keys = [normalized(t) for t in texts]
            assert len(keys) == len(set(keys)), f"{type_name}.{value['id']}: repeated synonym"
            for key in keys:
                assert key not in owner, f"{type_name}: {key!r} belongs to both {owner[key]} and {value['id']}"
                owner[key] = value["id"]


def test_slot_values_have_synonyms(types: dict) -> None:
    for type_name, slot_type in types.items():
        for value in slot_type["values"]:
            assert len(value["name"].get("synonyms", [])) >= 3, f"{type_name}.{value['id']}"


# --------------------------------------------------------------------------
# consistency with the skill code
# --------------------------------------------------------------------------


def test_custom_intents_match_code_routes(custom_intents: dict) -> None:
    from skill.conversation import MOVES

    assert set(custom_intents) == {name for name in MOVES if not name.startswith("AMAZON.")}


def test_built_in_intents_match_code(built_in_intents: dict) -> None:
    from skill.conversation import MOVES

    assert set(built_in_intents) == {name for name in MOVES if name.startswith("AMAZON.")}


def test_slot_value_ids_match_code(types: dict) -> None:
    from skill.conversation import SERIOUS_VALUE, WARNING_SIGN_TYPE
    from skill.topics import SLOT_VALUE_TOPICS

    model_ids = {(type_name, value["id"]) for type_name, slot_type in types.items() for value in slot_type["values"]}
    code_ids = {(type_name, value_id) for type_name, mapping in SLOT_VALUE_TOPICS.items() for value_id in mapping} | {
        (WARNING_SIGN_TYPE, SERIOUS_VALUE)
    }
    missing_in_code = model_ids - code_ids
    missing_in_model = code_ids - model_ids
    assert not missing_in_code, f"model value ids with no SLOT_VALUE_TOPICS entry: {sorted(missing_in_code)}"
    assert not missing_in_model, f"SLOT_VALUE_TOPICS entries not in the model: {sorted(missing_in_model)}"


# Words whose meaning a description may turn on: as DescribeIntent's carrier they would be cut off
# the words the skill reads ("keeps buckling" would arrive as "buckling").  Where such a word opens
# a statement, it has an intent of its own that puts it back (StillIntent, InabilityIntent...).
MEANINGFUL_OPENERS = {"no", "not", "nothing", "never", "still", "can't", "hurts", "keeps", "barely", "hardly", "why"}


def test_no_description_carrier_drops_a_word_the_reading_needs(intents: dict) -> None:
    carriers = {sample.split(" {description}")[0] for sample in intents["DescribeIntent"]["samples"]}
    last_words = {carrier.split()[-1] for carrier in carriers}  # the word the description follows
    assert not last_words & MEANINGFUL_OPENERS, sorted(last_words & MEANINGFUL_OPENERS)
