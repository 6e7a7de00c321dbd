"""The en-US interaction model, expanded from its grammar (``interaction_model/grammar.txt``).

The grammar's syntax is described at the top of that file.  Expansion is
deterministic: the same grammar always gives the same model, byte for byte,
so the committed JSON can be checked for staleness.

A template does not expand into every combination of its choices (that
would be millions of near-copies).  It expands into as many samples as its
largest choice has alternatives (times an optional ``* N``): every
alternative of every choice appears at least once, and the choices are
mixed by a fixed shuffle per choice.
"""

from __future__ import annotations

import hashlib
import random
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from skill import lexicon
from tooling import paths

GRAMMAR_PATH = paths.GRAMMAR_PATH
SEARCH_QUERY = "AMAZON.SearchQuery"


class GrammarError(ValueError):
    """The grammar file does not parse."""


# -- templates -------------------------------------------------------------------


@dataclass
class _Choice:
    """One of several sequences; ``index`` numbers the choices of a template."""

    options: list[list]
    index: int


def _parse_template(text: str) -> tuple[list, list[_Choice]]:
    """A template as a sequence of strings and choices, plus every choice in it."""
    choices: list[_Choice] = []
    tokens = re.findall(r"<[a-z_]+>|[()\[\]|]|[^()\[\]|<]+", text)
    position = 0

    def sequence(closers: str) -> list:
        nonlocal position
        items: list = []
        while position < len(tokens) and tokens[position] not in closers:
            token = tokens[position]
            position += 1
            if token in "([":
                options = [sequence("|)]")]
                while position < len(tokens) and tokens[position] == "|":
                    position += 1
                    options.append(sequence("|)]"))
                closer = ")" if token == "(" else "]"
                if position >= len(tokens) or tokens[position] != closer:
                    raise GrammarError(f"unbalanced {token!r} in {text!r}")
                position += 1
                if token == "[":
                    options.append([])
                items.append(_new_choice(options))
            elif token.startswith("<"):
                items.append(_new_choice([[phrase] for phrase in _lexicon(token[1:-1])]))
            elif token in ")]|":
                raise GrammarError(f"unexpected {token!r} in {text!r}")
            else:
                items.append(token)
        return items

    def _new_choice(options: list[list]) -> _Choice:
        choice = _Choice(options, len(choices))
        choices.append(choice)
        return choice

    items = sequence("")
    if position != len(tokens):
        raise GrammarError(f"unbalanced brackets in {text!r}")
    return items, choices


def _lexicon(name: str) -> tuple[str, ...]:
    words = getattr(lexicon, name.upper(), None)
    if not isinstance(words, tuple) or not all(isinstance(w, str) for w in words):
        raise GrammarError(f"no lexicon <{name}> in skill/lexicon.py")
    return words


def expand(template: str) -> list[str]:
    """Every sample one template line stands for, in a fixed order, without repeats."""
    text, _, times = template.partition(" * ")
    items, choices = _parse_template(text)
    if times.strip() == "all":
        return _every(items)
    multiplier = int(times) if times.strip() else 1
    seed = int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big")
    orders = []
    for choice in choices:
        order = list(range(len(choice.options)))
        random.Random(seed + choice.index).shuffle(order)
        orders.append(order)
    count = max((len(c.options) for c in choices), default=1) * multiplier
    samples = []
    for variant in range(count):
        words = " ".join(_render(items, orders, variant).split())
        if words:
            samples.append(words)
    return list(dict.fromkeys(samples))


def _every(items: list) -> list[str]:
    """Every combination (``* all``): for short carrier phrases, where each matters."""
    return list(dict.fromkeys(" ".join(text.split()) for text in _combinations(items) if text.strip()))


def _combinations(items: list) -> list[str]:
    texts = [""]
    for item in items:
        if isinstance(item, str):
            texts = [text + item for text in texts]
        else:
            texts = [text + tail for text in texts for option in item.options for tail in _combinations(option)]
    return texts


def _render(items: list, orders: list[list[int]], variant: int) -> str:
    parts = []
    for item in items:
        if isinstance(item, str):
            parts.append(item)
        else:
            order = orders[item.index]
            parts.append(_render(item.options[order[variant % len(order)]], orders, variant))
    return "".join(parts)


# -- the grammar file ------------------------------------------------------------


