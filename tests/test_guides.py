"""Guided sessions: the stretch routine, the foam-rolling timer and the warning-sign check.

The moves are driven through ``conversation.reply_to`` as every request is; the position
in a session is plain session JSON, checked when it comes back.
"""

from __future__ import annotations

import pytest

from skill import content
from skill.catalogue import catalogue_for
from skill.conversation import GUIDE, Heard, SlotHeard, State, launch, press, reply_to
from skill.guides import Guide
from skill.replies import Reply, topic_reply
from skill.routines import CHECK, FOAM, SIGNS, STEP_COUNTS, STRETCH, parse_step
from tooling.simulator.nlu import nlu_for

BOOK = catalogue_for("en-US")
START = {STRETCH: "StretchRoutineIntent", FOAM: "FoamRollingTimerIntent", CHECK: "SymptomCheckIntent"}


def _talk(*said: str | Heard, state: State | None = None) -> tuple[list[Reply], State]:
    """Say each intent (or Heard) in turn, from a fresh launch unless a state is given."""
    state = state if state is not None else launch(State(), BOOK)[1]
    replies = []
    for words in said:
        heard = words if isinstance(words, Heard) else Heard(words)
        reply, state = reply_to(heard, state, BOOK)
        replies.append(reply)
    return replies, state


def _pauses(reply: Reply) -> list[int]:
    return [part for part in reply.timed if isinstance(part, int)]


# -- the stretch routine ---------------------------------------------------------------


def test_each_stretch_is_named_timed_about_30_seconds_with_a_midpoint_and_a_release():
    replies, state = _talk("StretchRoutineIntent", "AMAZON.NextIntent", "AMAZON.NextIntent")
    for index, (reply, name) in enumerate(zip(replies, content.STRETCHES, strict=True)):
        assert name in reply.speech and "without bouncing" in reply.speech
        assert sum(_pauses(reply)) == content.STRETCH_HOLD_SECONDS
        # Words, silence, the midpoint cue, silence, the release: the cue halves the hold.
        assert reply.timed[1:4] == (15, BOOK.phrases["halfway"], 15)
        assert str(reply.timed[4]).startswith(BOOK.phrases["stretch_release"])
        assert parse_step(reply.step) == (STRETCH, index)
    assert "cat-cow" in str(replies[0].question)  # each stretch offers the next one
    assert replies[2].question == BOOK.phrases["stretch_again"]
    assert state.guide == Guide(STRETCH, 2)


def test_stretches_describe_no_technique_beyond_the_article(article):
    """Named and timed: every sentence of a stretch step is the article's or the routine's own words."""
    reply = _talk("StretchRoutineIntent")[0][0]
    assert "slowly" in article.lower() and "bouncing" in article.lower()
    for name in content.STRETCHES:
        assert name.replace("gentle ", "") in article.lower()
    instructions = BOOK.phrases["stretch_step"].split(": ")[1].removeprefix("{name}. ")
    assert instructions == "Stretch slowly, and hold it without bouncing."
    assert reply.speech.count(".") <= 7  # intro, step, instruction, cue, release: nothing more is said


def test_next_back_repeat_pause_resume_how_long_and_stop_in_the_routine():
    replies, state = _talk(
        "StretchRoutineIntent",
        "AMAZON.NextIntent",  # cat-cow
        "AMAZON.PreviousIntent",  # child's pose again
        "AMAZON.RepeatIntent",  # the very same step, pauses and all
        "AMAZON.PauseIntent",
        "AMAZON.ResumeIntent",
        "HowLongIntent",
    )
    start, cat_cow, back, again, paused, resumed, how_long = replies
    assert cat_cow.step == "stretch.1" and back.step == "stretch.0"
    assert again == back
    assert paused.phrase == "guide_paused" and "child's pose" in str(paused.question)
    assert resumed.timed == back.timed
    assert "20 to 30 seconds" in how_long.speech and how_long.question == start.question
    assert state.guide == Guide(STRETCH, 0)
    stop, state = _talk("AMAZON.StopIntent", state=state)
    assert stop[0].question is None and state.guide is None


def test_yes_after_the_last_stretch_goes_round_again_and_no_finishes_warmly():
    _, state = _talk("StretchRoutineIntent", "AMAZON.NextIntent", "AMAZON.NextIntent")
    again, after = _talk("AMAZON.YesIntent", state=state)
    assert again[0].step == "stretch.0" and after.guide == Guide(STRETCH, 0)
    done, after = _talk("AMAZON.NoIntent", state=state)
    assert done[0].phrase == "stretch_finished" and done[0].question and after.guide is None


# -- the foam-rolling timer ----------------------------------------------------------------


def test_foam_rounds_are_timed_and_offer_one_more_until_done():
    replies, state = _talk("FoamRollingTimerIntent", "AMAZON.YesIntent", "AMAZON.RepeatIntent")
    for index, reply in enumerate(replies):
        assert sum(_pauses(reply)) == content.FOAM_ROUND_SECONDS
        assert reply.question == BOOK.phrases["foam_again"]
        assert reply.step == f"foam.{index}"
    assert "foam roller" in replies[0].speech and "Round two" in replies[1].speech
    done, after = _talk("AMAZON.StopIntent", state=state)  # "done" is a StopIntent sample
    assert done[0].phrase == "foam_goodbye" and done[0].question is None and after.guide is None


