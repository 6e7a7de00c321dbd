"""The simulator's understanding: intents, slots, invocation forms, fallback, accuracy."""

from __future__ import annotations

import itertools
import re
import shutil

import pytest

from skill.catalogue import catalogue_for
from skill.topics import INTENT_ROUTES
from tooling.simulator import evaluation
from tooling.simulator import nlu as nlu_module
from tooling.simulator.evaluation import (
    LABELLED_SETS,
    LABELS_DIR,
    evaluate,
    load_examples,
    load_out_of_domain,
    load_set,
)
from tooling.simulator.model import IntentModel, InteractionModel, SlotValue, load_model
from tooling.simulator.nlu import FALLBACK_INTENT, NLU, THRESHOLD, nlu_for
from tooling.simulator.text import normalise, number_words

# Intents whose phrasings the natural splits measure (by the answer heard), not the older labelled set.
SIGN_INTENTS = {
    "LumpChangingIntent",
    "NerveSignsIntent",
    "SeverePainIntent",
    "OtherGrowthIntent",
    "NoReliefIntent",
    "FoamRollingIntent",
    "HydrationIntent",
    "FormIntent",
}

LABELLED = LABELS_DIR / "en-US.in-domain.txt"
OUT_OF_DOMAIN = LABELS_DIR / "en-US.out-of-domain.txt"


@pytest.fixture(scope="module")
def nlu() -> NLU:
    return nlu_for("en-US")


def understand(nlu: NLU, text: str):
    return nlu.understand(text)


# -- normalisation -----------------------------------------------------------


@pytest.mark.parametrize(
    ("said", "words"),
    [
        ("What's the CAT-COW stretch?!", "what is the cat cow stretch"),
        ("I'm done, thanks.", "i am done thanks"),
        ("it doesn't help & won't go away", "it does not help won't go away".replace("won't", "will not")),
        ("hold it for 30 seconds", "hold it for thirty seconds"),
        ("child's pose", "childs pose"),
        ("see my G.P.", "see my gp"),
        ("see my g. p.", "see my gp"),
        ("a b c", "a bc"),
        ("ok, alright", "okay all right"),
        ("It\u2019s sore", "it is sore"),
    ],
)
def test_normalise(said, words):
    assert " ".join(normalise(said)) == words


@pytest.mark.parametrize(
    ("n", "words"),
    [
        (0, "zero"),
        (7, "seven"),
        (20, "twenty"),
        (45, "forty five"),
        (100, "one hundred"),
        (2024, "two thousand twenty four"),
    ],
)
def test_numbers_are_spelled_out(n, words):
    assert number_words(n) == words


def test_written_forms_understand_like_spoken_ones(nlu):
    spoken = nlu.understand("should i hold each stretch for thirty seconds")
    typed = nlu.understand("Should I hold each stretch for 30 seconds?")
    assert typed.intent == spoken.intent == "StretchingIntent"
    assert nlu.understand("How do I do cat-cow?").intent == "StretchingIntent"


# -- intents and slots ---------------------------------------------------------


def test_exact_sample_scores_full_marks(nlu):
    found = nlu.understand("what causes muscle knots")
    assert (found.kind, found.intent, found.score, found.slots) == ("intent", "CausesIntent", 1.0, {})


def test_slot_value_resolves_like_alexa(nlu):
    found = nlu.understand("does a foam roller help")
    assert found.intent == "ReliefIntent"
    method = found.slots["method"]
    assert (method.value, method.slot_type, method.value_id, method.value_name) == (
        "a foam roller",
        "ReliefMethodType",
        "MASSAGE",
        "massage",
    )


def test_synonym_said_in_a_paraphrase_resolves(nlu):
    found = nlu.understand("could skipping my warm up be the cause of this")
    assert found.intent == "CausesIntent"
    assert found.slots["cause"].value_id == "NO_WARM_UP"


def test_value_the_type_does_not_know_is_unresolved(nlu):
    found = nlu.understand("did yoga cause this")
    assert found.intent == "CausesIntent"
    cause = found.slots["cause"]
    assert (cause.value, cause.value_id, cause.resolved) == ("yoga", None, False)


