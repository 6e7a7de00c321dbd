"""Conversation state: plain JSON in the session, checked when it comes back."""

from __future__ import annotations

import pytest

from skill.catalogue import catalogue_for
from skill.conversation import HISTORY, LAST_REPLY, MISSES, Heard, SlotHeard, State, launch, reply_to
from skill.replies import topic_reply

BOOK = catalogue_for("en-US")


def _after(*topics: str) -> State:
    """The state once the skill has launched and said each topic in turn."""
    state = launch(State(), BOOK)[1]
    for topic in topics:
        state = state.after(topic_reply(BOOK, topic))
    return state


def test_state_round_trips_through_plain_json():
    state = _after("relief", "method.stretching")
    again = State.from_session(state.to_session(), BOOK)
    assert again == state
    assert set(state.to_session()) == {LAST_REPLY, HISTORY, MISSES}


@pytest.mark.parametrize(
    "tampered",
    [
        None,
        [],
        "x",
        {HISTORY: ["lump", "no.such.topic"]},
        {HISTORY: ["lump"] * 50},
        {MISSES: -1},
        {MISSES: True},
        {MISSES: 10**9},
        {LAST_REPLY: {"speech": 1}},
        {
            LAST_REPLY: {
                "speech": "hi",
                "question": None,
                "card_title": "t",
                "card_text": "t",
                "offer": "nope",
                "topic": None,
                "phrase": None,
            }
        },
    ],
)
def test_tampered_state_starts_afresh_instead_of_failing(tampered):
    state = State.from_session(tampered, BOOK)
    assert state.last is None or state.last.offer in BOOK.topics
    assert all(topic in BOOK.topics for topic in state.history)
    assert 0 <= state.misses <= 9
    reply, _ = reply_to(Heard("AMAZON.NextIntent"), state, BOOK)
    assert reply.speech


def test_next_and_back_walk_the_list_the_person_is_in():
    state = _after("causes")
    reply, state = reply_to(Heard("AMAZON.NextIntent"), state, BOOK)
    assert reply.topic == "cause.overuse"
    reply, state = reply_to(Heard("AMAZON.NextIntent"), state, BOOK)
    assert reply.topic == "cause.poor_form"
    reply, state = reply_to(Heard("AMAZON.PreviousIntent"), state, BOOK)
    assert reply.topic == "cause.overuse"
    reply, state = reply_to(Heard("AMAZON.PreviousIntent"), state, BOOK)
    assert reply.topic == "causes"


def test_go_back_outside_a_list_returns_to_the_topic_before():
    state = _after("lump", "prevention")
    reply, state = reply_to(Heard("AMAZON.PreviousIntent"), state, BOOK)
    assert reply.topic == "lump"


def test_a_second_miss_in_a_row_offers_the_menu_and_an_answer_resets_it():
    state = launch(State(), BOOK)[1]
    first, state = reply_to(Heard("AMAZON.FallbackIntent"), state, BOOK)
    second, state = reply_to(Heard("AMAZON.FallbackIntent"), state, BOOK)
    assert (first.phrase, second.phrase) == ("fallback", "menu")
    _, state = reply_to(Heard("LumpIntent"), state, BOOK)
    assert state.misses == 0


def test_a_warning_sign_in_a_description_outranks_everything():
    state = _after("relief")
    said = Heard("DescribeIntent", {"description": SlotHeard("my knee keeps buckling when I stretch")})
    reply, _ = reply_to(said, state, BOOK)
    assert reply.topic == "red_flag.nerve_signs"


