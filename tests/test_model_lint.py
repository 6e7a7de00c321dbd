"""`make lint-model`: each rule passes a small good model, fails the one that breaks it, and passes the real models."""

from __future__ import annotations

import copy

import pytest

from tooling import model_lint
from tooling.model_lint import LocaleModel

REQUIRED = list(model_lint.REQUIRED_BUILT_IN_INTENTS)


def small_model() -> dict:
    """A model that passes every rule: the built-ins, one custom slot, one SearchQuery intent."""
    return {
        "interactionModel": {
            "languageModel": {
                "invocationName": "back knot guide",
                "intents": [
                    *({"name": name, "samples": []} for name in REQUIRED),
                    {
                        "name": "CausesIntent",
                        "slots": [{"name": "cause", "type": "CauseType"}],
                        "samples": ["what causes muscle knots", "does {cause} cause knots", "why do i get knots"],
                    },
                    {"name": "LumpIntent", "samples": ["what is this lump", "what is the g. p. for"]},
                    {
                        "name": "DescribeIntent",
                        "slots": [{"name": "description", "type": "AMAZON.SearchQuery"}],
                        "samples": ["i {description}", "my {description}"],
                    },
                ],
                "types": [
                    {
                        "name": "CauseType",
                        "values": [
                            {"id": "STRESS", "name": {"value": "stress", "synonyms": ["tension", "worry"]}},
                            {"id": "OVERUSE", "name": {"value": "overuse", "synonyms": ["lifting too much"]}},
                        ],
                    }
                ],
            }
        }
    }


def small_manifest() -> dict:
    phrases = ["Alexa, open back knot guide", "Alexa, ask back knot guide what causes muscle knots"]
    return {"manifest": {"publishingInformation": {"locales": {"en-US": {"examplePhrases": phrases}}}}}


def failing_rules(model: dict, manifest: dict | None = None) -> dict[str, list[str]]:
    """Rule name -> its messages, for the rules that fail."""
    found: dict[str, list[str]] = {}
    for problem in model_lint.lint({"en-US": LocaleModel.from_data("en-US", model)}, manifest):
        found.setdefault(problem.rule, []).append(problem.message)
    return found


def language_model(model: dict) -> dict:
    return model["interactionModel"]["languageModel"]


def intent(model: dict, name: str) -> dict:
    return next(i for i in language_model(model)["intents"] if i["name"] == name)


def test_the_small_model_passes_every_rule():
    assert failing_rules(small_model(), small_manifest()) == {}


def test_the_real_models_and_manifest_pass_every_rule(capsys):
    """`make lint-model` on the committed models and skill.json; `make test` runs it through this test."""
    assert model_lint.main() == 0, capsys.readouterr().out
    out = capsys.readouterr().out
    assert "interaction models: en-AU, en-CA, en-GB, en-IN, en-US; and skill.json" in out
    assert "all 9 rules pass" in out


# --------------------------------------------------------------------------
# one breaking model per rule: that rule fails, and no other
# --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "knots",  # one word
        "Back Knot Guide",  # upper case
        "back knot guide two",  # fine: numbers spelled out (control)
        "back knot guide 2",  # a digit
        "back-knot guide",  # a symbol
        "back  knot guide",  # two spaces
        "the knots",  # two words, one an article
        "for knots",  # two words, one a preposition
        "ask knot guide",  # a launch phrase
        "knot guide with stretches",  # a connecting word
        "talk to knot guide",  # a two-word launch phrase
        "alexa knot guide",  # a wake word
        "knot guide skill",  # "skill"
    ],
)
def test_invocation_name_rules(name):
    model = small_model()
    language_model(model)["invocationName"] = name
    expected = {} if name == "back knot guide two" else {"invocation-name"}
    assert set(failing_rules(model)) == set(expected)


def test_invocation_name_allows_apostrophes_and_spelled_acronyms():
    for name in ("sam's knot guide", "b. k. g. helper"):
        model = small_model()
        language_model(model)["invocationName"] = name
        assert failing_rules(model) == {}, name


@pytest.mark.parametrize(
    "sample",
    [
        "what causes 2 knots",
        "what causes knots?",
        "what causes knots!",
        "what  causes knots",
        "knots & lumps",
        " knots",
    ],
)
def test_sample_words_rule(sample):
    model = small_model()
    intent(model, "LumpIntent")["samples"].append(sample)
    assert set(failing_rules(model)) == {"sample-words"}


@pytest.mark.parametrize(
    ("samples", "slots"),
    [
        (["does {reason} cause knots"], None),  # not a slot of the intent
        (["does {cause} or {cause} cause knots"], None),  # the same slot twice
        ([], [{"name": "cause", "type": "ReasonType"}]),  # an undefined slot type
    ],
)
def test_slots_declared_rule(samples, slots):
    model = small_model()
    causes = intent(model, "CausesIntent")
    causes["samples"] += samples
    if slots is not None:
        causes["slots"] = slots
        causes["samples"] = [s for s in causes["samples"] if "{" not in s]
    assert set(failing_rules(model)) == {"slots-declared"}