def test_slot_type_decides_between_look_alike_samples(nlu):
    # "i have {symptom}" and "i have {warningSign}" differ only in the slot type.
    assert nlu.understand("i have pins and needles").intent == "RedFlagIntent"
    assert nlu.understand("i have a dull ache").intent == "SymptomsIntent"


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("please help", "AMAZON.HelpIntent"),
        ("what can I say", "AMAZON.HelpIntent"),
        ("stop", "AMAZON.StopIntent"),
        ("never mind", "AMAZON.CancelIntent"),
        ("yes", "AMAZON.YesIntent"),
        ("sure", "AMAZON.YesIntent"),
        ("no thanks", "AMAZON.NoIntent"),
        ("say that again", "AMAZON.RepeatIntent"),
        ("go home", "AMAZON.NavigateHomeIntent"),
    ],
)
def test_built_in_phrasings(nlu, said, intent):
    assert nlu.understand(said).intent == intent


def test_paraphrases_with_extra_words_missing_words_and_new_order(nlu):
    assert nlu.understand("so um what would actually cause a knot in my back").intent == "CausesIntent"
    assert nlu.understand("stretches lower back").intent == "StretchingIntent"
    assert nlu.understand("ice or heat which one is better for my back").intent == "HeatOrIceIntent"


def test_a_search_query_carrier_ends_where_a_spoken_word_ends(nlu):
    # "it" is not a carrier of "it's": Alexa hears one word, so the slot keeps every word after it,
    # fillers too ("really" is dropped only when matching samples).
    found = nlu.classify("it's really really painful when i press it")
    assert found.intent == "DescribeIntent"
    assert found.slots["description"].value == "really really painful when i press it"
    # and "can" is not a carrier of "can't": the whole "can't" is InabilityIntent's
    found = nlu.classify("can't sit at my desk for five minutes")
    assert found.intent == "InabilityIntent" and found.slots["description"].value == "sit at my desk for five minutes"


def test_so_is_a_filler_except_as_a_degree_word(nlu):
    # "so i was lifting" loses its "so"; "it's so painful" keeps it, as the recogniser writes it, and the
    # slot's words carry the degree that makes the pain a warning sign.
    found = nlu.understand("it's so painful")
    assert "so" in found.slots["warningSign"].value.split()
    assert nlu.understand("so um what would actually cause a knot in my back").intent == "CausesIntent"


def test_typos_are_forgiven(nlu):
    assert nlu.understand("how do i strech my lower back").intent == "StretchingIntent"


@pytest.mark.parametrize("said", ["what's the capital of france", "play some jazz", "flip a coin", "", "?!"])
def test_nonsense_goes_to_the_fallback(nlu, said):
    # Below the threshold, or close to one of AMAZON.FallbackIntent's own out-of-domain samples.
    found = nlu.understand(said)
    assert found.intent == FALLBACK_INTENT
    assert found.slots == {}


def test_an_utterance_nothing_knows_falls_below_the_threshold(nlu):
    assert nlu.understand("flip a coin").score < THRESHOLD


def test_exit_ends_the_session_without_an_intent(nlu):
    assert nlu.understand("exit").label == "SessionEndedRequest"


# -- invocation forms -----------------------------------------------------------