def test_the_last_round_ends_the_timer():
    _, state = _talk("FoamRollingTimerIntent", *["AMAZON.NextIntent"] * (content.FOAM_ROUNDS - 1))
    assert state.guide is None and state.last is not None and "five rounds" in state.last.speech
    assert state.last.question == BOOK.phrases["anything_else"]


# -- the warning-sign check -----------------------------------------------------------------


def test_the_check_asks_one_question_per_reason_in_the_articles_order_then_closes_without_reassurance():
    replies, state = _talk("SymptomCheckIntent", *["AMAZON.NoIntent"] * len(SIGNS))
    questions = [reply.question for reply in replies[:-1]]
    assert questions == [content.CHECK_QUESTIONS[sign] for sign in SIGNS]
    assert len(set(questions)) == 5
    closing = replies[-1]
    assert closing.phrase == "check_clear" and state.guide is None
    said = closing.speech.lower()
    assert "none of the five warning signs" in said and "self-care" in said and "few days or weeks" in said
    assert "fine" not in said and "nothing to worry" not in said


@pytest.mark.parametrize("position", range(len(SIGNS)))
def test_a_yes_sends_to_a_professional_at_once_with_that_reason(position):
    replies, state = _talk("SymptomCheckIntent", *["AMAZON.NoIntent"] * position, "AMAZON.YesIntent")
    assert replies[-1].topic == f"red_flag.{SIGNS[position]}"
    assert "see a doctor or physical therapist" in replies[-1].speech
    assert state.guide is None  # no more questions


def test_not_sure_is_a_reason_to_see_a_professional():
    replies, state = _talk("SymptomCheckIntent", "AMAZON.NoIntent", "NotSureIntent")
    assert replies[-1].phrase == "check_unsure" and "doctor or physical therapist" in replies[-1].speech
    assert state.guide is None


def test_an_unclear_answer_gets_the_question_again_once():
    replies, state = _talk("SymptomCheckIntent", "AMAZON.FallbackIntent")
    assert replies[1].question == replies[0].question and "yes, a no, or not sure" in replies[1].speech
    assert state.guide == Guide(CHECK, 0, unclear=1)
    second, state = _talk("AMAZON.FallbackIntent", state=state)
    assert second[0].phrase == "check_stopped" and "see a doctor" in second[0].speech and state.guide is None


def test_a_denial_of_the_sign_asked_about_is_a_no_and_of_another_is_unclear():
    _, state = _talk("SymptomCheckIntent", "AMAZON.NoIntent")  # now asking about the legs
    denied_legs = Heard("NegativeStatementIntent", {"description": SlotHeard("numbness in my legs")})
    _, after = _talk(denied_legs, state=state)
    assert after.guide == Guide(CHECK, 2)
    denied_other = Heard("NegativeStatementIntent", {"description": SlotHeard("it isn't growing")})
    replies, after = _talk(denied_other, state=state)
    assert after.guide == Guide(CHECK, 1, unclear=1) and replies[0].phrase is None


def test_is_this_serious_offers_the_check_and_yes_starts_it():
    answer, state = _talk("SeeDoctorIntent")
    assert answer[0].question == BOOK.topics["check"].invite
    started, state = _talk("AMAZON.YesIntent", state=state)
    assert started[0].question == content.CHECK_QUESTIONS[SIGNS[0]]
    assert state.guide == Guide(CHECK, 0)


# -- safety and state ------------------------------------------------------------------------


@pytest.mark.parametrize("kind", [STRETCH, FOAM, CHECK])
def test_a_warning_sign_said_mid_session_escalates_and_ends_it(kind):
    said = Heard("DescribeIntent", {"description": SlotHeard("my foot keeps going numb")})
    replies, state = _talk(START[kind], said)
    assert replies[-1].topic == "red_flag.nerve_signs" and state.guide is None


def test_the_session_round_trips_through_plain_json_and_is_absent_when_none_is_under_way():
    _, state = _talk("StretchRoutineIntent", "AMAZON.NextIntent", "AMAZON.PauseIntent")
    stored = state.to_session()
    assert stored[GUIDE] == {"kind": STRETCH, "step": 1, "paused": True, "unclear": 0}
    assert State.from_session(stored, BOOK) == state
    assert GUIDE not in _talk("LumpIntent")[1].to_session()


