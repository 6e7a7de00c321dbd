"""Five English locales from one source: the generated models are current, and each locale speaks its own English."""

import json

import pytest
from helpers import Conversation

from skill import content
from skill.catalogue import catalogue_for
from tooling import grammar, locales

GENERATED = locales.generated_locales()
PHYSIO_LOCALES = ("en-GB", "en-CA", "en-AU", "en-IN")
BRITISH_SPELLING = ("en-GB", "en-AU", "en-IN")


def samples_of(model: dict) -> list[str]:
    intents = model["interactionModel"]["languageModel"]["intents"]
    return [sample for intent in intents for sample in intent.get("samples", [])]


def slot_texts(model: dict) -> list[str]:
    types = model["interactionModel"]["languageModel"]["types"]
    return [text for t in types for v in t["values"] for text in [v["name"]["value"], *v["name"]["synonyms"]]]


def catalogue_text(locale: str) -> str:
    cat = catalogue_for(locale)
    parts = [*cat.phrases.values(), *cat.card_titles.values()]
    for topic in cat.topics.values():
        parts += [topic.title, topic.speech, topic.invite]
        parts += [text for e in topic.entries for text in (e.name, e.title, e.detail)]
    return "\n".join(parts)


def test_five_locales_all_generated_from_the_grammar():
    assert content.LOCALES == ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
    assert set(GENERATED) == set(content.LOCALES)


@pytest.mark.parametrize("locale", GENERATED)
def test_committed_model_is_what_the_generator_makes(locale):
    committed = locales.model_path(locale).read_text(encoding="utf-8")
    assert committed == locales.render(locales.model_for(locale)), (
        f"{locale}.json is stale: run `make generate` (python -m tooling.packaging generate)"
    )


def test_the_source_locale_is_the_grammar_itself():
    source = locales.model_path(locales.SOURCE_LOCALE).read_text(encoding="utf-8")
    assert json.loads(source) == grammar.source_model()


@pytest.mark.parametrize("locale", GENERATED)
def test_generated_models_keep_every_intent_slot_and_value_of_the_source(locale):
    def shape(model):
        lm = model["interactionModel"]["languageModel"]
        intents = [(i["name"], json.dumps(i.get("slots", []))) for i in lm["intents"]]
        values = [(t["name"], v["id"]) for t in lm["types"] for v in t["values"]]
        return lm["invocationName"], intents, values

    assert shape(locales.model_for(locale)) == shape(locales.model_for(locales.SOURCE_LOCALE))


@pytest.mark.parametrize("locale", PHYSIO_LOCALES)
def test_models_say_physiotherapist_and_fibres_where_people_do(locale):
    text = " ".join(samples_of(locales.model_for(locale)))
    assert "should i see a physiotherapist" in text and "physical therap" not in text
    assert "muscle fibres" in text and "fibers" not in text
    assert "tumor" not in " ".join(slot_texts(locales.model_for(locale)))


def test_us_model_keeps_american_words():
    text = " ".join(samples_of(locales.model_for("en-US")))
    assert "physical therapist" in text and "fibers" in text


@pytest.mark.parametrize("locale", BRITISH_SPELLING)
def test_british_spelling_reaches_slot_values(locale):
    texts = slot_texts(locales.model_for(locale))
    assert "localised pain" in texts and "localized pain" not in texts
    assert "localized pain" in slot_texts(locales.model_for("en-CA"))  # Canada spells -ize


@pytest.mark.parametrize("locale", GENERATED)
def test_local_phrasings_are_added_to_their_intents(locale):
    model = locales.model_for(locale)
    by_intent = {i["name"]: i.get("samples", []) for i in model["interactionModel"]["languageModel"]["intents"]}
    for group in locales.LOCAL_SAMPLES.get(locale, ()):
        for intent, samples in group.items():
            assert set(samples) <= set(by_intent[intent]), (locale, intent)
    for slot_type, values in locales.LOCAL_SYNONYMS.get(locale, {}).items():
        for synonyms in values.values():
            assert set(synonyms) <= set(slot_texts(model)), (locale, slot_type)


def test_local_phrasings_stay_in_their_locales():
    us = set(samples_of(locales.model_for("en-US")))
    assert "should i see my g. p." not in us and "should i consult a doctor" not in us
    assert "should i consult a doctor" in samples_of(locales.model_for("en-IN"))
    assert "should i consult a doctor" not in samples_of(locales.model_for("en-GB"))


def test_a_local_sample_for_an_unknown_intent_is_refused(monkeypatch):
    monkeypatch.setitem(locales.LOCAL_SAMPLES, "en-GB", ({"NoSuchIntent": ("hello there",)},))
    with pytest.raises(ValueError, match="NoSuchIntent"):
        locales.model_for("en-GB")


# --------------------------------------------------------------------------
# the content module serves each locale's words
# --------------------------------------------------------------------------


@pytest.mark.parametrize("locale", PHYSIO_LOCALES)
def test_spoken_content_uses_the_locales_words(locale):
    text = catalogue_text(locale)
    assert "physiotherapist" in text and "physical therapist" not in text
    assert "physiotherapy" in text and "physical therapy" not in text
    assert "fibres" in text and "fibers" not in text


@pytest.mark.parametrize("locale", BRITISH_SPELLING)
def test_british_spelling_in_titles(locale):
    text = catalogue_text(locale)
    assert "Localised pain" in text and "Localized" not in text


def test_canada_says_physiotherapist_and_keeps_ize(client):
    turn = Conversation(client, locale="en-CA").ask("DoctorTreatmentIntent")
    assert "physiotherapist" in turn.speech and "physiotherapy" in turn.speech
    assert "Localized pain" in catalogue_text("en-CA")


def test_us_content_is_unchanged_by_regional_words():
    text = catalogue_text("en-US")
    assert "physical therapist" in text and "fibers" in text and "Localized pain" in text