@pytest.mark.parametrize(
    "said",
    [
        "open back knot guide",
        "Alexa, launch Back Knot Guide",
        "start back knot guide",
        "talk to back knot guide",
        "ask back knot guide",
        "open the back knot guide",
        "open back not guide",
    ],
)
def test_launch_phrases_launch(nlu, said):
    found = nlu.understand(said)
    assert (found.kind, found.invoked, found.label) == ("launch", True, "LaunchRequest")


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("ask back knot guide what causes a knot", "CausesIntent"),
        ("ask back knot guide about heat or ice", "HeatOrIceIntent"),
        ("ask back knot guide for stretches", "StretchingIntent"),
        ("ask back knot guide whether i should see a doctor", "SeeDoctorIntent"),
        ("ask back knot guide if i can still work out", "RestIntent"),
        ("ask back knot guide to help me get rid of a knot", "ReliefIntent"),
        ("tell back knot guide i have tingling in my legs", "RedFlagIntent"),
        ("what causes muscle knots using back knot guide", "CausesIntent"),
    ],
)
def test_one_shots(nlu, said, intent):
    found = nlu.understand(said)
    assert (found.kind, found.invoked, found.intent) == ("intent", True, intent)


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("should i ask my doctor about it", "SeeDoctorIntent"),
        ("can you tell me what causes it", "CausesIntent"),
        ("tell me about trigger points", "MuscleKnotIntent"),
    ],
)
def test_ask_or_tell_inside_a_question_is_not_a_launch(nlu, said, intent):
    found = nlu.understand(said)
    assert (found.kind, found.invoked, found.intent) == ("intent", False, intent)


def test_the_invocation_name_inside_a_sentence_is_not_a_launch(nlu):
    assert not nlu.understand("i really like back knot guide").invoked


# -- the index: built once per locale, from the model alone ----------------------


def test_index_is_built_once_per_locale(monkeypatch):
    nlu = nlu_for("en-US")
    assert nlu_for("en-US") is nlu

    def no_reload(*args, **kwargs):
        raise AssertionError("the model was read again")

    monkeypatch.setattr(nlu_module, "load_model", no_reload)  # the name nlu_for calls
    for said in ("what causes it", "open back knot guide", "yes"):
        nlu_for("en-US").understand(said)


def test_a_words_weight_does_not_depend_on_the_order_it_is_summed_in(nlu):
    # A set's order changes with the hash seed from run to run; a weight summed in another order must be
    # the same to the last bit, or two intents that tie are ranked one way in one run and the other in the next.
    stems = sorted(nlu._weights)[::97][:40]
    orders = [stems[i:] + stems[:i] for i in range(len(stems))] + [stems[::-1]]
    assert len({nlu._weight(order) for order in orders}) == 1


def test_each_locale_reads_its_own_model():
    british = nlu_for("en-GB")
    assert british.model.locale == "en-GB"
    assert british is not nlu_for("en-US")
    assert british.understand("should i see a physiotherapist").intent == "SeeDoctorIntent"
    assert british.understand("Should I see my GP?").intent == "SeeDoctorIntent"  # model: "g. p."


def test_understanding_comes_from_the_model_file():
    tiny = InteractionModel(
        locale="en-US",
        invocation_name="plant helper",
        intents={
            "WaterIntent": IntentModel(
                "WaterIntent", {"plant": "PlantType"}, ("how often should i water my {plant}", "watering tips")
            ),
            "AMAZON.StopIntent": IntentModel("AMAZON.StopIntent", {}, ()),
            "AMAZON.FallbackIntent": IntentModel("AMAZON.FallbackIntent", {}, ()),
        },
        types={"PlantType": (SlotValue("FERN", "fern", ("ferns", "boston fern")),)},
        dialog_intents=frozenset(),
    )
    nlu = NLU(tiny)
    found = nlu.understand("ask plant helper how often do i water a boston fern")
    assert (found.intent, found.slots["plant"].value_id) == ("WaterIntent", "FERN")
    assert nlu.understand("quit").intent == "AMAZON.StopIntent"
    assert nlu.understand("yes").intent == FALLBACK_INTENT  # the model declares no YesIntent


def test_no_slotless_sample_hides_a_slot_value():
    """A slotless sample equal to a slot sample filled with a value would win without the value."""
    model = load_model("en-US")
    for intent in model.intents.values():
        filled: set[str] = set()
        for sample in intent.samples:
            match = re.search(r"\{(\w+)\}", sample)
            if match and intent.slots[match.group(1)] in model.types:  # AMAZON.SearchQuery takes any words
                for value in model.types[intent.slots[match.group(1)]]:
                    filled.update(sample.replace(match.group(0), p) for p in value.phrasings)
        hidden = [s for s in intent.samples if "{" not in s and s in filled]
        assert not hidden, f"{intent.name}: {hidden}"


