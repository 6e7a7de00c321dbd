"""Every intent and slot value reaches its topic, and every answer is fit to say."""

from xml.etree import ElementTree

import pytest
from helpers import Conversation, slot

from skill.catalogue import catalogue_for
from skill.replies import topic_reply
from skill.speech import ssml
from skill.topics import INTENT_ROUTES, SLOT_VALUE_TOPICS

CATALOGUE = catalogue_for("en-US")
LONGEST_ANSWER_WORDS = 40  # one or two breaths, question included

EXPECTED = {
    "LumpIntent": "myofascial trigger point",
    "MuscleKnotIntent": "stick together",
    "CausesIntent": "muscle imbalances",
    "SymptomsIntent": "stiffness",
    "ReliefIntent": "foam rolling",
    "StretchingIntent": "20 to 30 seconds",
    "HeatOrIceIntent": "ice pack",
    "FoamRollingIntent": "foam roller",
    "HydrationIntent": "plenty of water",
    "FormIntent": "posture",
    "RestIntent": "time to recover",
    "PreventionIntent": "warm up",
    "SeeDoctorIntent": "numb, tingly or weak",
    "RedFlagIntent": "see a doctor",
    "NoReliefIntent": "No relief from self-care",
    "LumpChangingIntent": "keeps growing",
    "NerveSignsIntent": "Numbness, tingling or weakness",
    "SeverePainIntent": "Pain that is severe",
    "OtherGrowthIntent": "cyst",
    "DoctorTreatmentIntent": "dry needling",
}


def test_every_custom_intent_has_an_expected_answer():
    assert set(EXPECTED) == set(INTENT_ROUTES)


@pytest.mark.parametrize("intent", sorted(EXPECTED))
def test_each_intent_answers_its_topic(client, intent):
    turn = Conversation(client).ask(intent)
    assert EXPECTED[intent] in turn.speech
    card = turn.card
    assert card is not None and card["title"] and EXPECTED[intent] in card["content"]


SLOT_OF_TYPE = {route.slot_type: (intent, route.slot) for intent, route in INTENT_ROUTES.items() if route.slot}
SLOT_CASES = [(t, value_id, topic) for t, ids in SLOT_VALUE_TOPICS.items() for value_id, topic in ids.items()]


@pytest.mark.parametrize(("slot_type", "value_id", "topic"), SLOT_CASES)
def test_each_slot_value_answers_its_own_topic(client, slot_type, value_id, topic):
    intent, slot_name = SLOT_OF_TYPE[slot_type]
    turn = Conversation(client).ask(
        intent, slot(slot_name, "whatever was said", slot_type=slot_type, value_id=value_id)
    )
    assert turn.speech.startswith(CATALOGUE.topics[topic].speech)


def test_exercise_names_map_to_overuse(client):
    turn = Conversation(client).ask(
        "CausesIntent", slot("cause", "deadlifts", slot_type="CauseType", value_id="OVERUSE")
    )
    assert "deadlifts, squats or rowing" in turn.speech


def test_unmatched_slot_value_gets_the_overview_gracefully(client):
    turn = Conversation(client).ask("ReliefIntent", slot("method", "acupuncture & <b>", slot_type="ReliefMethodType"))
    assert turn.speech.startswith("I don't have details on that one.")
    assert "gentle stretching" in turn.speech
    assert "acupuncture" not in turn.speech  # never echo what we did not understand


def test_slot_without_resolutions_is_handled(client):
    turn = Conversation(client).ask("CausesIntent", {"cause": {"name": "cause", "confirmationStatus": "NONE"}})
    assert "Common causes are" in turn.speech


@pytest.mark.parametrize("topic_id", sorted(CATALOGUE.topics))
def test_every_answer_is_short_valid_ssml_and_ends_with_a_question(topic_id):
    reply = topic_reply(CATALOGUE, topic_id)
    spoken = f"{reply.speech} {reply.question}"
    assert len(spoken.split()) <= LONGEST_ANSWER_WORDS, spoken
    assert reply.question is not None and reply.question.endswith("?")
    ElementTree.fromstring(f"<speak>{ssml(spoken)}</speak>")


def test_every_offer_leads_to_a_real_topic():
    for topic in CATALOGUE.topics.values():
        assert topic.offer is None or topic.offer in CATALOGUE.topics, topic.id


def test_yes_chain_from_relief_walks_every_method(chat):
    chat.ask("ReliefIntent")
    heard = [chat.ask("AMAZON.YesIntent").card["title"] for _ in range(6)]
    assert heard == [
        "Gentle stretching",
        "Foam rolling and massage",
        "Heat and cold",
        "Hydration",
        "Rest",
        "Proper form and posture",
    ]


def test_speech_is_escaped_for_ssml(client, monkeypatch):
    monkeypatch.setitem(CATALOGUE.phrases, "help", "Salt & pepper <b>")
    turn = Conversation(client).ask("AMAZON.HelpIntent")
    assert "Salt &amp; pepper &lt;b&gt;" in turn.ssml
    ElementTree.fromstring(turn.ssml)


def test_cards_carry_the_details_behind_an_overview(client):
    card = Conversation(client).ask("ReliefIntent").card
    assert card is not None
    assert "20 to 30 seconds" in card["content"] and "30 to 60 seconds" in card["content"]
