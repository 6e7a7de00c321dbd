"""The interaction model files, read into plain data.

``interaction_model/<locale>.json`` is the same file the developer console
and the ASK CLI deploy; the simulator understands speech from it alone.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from pathlib import Path

from tooling import paths

log = logging.getLogger(__name__)

MODEL_DIR = paths.MODEL_DIR
DEFAULT_LOCALE = "en-US"


class ModelError(ValueError):
    """The interaction model file is missing or not shaped like one."""


@dataclass(frozen=True)
class SlotValue:
    id: str
    name: str
    synonyms: tuple[str, ...]

    @property
    def phrasings(self) -> tuple[str, ...]:
        return (self.name, *self.synonyms)


@dataclass(frozen=True)
class IntentModel:
    name: str
    slots: dict[str, str]  # slot name -> slot type
    samples: tuple[str, ...]


@dataclass(frozen=True)
class InteractionModel:
    locale: str
    invocation_name: str
    intents: dict[str, IntentModel]
    types: dict[str, tuple[SlotValue, ...]]
    dialog_intents: frozenset[str]  # intents with a dialog model (they get a dialogState)


def model_path(locale: str, directory: Path = MODEL_DIR) -> Path:
    """The model for ``locale``, or the default locale's when there is none."""
    path = directory / f"{locale}.json"
    if path.exists():
        return path
    fallback = directory / f"{DEFAULT_LOCALE}.json"
    log.warning("no interaction model for %s; using %s", locale, fallback.name)
    return fallback


def load_model(locale: str = DEFAULT_LOCALE, directory: Path = MODEL_DIR) -> InteractionModel:
    path = model_path(locale, directory)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return _parse(locale, data["interactionModel"])
    except FileNotFoundError:
        raise ModelError(f"interaction model not found: {path}") from None
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise ModelError(f"{path.name} is not an interaction model ({error})") from None


def _parse(locale: str, interaction_model: dict) -> InteractionModel:
    language = interaction_model["languageModel"]
    intents = {
        intent["name"]: IntentModel(
            intent["name"],
            {slot["name"]: slot["type"] for slot in intent.get("slots", [])},
            tuple(intent.get("samples", [])),
        )
        for intent in language["intents"]
    }
    types = {
        slot_type["name"]: tuple(
            SlotValue(value["id"], value["name"]["value"], tuple(value["name"].get("synonyms", [])))
            for value in slot_type["values"]
        )
        for slot_type in language.get("types", [])
    }
    dialog = interaction_model.get("dialog", {}).get("intents", [])
    return InteractionModel(
        locale,
        language["invocationName"],
        intents,
        types,
        frozenset(intent["name"] for intent in dialog),
    )