# -- the labelled set and the accuracy floor --------------------------------------


def _model_utterances() -> set[str]:
    model = load_model("en-US")
    said = set()
    for intent in model.intents.values():
        for sample in intent.samples:
            match = re.search(r"\{(\w+)\}", sample)
            if match and intent.slots[match.group(1)] not in model.types:
                continue  # a SearchQuery carrier: no fixed utterance to copy
            values = [p for v in model.types[intent.slots[match.group(1)]] for p in v.phrasings] if match else [""]
            for value in values:
                text = sample.replace(match.group(0), value) if match else sample
                said.add(" ".join(normalise(text)))
    return said


def test_labelled_set_is_big_enough_and_covers_every_intent():
    examples = load_examples(LABELLED)
    assert len(examples) >= 200
    assert len(load_out_of_domain(OUT_OF_DOMAIN)) >= 40
    # The intents it was written for; the natural splits (below) cover the rest by the answer heard.
    assert set(INTENT_ROUTES) - {e.label for e in examples} <= SIGN_INTENTS
    assert any(e.text.lower().startswith(("ask ", "tell ")) and e.label != "LaunchRequest" for e in examples)


# The model is a grammar that generalises: a person's plain sentence ("what causes
# it", "tell me more") can be one of its expansions by coincidence.  More than
# this would mean the tests were written from the samples, or the samples from
# the tests.  (Today: labelled sets 1-3%, natural splits 9-12%.)
MAX_SHARED_WITH_MODEL = 0.05
MAX_NATURAL_SHARED_WITH_MODEL = 0.15
NEVER_TUNED = evaluation.NEVER_TUNED_SPLITS


@pytest.mark.parametrize(("name", "in_domain", "out_of_domain"), LABELLED_SETS)
def test_labelled_utterances_are_not_copies_of_the_model(name, in_domain, out_of_domain):
    samples = _model_utterances()
    examples, off_topic = load_set(LABELS_DIR, "en-US", in_domain, out_of_domain)
    texts = [e.text for e in examples] + off_topic
    copies = [text for text in texts if " ".join(normalise(text)) in samples]
    assert len(copies) <= MAX_SHARED_WITH_MODEL * len(texts), f"{name} set, shared with the model: {copies}"


def test_labels_name_real_intents_slots_and_values():
    model = load_model("en-US")
    value_ids = {(t, v.id) for t, values in model.types.items() for v in values}
    for example in load_examples(LABELLED):
        if example.label in ("LaunchRequest", "SessionEndedRequest"):
            continue
        intent = model.intents[example.label]
        for slot, value_id in (example.slots or {}).items():
            assert slot in intent.slots, example
            assert value_id == "?" or (intent.slots[slot], value_id) in value_ids, example


def test_accuracy_floor(nlu):
    """make nlu-report prints the detail; this keeps a regression out of CI."""
    report = evaluate(nlu, load_examples(LABELLED), load_out_of_domain(OUT_OF_DOMAIN))
    assert report.in_domain_accuracy >= 0.95, report.misses
    assert report.rejection_rate >= 0.90, report.misses


def test_no_two_labelled_utterances_are_the_same():
    texts = [" ".join(normalise(e.text)) for e in load_examples(LABELLED)]
    texts += [" ".join(normalise(t)) for t in load_out_of_domain(OUT_OF_DOMAIN)]
    duplicates = [t for t, n in itertools.groupby(sorted(texts)) if len(list(n)) > 1]
    assert not duplicates


