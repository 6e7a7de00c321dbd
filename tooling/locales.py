"""Interaction models for every English locale, made from one source.

The source of sample utterances and slot values is the grammar,
``interaction_model/grammar.txt``, which ``tooling/grammar.py`` expands into the
en-US model.  Every other locale's model is generated from that: the content
module's regional words are applied (``physiotherapist``, ``fibres``...),
and the few phrasings only that locale uses are added from ``LOCAL_SAMPLES``
and ``LOCAL_SYNONYMS`` below.  The generated files are
committed so that they can be pasted into the developer console; never edit
them by hand.  After changing the source, run ``python -m tooling.locales`` (or
``make generate``); a test fails while the committed files are stale.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Sequence
from pathlib import Path

from skill import content
from tooling import grammar, paths

MODEL_DIR = paths.MODEL_DIR
SOURCE_LOCALE = "en-US"

_GP = {
    "SeeDoctorIntent": ("should i see my g. p.", "do i need to see a g. p.", "should i go to the g. p."),
}
_PHYSIO = {
    "SeeDoctorIntent": ("should i go to the physio",),
    "DoctorTreatmentIntent": ("will i need physio", "what will the physio do"),
}
_HEAT_PACK = {
    "HeatOrIceIntent": ("should i use a wheat bag", "should i put a heat pack on it"),
}
_INDIA = {
    "SeeDoctorIntent": ("should i consult a doctor", "which doctor should i consult"),
    "HeatOrIceIntent": ("is hot fomentation better than ice", "should i do fomentation or ice"),
}

# Sample utterances, by intent, that only some locales need.
LOCAL_SAMPLES = {
    "en-GB": (_GP, _PHYSIO, _HEAT_PACK),
    "en-AU": (_GP, _PHYSIO, _HEAT_PACK),
    "en-CA": (_GP, _PHYSIO),
    "en-IN": (_GP, _PHYSIO, _INDIA),
}

_HEAT_PACK_WORDS: dict[str, Sequence[str]] = {"HEAT_OR_ICE": ("wheat bag", "a wheat bag", "heat pack", "a heat pack")}

# Slot value synonyms, by slot type and value id, that only some locales need.
LOCAL_SYNONYMS: dict[str, dict[str, dict[str, Sequence[str]]]] = {
    "en-GB": {"ReliefMethodType": _HEAT_PACK_WORDS},
    "en-AU": {"ReliefMethodType": _HEAT_PACK_WORDS},
    "en-IN": {"ReliefMethodType": {"HEAT_OR_ICE": ("hot fomentation", "fomentation")}},
}


def model_path(locale: str) -> Path:
    return MODEL_DIR / f"{locale}.json"


def model_for(locale: str) -> dict:
    """The interaction model for ``locale``, generated from the grammar."""
    model = copy.deepcopy(grammar.source_model())
    if locale == SOURCE_LOCALE:
        return model
    language_model = model["interactionModel"]["languageModel"]
    samples = _local_samples(locale)
    for intent in language_model["intents"]:
        if "samples" in intent:
            extra = samples.pop(intent["name"], [])
            intent["samples"] = _localised([*intent["samples"], *extra], locale)
    if samples:
        raise ValueError(f"{locale}: samples for intents the model lacks: {sorted(samples)}")
    _localise_types(language_model["types"], locale)
    return model


def _local_samples(locale: str) -> dict[str, list[str]]:
    merged: dict[str, list[str]] = {}
    for group in LOCAL_SAMPLES.get(locale, ()):
        for intent, samples in group.items():
            merged.setdefault(intent, []).extend(samples)
    return merged


def _localise_types(types: list[dict], locale: str) -> None:
    extra = copy.deepcopy(LOCAL_SYNONYMS.get(locale, {}))
    for slot_type in types:
        additions: dict[str, Sequence[str]] = extra.pop(slot_type["name"], {})
        for value in slot_type["values"]:
            name = value["name"]
            name["value"] = content.regional(name["value"], locale)
            synonyms = [*name.get("synonyms", []), *additions.pop(value["id"], ())]
            name["synonyms"] = [s for s in _localised(synonyms, locale) if s != name["value"]]
        if additions:
            raise ValueError(f"{locale}: synonyms for unknown {slot_type['name']} values: {sorted(additions)}")
    if extra:
        raise ValueError(f"{locale}: synonyms for slot types the model lacks: {sorted(extra)}")


def _localised(texts: list[str], locale: str) -> list[str]:
    """Each text in the locale's words, in order, without the repeats that can make."""
    return list(dict.fromkeys(content.regional(text, locale) for text in texts))


def render(model: dict) -> str:
    """JSON as the committed files are written: the models, and skill.json (packaging)."""
    return json.dumps(model, indent=2, ensure_ascii=False) + "\n"


def generated_locales() -> tuple[str, ...]:
    return content.LOCALES


def write_models() -> list[Path]:
    """Rewrite every generated model file; returns the paths written."""
    written = []
    for locale in generated_locales():
        path = model_path(locale)
        path.write_text(render(model_for(locale)), encoding="utf-8")
        written.append(path)
    return written


if __name__ == "__main__":
    for written_path in write_models():
        print(f"wrote {written_path.relative_to(MODEL_DIR.parent)}")