@dataclass
class IntentRules:
    name: str
    slots: dict[str, str]  # slot name -> slot type
    templates: list[str] = field(default_factory=list)


@dataclass
class ValueRules:
    id: str
    name: str
    templates: list[str] = field(default_factory=list)


@dataclass
class Grammar:
    invocation: str
    intents: list[IntentRules]
    types: dict[str, list[ValueRules]]


def parse(text: str) -> Grammar:
    invocation = ""
    intents: list[IntentRules] = []
    types: dict[str, list[ValueRules]] = {}
    current_type: list[ValueRules] | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        try:
            if line.startswith("invocation "):
                invocation = line.removeprefix("invocation ").strip()
            elif line.startswith("== type "):
                current_type = types.setdefault(line.removeprefix("== type ").strip(), [])
            elif line.startswith("== "):
                name, *slot_specs = line.removeprefix("== ").split()
                slots = dict(spec.split(":", 1) for spec in slot_specs)
                intents.append(IntentRules(name, slots))
                current_type = None
            elif current_type is not None and not raw[0].isspace():
                value_id, _, name = line.partition(" = ")
                current_type.append(ValueRules(value_id.strip(), name.strip()))
            elif current_type is not None:
                current_type[-1].templates.append(line.strip())
            elif intents:
                intents[-1].templates.append(line.strip())
            else:
                raise GrammarError("a template before any intent")
        except (GrammarError, ValueError, IndexError) as error:
            raise GrammarError(f"grammar line {number}: {error}") from None
    if not invocation:
        raise GrammarError("the grammar names no invocation")
    return Grammar(invocation, intents, types)


def model(grammar: Grammar) -> dict:
    """The interaction model JSON for one grammar.

    Alexa refuses to build a model in which one utterance belongs to two
    intents once slot values are filled in.  A slotless sample that another
    intent already says (with a slot value, or earlier in the file) is left
    out of the later intent; the utterance still reaches the skill, through
    the intent that keeps it.
    """
    types: list[dict[str, Any]] = [
        {"name": name, "values": [_value(rules) for rules in values]} for name, values in grammar.types.items()
    ]
    phrasings: dict[str, list[str]] = {
        t["name"]: [p for v in t["values"] for p in (v["name"]["value"], *v["name"]["synonyms"])] for t in types
    }
    expanded = [
        (rules, list(dict.fromkeys(sample for template in rules.templates for sample in expand(template))))
        for rules in grammar.intents
    ]
    owner: dict[str, str] = {}
    for rules, samples in expanded:
        for sample in samples:
            for said in _filled(sample, rules.slots, phrasings):
                owner.setdefault(said, rules.name)
    intents = []
    for rules, samples in expanded:
        intent: dict = {"name": rules.name}
        if rules.slots:
            intent["slots"] = [{"name": name, "type": slot_type} for name, slot_type in rules.slots.items()]
        intent["samples"] = [s for s in samples if "{" in s or owner.get(s, rules.name) == rules.name]
        intents.append(intent)
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": grammar.invocation,
                "intents": intents,
                "types": types,
            }
        }
    }


FULL_VALUE_PRODUCT = 60  # a synonym template with at most this many combinations gives them all


def _synonyms(template: str) -> list[str]:
    """A slot value's synonyms: every combination when there are few (entity matching needs the exact
    phrase), the covering expansion otherwise."""
    if " * " not in template:
        items, _ = _parse_template(template)
        if len(_combinations(items)) <= FULL_VALUE_PRODUCT:
            return _every(items)
    return expand(template)


def _filled(sample: str, slots: dict[str, str], phrasings: dict[str, list[str]]) -> list[str]:
    """A sample with each value of its (custom) slot filled in; SearchQuery carriers fill nothing."""
    found = re.search(r"\{(\w+)\}", sample)
    if not found:
        return [sample]
    values = phrasings.get(slots.get(found.group(1), ""), [])
    return [sample.replace(found.group(0), value) for value in values]


def _value(rules: ValueRules) -> dict:
    synonyms = [s for template in rules.templates for s in _synonyms(template) if s != rules.name]
    return {"id": rules.id, "name": {"value": rules.name, "synonyms": list(dict.fromkeys(synonyms))}}


@cache
def source_model() -> dict:
    """The en-US model, from the grammar file.  Callers must not change it (copy first)."""
    return model(parse(GRAMMAR_PATH.read_text(encoding="utf-8")))
