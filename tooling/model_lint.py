"""`make lint-model`: Amazon's build and certification rules that hold without Amazon.

    python -m tooling.model_lint          # every interaction_model/<locale>.json and skill.json

Each rule below names the Amazon page it comes from.  The console and the
ASK CLI refuse to build a model that breaks the build rules, and certification
rejects a skill that breaks the others; both happen only after an upload, so
they are checked here first.  The report lists every rule, then each problem
under it; the exit status is 1 when any rule fails.
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from tooling import paths

# --------------------------------------------------------------------------
# words and limits, with the pages they come from
# --------------------------------------------------------------------------

# Invocation name requirements:
# https://developer.amazon.com/en-US/docs/alexa/custom-skills/choose-the-invocation-name-for-a-custom-skill.html
# Launch phrases and connecting words Alexa listens for around an invocation name,
# wake words, and the words "skill" and "app": none may be part of the name.
FORBIDDEN_INVOCATION_PHRASES = (
    *("ask", "begin", "can you", "do", "enable", "launch", "load", "open", "play"),
    *("resume", "run", "start", "talk to", "tell", "use"),
    *("about", "and", "by", "for", "from", "if", "in", "that", "to", "using", "whether", "with"),
    *("alexa", "amazon", "echo", "computer", "skill", "app"),
)
# A two-word name may hold no article and no preposition ("a bicycle", "for fun").
TWO_WORD_FORBIDDEN = frozenset({"the", "a", "an", "for", "to", "of"})

# Sample utterances and slot values ("Create Intents, Utterances, and Slots"):
# https://developer.amazon.com/en-US/docs/alexa/custom-skills/create-intents-utterances-and-slots.html
# Words are letters, with possessive or contracted apostrophes ("child's",
# "don't"); a spelled acronym is letters with periods ("g. p."); numbers are
# spelled out, and no other symbol is allowed.  A slot is {name}.
_WORD = r"[A-Za-z]+(?:'[A-Za-z]+)*"
_ACRONYM = r"(?:[A-Za-z]\.)+"
_SLOT = r"\{[A-Za-z][A-Za-z0-9_]*\}"
SAMPLE_RE = re.compile(rf"(?:{_WORD}|{_ACRONYM}|{_SLOT})(?: (?:{_WORD}|{_ACRONYM}|{_SLOT}))*")
WORDS_RE = re.compile(rf"(?:{_WORD}|{_ACRONYM})(?: (?:{_WORD}|{_ACRONYM}))*")
INVOCATION_RE = re.compile(r"(?:[a-z]+(?:'[a-z]+)*|(?:[a-z]\.)+)(?: (?:[a-z]+(?:'[a-z]+)*|(?:[a-z]\.)+))*")
SLOT_REF_RE = re.compile(r"\{([^{}]*)\}")

# AMAZON.SearchQuery: every sample with the slot needs a carrier phrase, and no other slot.
# https://developer.amazon.com/en-US/docs/alexa/custom-skills/slot-type-reference.html#searchquery
SEARCH_QUERY = "AMAZON.SearchQuery"

# Interaction model limits ("Custom Interaction Model Reference"):
# https://developer.amazon.com/en-US/docs/alexa/custom-skills/custom-interaction-model-reference.html
MAX_SLOT_VALUE_CHARS = 140  # a slot value or a synonym
MAX_MODEL_BYTES = 1_500_000  # 1.5 MB, the whole model as uploaded

# Cancel, Help, Stop and NavigateHome are required of every custom skill
# ("Standard Built-in Intents"); FallbackIntent is what certification expects
# an out-of-domain request to reach, so this project requires it as well.
# https://developer.amazon.com/en-US/docs/alexa/custom-skills/standard-built-in-intents.html
REQUIRED_BUILT_IN_INTENTS = (
    "AMAZON.CancelIntent",
    "AMAZON.HelpIntent",
    "AMAZON.StopIntent",
    "AMAZON.NavigateHomeIntent",
    "AMAZON.FallbackIntent",
)

# Example phrases (certification, "Example phrases"): one to three; each is a
# wake word, a launch phrase and the invocation name, then, if anything, a
# sample utterance exactly as the model has it.
# https://developer.amazon.com/en-US/docs/alexa/custom-skills/certification-requirements-for-custom-skills.html
MAX_EXAMPLE_PHRASES = 3
WAKE_WORD = "Alexa"
LAUNCH_PHRASES = ("open", "ask", "start", "launch", "begin", "tell", "talk to", "load", "run", "resume", "use")
CONNECTING_WORDS = ("to", "for", "about", "whether", "if", "that", "and")


def normalized(text: str) -> str:
    """An utterance as Alexa compares them: case-insensitive, whitespace collapsed."""
    return " ".join(text.lower().split())


# --------------------------------------------------------------------------
# the models
# --------------------------------------------------------------------------


@dataclass(frozen=True)
class LocaleModel:
    """One locale's interaction model, and its size as uploaded."""

    locale: str
    data: dict
    size_bytes: int

    @classmethod
    def from_data(cls, locale: str, data: dict) -> LocaleModel:
        return cls(locale, data, len(json.dumps(data, ensure_ascii=False).encode("utf-8")))

    @property
    def language_model(self) -> dict:
        return self.data["interactionModel"]["languageModel"]

    @property
    def invocation_name(self) -> str:
        return self.language_model.get("invocationName", "")

    @property
    def intents(self) -> list[dict]:
        return self.language_model.get("intents", [])

    @property
    def types(self) -> dict[str, dict]:
        return {slot_type["name"]: slot_type for slot_type in self.language_model.get("types", [])}

    def slot_texts(self, type_name: str) -> list[str]:
        """Every value and synonym of a custom slot type."""
        return [
            text
            for value in self.types[type_name]["values"]
            for text in (value["name"]["value"], *value["name"].get("synonyms", []))
        ]


