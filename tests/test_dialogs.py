"""Whole conversations through the webhook, the way a person would have them."""

from helpers import Conversation, slot

from skill.content import DISCLAIMER


def test_launch_question_yes_repeat_stop(chat):
    hello = chat.launch()
    assert DISCLAIMER in hello.speech
    assert hello.speech.endswith("?") and hello.reprompt
    assert not hello.ended

    lump = chat.ask("AMAZON.YesIntent")  # yes to "what the lump usually is"
    assert "myofascial trigger point" in lump.speech

    knot = chat.ask("AMAZON.YesIntent")  # the lump answer offers how a knot forms
    assert "stick together" in knot.speech

    causes = chat.ask("AMAZON.YesIntent")  # which offers the causes
    assert "dehydration" in causes.speech

    again = chat.ask("AMAZON.RepeatIntent")
    assert again.speech == causes.speech
    assert again.reprompt == causes.reprompt

    relief = chat.ask("AMAZON.YesIntent")  # repeat keeps the offer standing
    assert "gentle stretching" in relief.speech

    bye = chat.ask("AMAZON.StopIntent")
    assert bye.ended and "Goodbye" in bye.speech
    assert bye.reprompt is None


def test_red_flag_mid_dialog_sends_to_a_professional(chat):
    chat.launch()
    chat.ask("ReliefIntent")
    flag = chat.ask(
        "RedFlagIntent",
        slot("warningSign", "pins and needles", slot_type="WarningSignType", value_id="NUMBNESS_TINGLING"),
    )
    assert "see a doctor or physical therapist" in flag.speech
    assert "Numbness, tingling or weakness in your legs" in flag.speech
    follow_up = chat.ask("AMAZON.YesIntent")
    assert "dry needling" in follow_up.speech


def test_warning_words_in_any_slot_outrank_the_question(chat):
    chat.launch()
    turn = chat.ask("SymptomsIntent", slot("symptom", "numbness in my leg", slot_type="SymptomType"))
    assert "see a doctor or physical therapist" in turn.speech


def test_one_shot_gets_its_answer_directly(client):
    turn = Conversation(client).ask("StretchingIntent")
    assert "20 to 30 seconds" in turn.speech
    assert "Welcome" not in turn.speech
    assert not turn.ended and turn.reprompt


def test_no_after_an_offer_opens_the_menu_then_no_again_says_goodbye(chat):
    chat.launch()
    declined = chat.ask("AMAZON.NoIntent")
    assert not declined.ended
    assert declined.speech.endswith("What would you like to know?")
    assert chat.attributes["last"]["offer"] is None
    bye = chat.ask("AMAZON.NoIntent")
    assert bye.ended


def test_last_topic_asks_anything_else_and_no_ends(chat):
    last = chat.ask("DoctorTreatmentIntent")
    assert last.reprompt == "Is there anything else you'd like to know?"
    assert chat.ask("AMAZON.NoIntent").ended


def test_yes_with_nothing_offered_explains_what_to_ask(chat):
    chat.ask("DoctorTreatmentIntent")
    turn = chat.ask("AMAZON.YesIntent")
    assert "You can ask" in turn.speech and not turn.ended


def test_repeat_before_anything_was_said(chat):
    turn = chat.ask("AMAZON.RepeatIntent")
    assert "nothing to repeat" in turn.speech and not turn.ended


def test_repeat_survives_tampered_session_attributes(chat):
    chat.launch()
    chat.attributes = {"last": {"speech": ["not", "text"]}, "offer": {"x": 1}}
    turn = chat.ask("AMAZON.RepeatIntent")
    assert "nothing to repeat" in turn.speech
    assert "You can ask" in chat.ask("AMAZON.YesIntent").speech


def test_help_lists_what_can_be_asked_and_keeps_listening(chat):
    turn = chat.ask("AMAZON.HelpIntent")
    assert "when to see a doctor" in turn.speech
    assert turn.reprompt and not turn.ended


def test_cancel_and_go_home_end_the_session(client):
    for name in ("AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"):
        chat = Conversation(client)
        chat.launch()
        assert chat.ask(name).ended


def test_fallback_then_recovery(chat):
    chat.launch()
    lost = chat.ask("AMAZON.FallbackIntent")
    assert "can't help with that" not in lost.speech and not lost.ended
    assert "see a doctor" in lost.speech  # it cannot know whether a warning sign was just said
    assert "myofascial trigger point" in chat.ask("LumpIntent").speech


def test_unknown_intent_gets_a_graceful_answer(chat):
    turn = chat.ask("WeatherIntent")
    assert "didn't catch that" in turn.speech and not turn.ended


def test_session_ended_gets_an_empty_response(chat):
    chat.launch()
    turn = chat.end()
    assert "outputSpeech" not in turn.response


def test_british_locales_say_physiotherapist(client):
    for locale in ("en-GB", "en-AU", "en-IN"):
        turn = Conversation(client, locale=locale).ask("SeeDoctorIntent")
        assert "physiotherapist" in turn.speech and "physical therapist" not in turn.speech


def test_unknown_locale_falls_back_to_us_english(client):
    turn = Conversation(client, locale="fr-FR").ask("MuscleKnotIntent")
    assert "fibers" in turn.speech