@pytest.mark.parametrize(
    ("heard", "phrase", "topic"),
    [
        # The carrier's question word is read back with the words: "what's after that" asks for the next.
        (Heard("WhatQuestionIntent", {"description": SlotHeard("after that")}), None, "cause.poor_form"),
        (Heard("HowQuestionIntent", {"description": SlotHeard("do I fix a flat tyre")}), "unrelated", None),
        (Heard("ImprovingIntent"), "improving", None),
        # "why {description}" keeps its "why": a cause's words, asked why, are that cause.
        (
            Heard("WhyQuestionIntent", {"description": SlotHeard("does skipping the warm up matter")}),
            None,
            "cause.no_warm_up",
        ),
        # "hurts {description}" keeps its "hurts": how it hurts may be the sign.
        (Heard("HurtsIntent", {"description": SlotHeard("like mad to touch")}), None, "red_flag.lump_changes"),
        # A statement that opens with the self-care tried ("massage is useless") keeps that it was tried.
        (Heard("SelfCareIntent", {"description": SlotHeard("is useless")}), None, "red_flag.no_relief"),
        # Words that say nothing more ("[a tennis ball] against the door, any good?"): the self-care is the subject.
        (Heard("SelfCareIntent", {"description": SlotHeard("against the door any good")}), None, "relief"),
        # "numbness {description}", "leg {description}" and "lump {description}" keep the word that
        # opened them: where the numbness is, what the leg does and what the lump does may be the sign.
        (
            Heard("NumbIntent", {"description": SlotHeard("in both shins does that count")}),
            None,
            "red_flag.nerve_signs",
        ),
        (Heard("LegIntent", {"description": SlotHeard("feels heavy as a brick lately")}), None, "red_flag.nerve_signs"),
        (
            Heard("LumpSaidIntent", {"description": SlotHeard("on my lower back won't go away been five weeks")}),
            None,
            "red_flag.lump_changes",
        ),
        # "ten out of ten {description}" keeps how bad it is: the words alone say only where.
        (
            Heard("WorstPainIntent", {"description": SlotHeard("pain low in my back since I lifted that pallet")}),
            None,
            "red_flag.severe_pain",
        ),
        # "pressing {description}" keeps its "pressing": pain on touch is tenderness.
        (Heard("TouchIntent", {"description": SlotHeard("it makes me wince")}), None, "symptom.tenderness"),
        # "still {description}" keeps its "still"; "not {description}" its negation, either way round.
        (Heard("StillIntent", {"description": SlotHeard("the same after all this time")}), None, "red_flag.no_relief"),
        (Heard("NegativeStatementIntent", {"description": SlotHeard("numb just sore")}), "noted", None),
        (
            Heard("NegativeStatementIntent", {"description": SlotHeard("gone away after a month")}),
            None,
            "red_flag.lump_changes",
        ),
        (Heard("LegsFineIntent"), "denied", None),
        # "thanks {description}" keeps its thanks: a thank-you, unless a sign or a question follows it.
        (Heard("ThanksStatementIntent", {"description": SlotHeard("I'll give the physio a ring")}), "thanks", None),
        (
            Heard("ThanksStatementIntent", {"description": SlotHeard("but my foot's gone numb")}),
            None,
            "red_flag.nerve_signs",
        ),
        (Heard("ThanksStatementIntent", {"description": SlotHeard("what about heat")}), None, "method.heat_or_ice"),
    ],
)
def test_question_carriers_and_reassurances(heard, phrase, topic):
    reply, _ = reply_to(heard, _after("cause.overuse"), BOOK)
    assert (reply.phrase, reply.topic) == (phrase, topic)
    assert phrase != "denied" or "numbness" in reply.speech


def test_a_resolved_value_that_states_a_sign_still_escalates():
    # Entity resolution may file "really really painful" under plain pain: the words still say it.
    said = Heard("SymptomsIntent", {"symptom": SlotHeard("really really painful", "LOCAL_PAIN")})
    reply, _ = reply_to(said, _after("symptoms"), BOOK)
    assert reply.topic == "red_flag.lump_changes"
    plain = Heard("SymptomsIntent", {"symptom": SlotHeard("sore", "LOCAL_PAIN")})
    assert reply_to(plain, _after("symptoms"), BOOK)[0].topic == "symptom.local_pain"


def test_a_sign_said_earlier_still_stands_when_another_is_denied():
    state = _after("relief")
    numb = Heard("DescribeIntent", {"description": SlotHeard("my left foot keeps going numb")})
    _, state = reply_to(numb, state, BOOK)
    none_of_those = Heard("NegativeStatementIntent", {"description": SlotHeard("none of those")})
    for fine in (Heard("LegsFineIntent"), none_of_those):
        reply, _ = reply_to(fine, state, BOOK)
        assert reply.phrase == "sign_stands" and "doctor" in reply.speech
    reply, _ = reply_to(Heard("LegsFineIntent"), _after("relief"), BOOK)  # nothing said before: noted
    assert reply.phrase == "denied"


def test_asking_again_about_the_topic_just_heard_gives_the_detail_behind_it():
    state = _after("cause.stress")
    said = Heard("CausesIntent", {"cause": SlotHeard("stress", "STRESS")})
    reply, _ = reply_to(said, state, BOOK)
    assert reply.topic == "cause.stress.more"


def test_a_remedy_asked_about_as_a_cause_names_the_cause_it_answers():
    said = Heard("CausesIntent", {"cause": SlotHeard("my lifting posture")})  # no value: the words are read
    reply, _ = reply_to(said, _after("relief"), BOOK)
    assert reply.topic == "cause.poor_form"