@dataclass(frozen=True)
class Problem:
    rule: str
    where: str  # a locale, or "skill.json <locale>"
    message: str


# --------------------------------------------------------------------------
# rules on one locale's model
# --------------------------------------------------------------------------


def invocation_name(model: LocaleModel) -> Iterator[str]:
    name = model.invocation_name
    if not INVOCATION_RE.fullmatch(name):
        yield f"{name!r}: only lower-case letters, single spaces, apostrophes and periods in spelled acronyms"
        return
    words = name.split()
    if len(words) < 2:
        yield f"{name!r}: an invocation name needs two or more words"
    if len(words) == 2 and TWO_WORD_FORBIDDEN & set(words):
        yield f"{name!r}: a two-word name may hold no article or preposition"
    padded = f" {name} "
    for phrase in FORBIDDEN_INVOCATION_PHRASES:
        if f" {phrase} " in padded:
            yield f"{name!r}: contains the launch phrase, connecting word or wake word {phrase!r}"


def sample_words(model: LocaleModel) -> Iterator[str]:
    for intent in model.intents:
        for sample in intent.get("samples", []):
            if not SAMPLE_RE.fullmatch(sample):
                yield f"{intent['name']}: {sample!r} has a digit, a symbol or stray spacing"


def slots_declared(model: LocaleModel) -> Iterator[str]:
    types = model.types
    for intent in model.intents:
        declared = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
        for slot_name, slot_type in declared.items():
            if not slot_type.startswith("AMAZON.") and slot_type not in types:
                yield f"{intent['name']}.{slot_name}: slot type {slot_type} is not defined"
        for sample in intent.get("samples", []):
            refs = SLOT_REF_RE.findall(sample)
            for ref in sorted(set(refs) - set(declared)):
                yield f"{intent['name']}: {{{ref}}} in {sample!r} is not a slot of this intent"
            for ref in sorted({ref for ref in refs if refs.count(ref) > 1}):
                yield f"{intent['name']}: {{{ref}}} appears twice in {sample!r}"


def search_query(model: LocaleModel) -> Iterator[str]:
    for intent in model.intents:
        searching = {slot["name"] for slot in intent.get("slots", []) if slot["type"] == SEARCH_QUERY}
        for sample in intent.get("samples", []):
            refs = set(SLOT_REF_RE.findall(sample))
            if not refs & searching:
                continue
            if refs - searching or len(refs) > 1:
                yield f"{intent['name']}: {sample!r} has another slot beside its AMAZON.SearchQuery slot"
            if not SLOT_REF_RE.sub("", sample).strip():
                yield f"{intent['name']}: {sample!r} has no carrier phrase around its AMAZON.SearchQuery slot"


def slot_value_length(model: LocaleModel) -> Iterator[str]:
    for type_name in model.types:
        for text in model.slot_texts(type_name):
            if len(text) > MAX_SLOT_VALUE_CHARS:
                yield f"{type_name}: {text[:40]!r}... is {len(text)} characters (at most {MAX_SLOT_VALUE_CHARS})"


def model_size(model: LocaleModel) -> Iterator[str]:
    if model.size_bytes > MAX_MODEL_BYTES:
        yield f"the model is {model.size_bytes:,} bytes (at most {MAX_MODEL_BYTES:,})"


def utterances(model: LocaleModel, intent: dict) -> dict[str, str]:
    """Every utterance an intent's samples say once custom slot values are filled in, by normalized text.

    A sample whose slot is a built-in type (AMAZON.SearchQuery...) has no finite
    set of fillings and stands for none.
    """
    slot_types = {slot["name"]: slot["type"] for slot in intent.get("slots", [])}
    types = model.types
    said: dict[str, str] = {}
    for sample in intent.get("samples", []):
        refs = SLOT_REF_RE.findall(sample)
        if any(slot_types.get(ref) not in types for ref in refs):
            continue
        for fillers in itertools.product(*(model.slot_texts(slot_types[ref]) for ref in refs)):
            text = sample
            for ref, filler in zip(refs, fillers, strict=True):
                text = text.replace("{" + ref + "}", filler, 1)
            said.setdefault(normalized(text), sample)
    return said