def test_nlu_report_prints_accuracy_per_intent_rejection_and_confusions(capsys, tmp_path):
    # The labelled sets and a few natural splits (the floors below evaluate every split).
    for path in LABELS_DIR.glob("en-US.*.txt"):
        shutil.copy(path, tmp_path)
    for split in ("natural-dev", "natural-dev97", "natural-holdout"):
        shutil.copy(LABELS_DIR / f"{split}.txt", tmp_path)
    assert evaluation.main([str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "accuracy per intent" in out and "  CausesIntent " in out
    assert "out-of-domain rejection" in out and "confusions (" in out
    assert "holdout " in out and "development " in out
    assert "natural-dev97 " in out and "natural-holdout " in out and "never tuned on" in out


# -- the natural splits: sentences as people speak, judged by the answer heard ------

# The floors each split holds today; make nlu-report prints the figures.  They
# keep a regression out of CI; they are not the targets (see the README).
NATURAL_FLOORS = {
    # split: (warning signs escalated, in-domain answered right, off-topic handled as off-topic);
    # 0 where a split holds no such sentence.  Each is the split's figure when last measured,
    # rounded down: a regression guard, not the targets (95%, 90%, 90% on the holdout).
    "natural-dev": (0.99, 0.98, 0.99),
    "natural-dev2": (0.99, 0.96, 0.97),
    "natural-dev3": (0.99, 0.86, 0.93),
    "natural-dev4": (0.0, 0.95, 0.0),
    "natural-dev5": (0.99, 0.94, 0.99),
    "natural-dev6": (0.0, 0.89, 0.0),
    "natural-dev7": (0.99, 0.99, 0.0),
    "natural-dev8": (0.99, 0.93, 0.99),
    "natural-dev9": (0.99, 0.99, 0.99),
    "natural-dev10": (0.99, 0.94, 0.99),
    "natural-dev11": (0.99, 0.93, 0.9),
    "natural-dev12": (0.99, 0.94, 0.99),
    "natural-dev13": (0.99, 0.92, 0.99),
    "natural-dev14": (0.99, 0.97, 0.99),
    "natural-dev15": (0.99, 0.95, 0.99),
    "natural-dev16": (0.99, 0.96, 0.94),
    "natural-dev17": (0.99, 0.95, 0.99),
    "natural-dev18": (0.99, 0.99, 0.97),
    "natural-dev19": (0.99, 0.95, 0.99),
    "natural-dev20": (0.99, 0.96, 0.95),
    "natural-dev21": (0.99, 0.96, 0.99),
    "natural-dev22": (0.99, 0.94, 0.99),
    "natural-dev23": (0.99, 0.9, 0.99),
    "natural-dev24": (0.99, 0.94, 0.88),
    "natural-dev25": (0.99, 0.92, 0.99),
    "natural-dev26": (0.99, 0.89, 0.99),
    "natural-dev27": (0.99, 0.86, 0.99),
    "natural-dev28": (0.98, 0.95, 0.99),
    "natural-dev29": (0.99, 0.92, 0.99),
    "natural-dev30": (0.97, 0.91, 0.99),
    "natural-dev31": (0.99, 0.91, 0.99),
    "natural-dev32": (0.99, 0.85, 0.99),
    "natural-dev33": (0.99, 0.93, 0.94),
    "natural-dev34": (0.99, 0.92, 0.99),
    "natural-dev35": (0.99, 0.93, 0.99),
    "natural-dev36": (0.99, 0.91, 0.99),
    "natural-dev37": (0.99, 0.96, 0.93),
    "natural-dev38": (0.99, 0.99, 0.95),
    "natural-dev39": (0.99, 0.98, 0.99),
    "natural-dev40": (0.99, 0.98, 0.97),
    "natural-dev41": (0.99, 0.96, 0.97),
    "natural-dev42": (0.99, 0.95, 0.84),
    "natural-dev43": (0.99, 0.97, 0.97),
    "natural-dev44": (0.99, 0.96, 0.99),
    "natural-dev45": (0.99, 0.97, 0.97),
    "natural-dev46": (0.99, 0.96, 0.99),
    "natural-dev47": (0.99, 0.95, 0.94),
    "natural-dev48": (0.99, 0.95, 0.95),
    "natural-dev49": (0.99, 0.93, 0.99),
    "natural-dev50": (0.99, 0.97, 0.99),
    "natural-dev51": (0.99, 0.98, 0.99),
    "natural-dev52": (0.99, 0.98, 0.97),
    "natural-dev53": (0.99, 0.98, 0.97),
    "natural-dev54": (0.98, 0.95, 0.94),
    "natural-dev55": (0.98, 0.96, 0.99),
    "natural-dev56": (0.99, 0.96, 0.94),
    "natural-dev57": (0.99, 0.97, 0.99),
    "natural-dev58": (0.99, 0.97, 0.99),
    "natural-dev59": (0.99, 0.97, 0.97),
    "natural-dev60": (0.99, 0.94, 0.97),
    "natural-dev61": (0.98, 0.96, 0.99),
    "natural-dev62": (0.99, 0.99, 0.99),
    "natural-dev63": (0.99, 0.97, 0.97),
    "natural-dev64": (0.99, 0.96, 0.99),
    "natural-dev65": (0.98, 0.96, 0.94),
    "natural-dev66": (0.99, 0.91, 0.96),
    "natural-dev67": (0.99, 0.96, 0.96),
    "natural-dev68": (0.99, 0.92, 0.95),
    "natural-dev69": (0.99, 0.9, 0.9),
    "natural-dev70": (0.99, 0.9, 0.96),
    "natural-dev71": (0.98, 0.94, 0.93),
    "natural-dev72": (0.98, 0.92, 0.99),
    "natural-dev73": (0.99, 0.92, 0.93),
    "natural-dev74": (0.93, 0.94, 0.99),
    "natural-dev75": (0.99, 0.96, 0.92),
    "natural-dev76": (0.99, 0.95, 0.99),
    "natural-dev77": (0.97, 0.95, 0.92),
    "natural-dev78": (0.96, 0.89, 0.75),
    "natural-dev79": (0.96, 0.96, 0.95),
    "natural-dev80": (0.99, 0.93, 0.87),
    "natural-dev81": (0.98, 0.93, 0.99),
    "natural-dev82": (0.95, 0.89, 0.99),
    "natural-dev83": (0.99, 0.95, 0.83),
    "natural-dev84": (0.97, 0.93, 0.9),
    "natural-dev85": (0.95, 0.94, 0.99),
    "natural-dev86": (0.99, 0.93, 0.85),
    "natural-dev87": (0.96, 0.87, 0.99),
    "natural-dev88": (0.96, 0.9, 0.92),
    "natural-dev89": (0.98, 0.92, 0.94),
    "natural-dev90": (0.97, 0.9, 0.82),
    "natural-dev91": (0.98, 0.94, 0.99),
    "natural-dev92": (0.99, 0.83, 0.99),
    "natural-dev93": (0.94, 0.95, 0.9),
    "natural-dev94": (0.97, 0.93, 0.99),
    "natural-dev95": (0.99, 0.92, 0.99),
    "natural-dev96": (0.97, 0.92, 0.99),
    "natural-dev97": (0.99, 0.91, 0.75),
    "natural-dev98": (0.99, 0.95, 0.99),
    "natural-dev99": (0.99, 0.9, 0.99),
    "natural-dev100": (0.99, 0.88, 0.99),
    "natural-dev101": (0.95, 0.84, 0.99),
    "natural-dev102": (0.99, 0.95, 0.99),
    "natural-holdout": (0.96, 0.91, 0.9),
    "natural-holdout2": (0.94, 0.91, 0.93),
}


def test_every_natural_split_has_a_floor_and_is_reported():
    reported = [name for name, _ in evaluation.natural_splits(LABELS_DIR)]
    assert sorted(reported) == sorted(NATURAL_FLOORS)
    assert reported[:3] == ["natural-dev", "natural-dev2", "natural-dev3"]  # in order, by number
    assert reported[-2:] == list(NEVER_TUNED)


@pytest.mark.parametrize("split", sorted(NATURAL_FLOORS))
def test_natural_split_floors(nlu, split):
    report = evaluation.evaluate_natural(nlu, evaluation.load_natural(LABELS_DIR / f"{split}.txt"))
    warnings, in_domain, off_topic = NATURAL_FLOORS[split]
    # A split never tuned on shows its counts only: reading its misses would be tuning on them.
    # The rates are plain numbers before they are compared, so a failure's report (pytest prints the
    # operands) never shows a holdout's misses.
    detail = (report.warnings, report.in_domain, report.off_topic) if split in NEVER_TUNED else report.misses
    rates = (report.rate(report.warnings), report.rate(report.in_domain), report.rate(report.off_topic))
    escalated, answered, turned_away = rates
    assert escalated >= warnings, detail
    assert answered >= in_domain, detail
    assert turned_away >= off_topic, detail


def test_natural_splits_are_apart_from_each_other_and_from_the_model():
    samples = _model_utterances()
    seen: dict[str, str] = {}
    for split in NATURAL_FLOORS:
        examples = evaluation.load_natural(LABELS_DIR / f"{split}.txt")
        if split in NEVER_TUNED:  # the development splits are tuned on: sharing phrasings is what tuning does
            copies = [e.text for e in examples if " ".join(normalise(e.text)) in samples]
            assert len(copies) <= MAX_NATURAL_SHARED_WITH_MODEL * len(examples), f"{split}, shared: {copies}"
        for example in examples:
            text = " ".join(normalise(example.text))
            assert seen.setdefault(text, split) == split, f"{example.text!r} is in {seen[text]} and {split}"


def test_a_conversation_word_in_other_words_counts_only_with_the_built_in_intents_reply(nlu):
    # Caught as a description, read by the skill as "repeat": the person hears the stretch again,
    # just as AMAZON.RepeatIntent would have said it.
    asked = evaluation.NaturalExample(
        "repeat", "method.stretching", "sorry can you say that one more time the kettle was on"
    )
    found, reply = evaluation.outcome(nlu, asked)
    assert found.label not in evaluation.CONVERSATION_INTENTS["repeat"]
    assert reply is not None and reply.topic == "method.stretching"
    assert evaluation.judge(asked, found, reply)
    # Any other reply to the same words is a miss, whatever intent carried them.
    moved_on = evaluation.NaturalExample("repeat", "method.massage", "what causes it")
    found, reply = evaluation.outcome(nlu, moved_on)
    assert not evaluation.judge(moved_on, found, reply)


def test_the_detail_of_a_topic_counts_for_it_only_as_a_follow_up_in_that_topic(nlu):
    # Just told about massage, "can I use a rolling pin instead" gets massage's detail: its answer.
    asked = evaluation.NaturalExample("method.massage", "method.massage", "can i use a rolling pin instead")
    found, reply = evaluation.outcome(nlu, asked)
    assert reply is not None and reply.topic == "method.massage.more"
    assert evaluation.judge(asked, found, reply)
    # The same detail, heard anywhere else, is not the answer the label names.
    elsewhere = evaluation.NaturalExample("method.massage", "cause.stress", "can i use a rolling pin instead")
    assert not evaluation.judge(elsewhere, found, reply)


def test_natural_labels_name_real_answers():
    book = catalogue_for("en-US")
    known = {*book.topics, *evaluation.CONVERSATION_INTENTS, "negated", "serious", "offtopic", "how_long", "why"}
    for split in NATURAL_FLOORS:
        for example in evaluation.load_natural(LABELS_DIR / f"{split}.txt"):
            label = example.label.replace(evaluation.WARNING_PREFIX, "red_flag.")
            assert label in known, (split, example)
            assert example.context == evaluation.NO_CONTEXT or example.context in book.topics, (split, example)


def test_a_warning_sign_outranks_the_intent_it_was_said_in():
    """Said in a slot of any intent, words that state a warning sign escalate."""
    from skill import conversation

    book = catalogue_for("en-US")
    state = conversation.launch(conversation.State(), book)[1]
    heard = conversation.Heard("CausesIntent", {"cause": conversation.SlotHeard("my foot going numb")})
    reply, _ = conversation.reply_to(heard, state, book)
    assert reply.topic == "red_flag.nerve_signs"