def test_how_a_cause_works_asked_in_a_description_gives_the_reason_behind_it():
    said = Heard("HowQuestionIntent", {"description": SlotHeard("does that make a knot exactly")})
    reply, _ = reply_to(said, _after("cause.overuse"), BOOK)
    assert reply.topic == "cause.overuse.more"


def test_how_long_depends_on_what_was_just_said():
    after_stretching = reply_to(Heard("HowLongIntent"), _after("method.stretching"), BOOK)[0]
    after_rolling = reply_to(Heard("HowLongIntent"), _after("method.massage"), BOOK)[0]
    assert "20 to 30 seconds" in after_stretching.speech
    assert "30 to 60 seconds" in after_rolling.speech


def test_how_long_for_a_method_named_answers_for_that_method_whatever_came_last():
    said = Heard("HowLongIntent", {"method": SlotHeard("a stretch", "STRETCHING")})
    reply, _ = reply_to(said, _after("red_flag.nerve_signs"), BOOK)
    assert "20 to 30 seconds" in reply.speech and reply.offer == "method.stretching"
    # Heat and ice have no time in the article: none is made up, and the method's own answer follows.
    untimed = Heard("HowLongIntent", {"method": SlotHeard("an ice pack", "HEAT_OR_ICE")})
    reply, _ = reply_to(untimed, _after("method.stretching"), BOOK)
    assert "seconds" not in reply.speech and reply.topic == "method.heat_or_ice"
    reply, _ = reply_to(Heard("HowLongIntent"), _after("method.hydration"), BOOK)
    assert reply.phrase == "no_set_time" and "seconds" not in reply.speech
    # Asked in a description's words: the method the words name, as if Alexa had filled the slot.
    described = Heard("DescribeIntent", {"description": SlotHeard("thanks, and how long should I hold the stretch")})
    reply, _ = reply_to(described, _after("method.hydration"), BOOK)
    assert "20 to 30 seconds" in reply.speech


@pytest.mark.parametrize(
    ("heard", "phrase", "sign"),
    [
        # "no numbness": the value resolved, and the carrier's "no" is read back with it.
        (Heard("NegativeStatementIntent", {"warningSign": SlotHeard("numbness", "NUMBNESS_TINGLING")}), "denied", None),
        # "my feet feel fine", "none of those": no slot, an acknowledgement.
        (Heard("NegativeStatementIntent"), "noted", None),
        # "no, but my foot is numb": the words after the "no" state a sign.
        (
            Heard("NegativeStatementIntent", {"warningSign": SlotHeard("but my foot is numb", None)}),
            None,
            "red_flag.nerve_signs",
        ),
        # "no, that's all": no sign denied, a plain "no".
        (Heard("NegativeStatementIntent", {"description": SlotHeard("that's all")}), "declined", None),
        # "nothing going down my legs": a symptom said to be absent.
        (Heard("NegativeStatementIntent", {"description": SlotHeard("going down my legs")}), "noted", None),
        # "it hasn't grown" heard as the growing lump's value: its words deny it.
        (Heard("RedFlagIntent", {"warningSign": SlotHeard("not grown", "GROWING_OR_VERY_PAINFUL")}), "denied", None),
    ],
)
def test_a_denied_sign_is_acknowledged_and_a_sign_after_no_still_escalates(heard, phrase, sign):
    reply, _ = reply_to(heard, _after("see_doctor"), BOOK)
    assert (reply.phrase, reply.topic if sign else None) == (phrase, sign)


@pytest.mark.parametrize(
    ("before", "heard", "topic"),
    [
        # Just after the causes, "tell me about the water one" names the dehydration cause...
        ("causes", Heard("ReliefIntent", {"method": SlotHeard("the water one", "HYDRATION")}), "cause.dehydration"),
        ("cause.overuse", Heard("ReliefIntent", {"method": SlotHeard("posture", "FORM")}), "cause.poor_form"),
        ("causes", Heard("HydrationIntent"), "cause.dehydration"),
        # ...but just after dehydration itself, drinking more is its remedy.
        (
            "cause.dehydration",
            Heard("ReliefIntent", {"method": SlotHeard("more water", "HYDRATION")}),
            "method.hydration",
        ),
        # Asked how to sort it out, just after a cause, the person gets every way of relief.
        ("cause.poor_form", Heard("HowQuestionIntent", {"description": SlotHeard("do i sort that out")}), "relief"),
        # Away from the causes, water is drinking water.
        ("relief", Heard("ReliefIntent", {"method": SlotHeard("water", "HYDRATION")}), "method.hydration"),
    ],
)
def test_a_cause_and_its_remedy_are_told_apart_by_where_the_person_is(before, heard, topic):
    reply, _ = reply_to(heard, _after(before), BOOK)
    assert reply.topic == topic