def utterance_conflicts(model: LocaleModel) -> Iterator[str]:
    owner: dict[str, tuple[str, str]] = {}
    for intent in model.intents:
        seen: set[str] = set()
        for sample in intent.get("samples", []):
            if normalized(sample) in seen:
                yield f"{intent['name']}: {sample!r} is listed twice"
            seen.add(normalized(sample))
        for text, sample in utterances(model, intent).items():
            if text in owner and owner[text][0] != intent["name"]:
                first, first_sample = owner[text]
                yield f"{text!r} is both {first} ({first_sample!r}) and {intent['name']} ({sample!r})"
            owner.setdefault(text, (intent["name"], sample))


def built_in_intents(model: LocaleModel) -> Iterator[str]:
    present = {intent["name"] for intent in model.intents}
    for name in REQUIRED_BUILT_IN_INTENTS:
        if name not in present:
            yield f"{name} is missing"


MODEL_RULES: dict[str, Callable[[LocaleModel], Iterator[str]]] = {
    "invocation-name": invocation_name,
    "sample-words": sample_words,
    "slots-declared": slots_declared,
    "search-query": search_query,
    "slot-value-length": slot_value_length,
    "model-size": model_size,
    "utterance-conflicts": utterance_conflicts,
    "built-in-intents": built_in_intents,
}

# --------------------------------------------------------------------------
# the rule on skill.json
# --------------------------------------------------------------------------


def example_phrases(manifest: dict, models: Mapping[str, LocaleModel]) -> Iterator[tuple[str, str]]:
    listings = manifest.get("manifest", {}).get("publishingInformation", {}).get("locales", {})
    for locale, listing in listings.items():
        where = f"skill.json {locale}"
        model = models.get(locale)
        if model is None:
            yield where, "no interaction model for this locale"
            continue
        phrases = listing.get("examplePhrases", [])
        if not 1 <= len(phrases) <= MAX_EXAMPLE_PHRASES:
            yield where, f"{len(phrases)} example phrases (one to {MAX_EXAMPLE_PHRASES})"
        said = {text for intent in model.intents for text in utterances(model, intent)}
        for phrase in phrases:
            problem = _example_phrase_problem(phrase, model.invocation_name, said)
            if problem:
                yield where, f"{phrase!r}: {problem}"


def _example_phrase_problem(phrase: str, invocation: str, said: set[str]) -> str | None:
    launch = "|".join(re.escape(p) for p in LAUNCH_PHRASES)
    match = re.fullmatch(rf"{WAKE_WORD}, (?:{launch}) {re.escape(invocation)}(?: (?P<request>.+))?", phrase)
    if not match:
        return f"must be {WAKE_WORD!r}, a launch phrase and the invocation name {invocation!r}"
    request = match.group("request")
    if request is None:
        return None
    request = normalized(request)
    first, _, rest = request.partition(" ")
    if request in said or (first in CONNECTING_WORDS and rest in said):
        return None
    return f"{request!r} is not a sample utterance"


# --------------------------------------------------------------------------
# running every rule
# --------------------------------------------------------------------------

RULE_NAMES = (*MODEL_RULES, "example-phrases")


def lint(models: Mapping[str, LocaleModel], manifest: dict | None) -> list[Problem]:
    """Every problem, rule by rule in RULE_NAMES order; none when the models and manifest pass."""
    problems = [
        Problem(rule, locale, message)
        for rule, check in MODEL_RULES.items()
        for locale, model in models.items()
        for message in check(model)
    ]
    if manifest is not None:
        problems += [Problem("example-phrases", where, message) for where, message in example_phrases(manifest, models)]
    return problems


def load_models(directory: Path = paths.MODEL_DIR) -> dict[str, LocaleModel]:
    """Every <locale>.json in the folder, sized as the file on disk is."""
    models = {}
    for path in sorted(directory.glob("*.json")):
        raw = path.read_bytes()
        models[path.stem] = LocaleModel(path.stem, json.loads(raw), len(raw))
    return models


def report(problems: list[Problem], locales: list[str]) -> str:
    lines = [f"interaction models: {', '.join(locales)}; and skill.json"]
    for rule in RULE_NAMES:
        found = [p for p in problems if p.rule == rule]
        lines.append(f"{'FAIL' if found else 'ok  '}  {rule}" + (f" ({len(found)})" if found else ""))
        lines += [f"        {p.where}: {p.message}" for p in found]
    failed = len({p.rule for p in problems})
    lines.append(f"{failed} of {len(RULE_NAMES)} rules failed" if failed else f"all {len(RULE_NAMES)} rules pass")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    models = load_models()
    if not models:
        print(f"model-lint: no interaction models in {paths.MODEL_DIR}", file=sys.stderr)
        return 1
    manifest = json.loads(paths.MANIFEST_PATH.read_text(encoding="utf-8"))
    problems = lint(models, manifest)
    print(report(problems, list(models)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