@pytest.mark.parametrize(
    ("tampered", "restarts"),
    [
        ({"kind": "stretch", "step": 7, "paused": False, "unclear": 0}, STRETCH),
        ({"kind": "stretch", "step": -1, "paused": False, "unclear": 0}, STRETCH),
        ({"kind": "foam", "step": "1", "paused": False, "unclear": 0}, FOAM),
        ({"kind": "foam", "step": True, "paused": False, "unclear": 0}, FOAM),
        ({"kind": "check", "step": 1, "paused": "no", "unclear": 0}, CHECK),
        ({"kind": "check", "step": 1, "paused": False, "unclear": 5}, CHECK),
        ({"kind": "check", "step": 1, "paused": False, "unclear": 0, "extra": 1}, CHECK),
        ({"kind": "yoga", "step": 0, "paused": False, "unclear": 0}, None),
        ({"step": 0}, None),
        ([1, 2], None),
        ("stretch", None),
        (17, None),
    ],
)
def test_a_tampered_session_starts_again_with_a_word_of_explanation(tampered, restarts):
    stored = launch(State(), BOOK)[1].to_session() | {GUIDE: tampered}
    state = State.from_session(stored, BOOK)
    assert state.guide is None
    reply, after = reply_to(Heard("AMAZON.NextIntent"), state, BOOK)
    if restarts is None:
        assert reply.phrase == "guide_lost_kind" and reply.question == BOOK.phrases["guide_menu"]
        assert after.guide is None
    else:
        assert reply.speech.startswith(BOOK.phrases["guide_lost"])
        assert after.guide == Guide(restarts)
    # Anything else is answered as usual, and the lost session is forgotten.
    reply, after = reply_to(Heard("CausesIntent"), state, BOOK)
    assert reply.topic == "causes" and after.guide is None and after.lost is None


def test_a_stored_reply_with_a_foreign_step_or_bad_pauses_is_dropped():
    good = _talk("StretchRoutineIntent")[1].to_session()
    assert State.from_session(good, BOOK).last is not None
    for field, value in (
        ("step", "stretch.9"),
        ("step", 3),
        ("timed", ["x", 500]),  # more silence than one response may hold
        ("timed", ["x", True]),
        ("timed", ["x", -5]),
        ("timed", "x"),
        ("timed", ["not what the speech says", 15]),
    ):
        tampered = good | {"last": good["last"] | {field: value}}
        assert State.from_session(tampered, BOOK).last is None, (field, value)


def test_outside_a_session_pause_resume_and_not_sure_behave_as_before():
    replies, state = _talk("HeatOrIceIntent", "AMAZON.PauseIntent", "AMAZON.ResumeIntent", "NotSureIntent")
    assert replies[1].phrase == "paused" and replies[2] == replies[0]
    assert replies[3].phrase == "menu" and state.guide is None


# -- buttons -----------------------------------------------------------------------------------


def test_buttons_make_the_same_moves_as_the_words():
    _, state = _talk("StretchRoutineIntent")
    by_button, _ = press("next", state, BOOK)
    by_voice, _ = reply_to(Heard("AMAZON.NextIntent"), state, BOOK)
    assert by_button == by_voice
    _, checking = _talk("SymptomCheckIntent")
    assert press("unsure", checking, BOOK)[0].phrase == "check_unsure"


@pytest.mark.parametrize("action", ["bogus", "", None, 3, ["next"], {"next": 1}])
def test_an_unknown_button_gets_an_apology_and_the_session_waits(action):
    _, state = _talk("FoamRollingTimerIntent")
    reply, after = press(action, state, BOOK)
    assert reply.phrase == "unknown_button" and reply.question == BOOK.phrases["foam_again"]
    assert after.guide == state.guide
    reply, _ = press(action, State(), BOOK)
    assert reply.phrase == "unknown_button" and reply.question


# -- the words that start and steer a session (the interaction model, through the simulator's NLU) --


@pytest.mark.parametrize(
    ("said", "intent"),
    [
        ("walk me through the stretches", "StretchRoutineIntent"),
        ("let's stretch", "StretchRoutineIntent"),
        ("guide me through a stretching routine", "StretchRoutineIntent"),
        ("time my foam rolling", "FoamRollingTimerIntent"),
        ("help me foam roll", "FoamRollingTimerIntent"),
        ("check my symptoms", "SymptomCheckIntent"),
        ("do i need a doctor", "SymptomCheckIntent"),
        ("go through the warning signs with me", "SymptomCheckIntent"),
        ("is this serious", "SeeDoctorIntent"),
        ("when should i see a doctor", "SeeDoctorIntent"),
        ("skip", "AMAZON.NextIntent"),
        ("skip this stretch", "AMAZON.NextIntent"),
        ("done", "AMAZON.StopIntent"),
        ("i'm not sure", "NotSureIntent"),
        ("one more round", "AMAZON.YesIntent"),
        ("how long is the hold", "HowLongIntent"),
        # The choices the skill offers when a session came back unreadable, as it says them.
        ("the stretch routine", "StretchRoutineIntent"),
        ("the foam rolling timer", "FoamRollingTimerIntent"),
        ("the warning sign check", "SymptomCheckIntent"),
    ],
)
def test_the_sessions_words_reach_their_intents(said, intent):
    assert nlu_for("en-US").understand(said).label == intent


def test_every_session_step_can_be_reached_and_named():
    for kind, count in STEP_COUNTS.items():
        for index in range(count):
            assert parse_step(f"{kind}.{index}") == (kind, index)
        assert parse_step(f"{kind}.{count}") is None
    assert topic_reply(BOOK, "check").speech == BOOK.topics["check"].speech