def test_search_query_needs_a_carrier_phrase():
    model = small_model()
    intent(model, "DescribeIntent")["samples"].append("{description}")
    assert failing_rules(model) == {
        "search-query": ["DescribeIntent: '{description}' has no carrier phrase around its AMAZON.SearchQuery slot"]
    }


def test_search_query_takes_no_other_slot_in_a_sample():
    model = small_model()
    describe = intent(model, "DescribeIntent")
    describe["slots"].append({"name": "cause", "type": "CauseType"})
    describe["samples"].append("i {description} from {cause}")
    assert set(failing_rules(model)) == {"search-query"}


def test_slot_values_and_synonyms_are_at_most_140_characters():
    at_limit = "a" * 140
    model = small_model()
    language_model(model)["types"][0]["values"][0]["name"]["synonyms"].append(at_limit)
    assert failing_rules(model) == {}
    language_model(model)["types"][0]["values"][1]["name"]["value"] = at_limit + "a"
    assert set(failing_rules(model)) == {"slot-value-length"}


def test_model_size_is_at_most_one_and_a_half_megabytes():
    model = small_model()
    # An unused slot type padded with synonyms until the model passes 1.5 MB.
    synonyms = [f"{'x' * 120} {chr(97 + i % 26)}" for i in range(12_000)]
    language_model(model)["types"].append({"name": "Padding", "values": [{"id": "P", "name": {"value": "p"}}]})
    language_model(model)["types"][-1]["values"][0]["name"]["synonyms"] = synonyms
    sized = LocaleModel.from_data("en-US", model)
    assert sized.size_bytes > model_lint.MAX_MODEL_BYTES
    assert {p.rule for p in model_lint.lint({"en-US": sized}, None)} == {"model-size"}


def test_no_utterance_belongs_to_two_intents_once_slots_are_filled():
    model = small_model()
    intent(model, "LumpIntent")["samples"].append("Does lifting too much cause knots")  # CausesIntent with {cause}
    assert failing_rules(model) == {
        "utterance-conflicts": [
            "'does lifting too much cause knots' is both CausesIntent ('does {cause} cause knots') "
            "and LumpIntent ('Does lifting too much cause knots')"
        ]
    }


def test_no_sample_is_listed_twice_in_an_intent():
    model = small_model()
    intent(model, "LumpIntent")["samples"].append("What is this lump")
    assert set(failing_rules(model)) == {"utterance-conflicts"}


@pytest.mark.parametrize("missing", REQUIRED)
def test_required_built_in_intents(missing):
    model = small_model()
    language_model(model)["intents"] = [i for i in language_model(model)["intents"] if i["name"] != missing]
    assert failing_rules(model) == {"built-in-intents": [f"{missing} is missing"]}


@pytest.mark.parametrize(
    "phrases",
    [
        ["Alexa, open back knot guide", "Alexa, ask back knot guide why my back hurts"],  # not a sample
        ["Alexa, open back knot guide", "Alexa, ask back knot guide what causes muscle knots please"],  # not exact
        ["open back knot guide"],  # no wake word
        ["Alexa, back knot guide"],  # no launch phrase
        ["Alexa, open back guide"],  # another invocation name
        ["Alexa, open back knot guide"] * 4,  # more than three
        [],  # none
    ],
)
def test_example_phrases_rule(phrases):
    manifest = small_manifest()
    manifest["manifest"]["publishingInformation"]["locales"]["en-US"]["examplePhrases"] = phrases
    assert set(failing_rules(small_model(), manifest)) == {"example-phrases"}


def test_example_phrases_may_fill_a_slot_or_use_a_connecting_word():
    manifest = small_manifest()
    manifest["manifest"]["publishingInformation"]["locales"]["en-US"]["examplePhrases"] = [
        "Alexa, start back knot guide",
        "Alexa, ask back knot guide does stress cause knots",
        "Alexa, ask back knot guide about what is this lump",
    ]
    assert failing_rules(small_model(), manifest) == {}


def test_example_phrases_need_a_model_for_their_locale():
    manifest = small_manifest()
    listings = manifest["manifest"]["publishingInformation"]["locales"]
    listings["en-GB"] = copy.deepcopy(listings["en-US"])
    assert failing_rules(small_model(), manifest) == {"example-phrases": ["no interaction model for this locale"]}


# --------------------------------------------------------------------------
# the report and the exit status
# --------------------------------------------------------------------------


def test_report_names_every_rule_and_each_problem(monkeypatch, capsys):
    broken = small_model()
    language_model(broken)["invocationName"] = "knots"
    monkeypatch.setattr(model_lint, "load_models", lambda: {"en-US": LocaleModel.from_data("en-US", broken)})
    assert model_lint.main() == 1
    out = capsys.readouterr().out
    assert "FAIL  invocation-name (1)" in out
    assert "en-US: 'knots': an invocation name needs two or more words" in out
    for rule in model_lint.RULE_NAMES:
        assert rule in out
    # The real skill.json lists locales this one-locale run lacks.
    assert "skill.json en-GB: no interaction model for this locale" in out
    assert "2 of 9 rules failed" in out
