"""Every fact the skill says, shows or writes, as data.

All of it comes from one source article, "Why Do I Have a Lump in My Lower
Back After Exercise?" (shared/seed/lower-back-lump-after-exercise.txt),
re-phrased for the ear.  Handlers, cards, screens and the simulator read
from here; nothing else states a fact.

Text is written in US English.  Other English locales are served through
``for_locale``, which swaps the few words that differ.
"""

from __future__ import annotations

from dataclasses import dataclass

SKILL_NAME = "Back Knot Guide"

DISCLAIMER = "This is educational information, not medical advice."

MANIFEST_DISCLAIMER = (
    "Back Knot Guide gives educational information only. It is not a "
    "substitute for professional medical advice, diagnosis or treatment."
)

# The skill's listing in the Alexa Skills Store (skill.json), per locale
# through ``regional``.
STORE_SUMMARY = (
    "Short spoken answers about a lump in your lower back after exercise: "
    "causes, symptoms, relief, and when to see a doctor."
)
STORE_DESCRIPTION = (
    "Found a tender lump in your lower back after a workout? Back Knot Guide "
    "explains, in short spoken answers, what such a lump usually is, why it "
    "forms, the symptoms that go with it, how to ease it with stretching, "
    "foam rolling, heat or ice, water and rest, how to prevent it, and when "
    "to see a doctor or physical therapist. On Echo Show every answer also "
    "appears on screen, with the relief methods as a table. Any warning sign, "
    "such as numbness or tingling in your legs, sends you to a professional. "
    "The skill never diagnoses and collects no personal information. "
) + MANIFEST_DISCLAIMER
STORE_KEYWORDS = (
    "lower back",
    "back pain",
    "muscle knot",
    "trigger point",
    "lump",
    "exercise",
    "workout recovery",
    "stretching",
    "foam rolling",
    "fitness",
)


@dataclass(frozen=True)
class Entry:
    """One named fact in a list: a cause, symptom, method or warning sign."""

    id: str
    name: str  # short form, read inside a spoken list
    title: str  # heading on a card or screen
    detail: str  # the answer when someone asks about this one
    more: str | None = None  # what "tell me more" or "why" adds to the detail


@dataclass(frozen=True)
class Topic:
    """One answerable piece of the article."""

    id: str
    title: str
    speech: str  # what Alexa says, plain text (escaped into SSML later)
    invite: str  # the yes/no question that offers this topic
    offer: str | None  # the topic a "yes" after this answer leads to
    entries: tuple[Entry, ...] = ()  # the list behind an overview
    card_details: bool = True  # False where the speech already says it all
    more: str | None = None  # the topic "tell me more" leads to (overviews lead to their first entry)


CAUSES = (
    Entry(
        "overuse",
        "overuse",
        "Overuse or repetitive strain",
        "Exercises that load your lower back again and again, like deadlifts, squats or rowing, can lead to "
        "knots when you don't rest enough.",
        "Exercise stresses your muscles, which is normal. But sometimes muscle fibers stick together and stay "
        "tight instead of relaxing.",
    ),
    Entry(
        "poor_form",
        "poor posture or form",
        "Poor posture or form",
        "Poor posture or form during exercise can lead to knots.",
        "Poor technique puts extra stress on certain muscles. That makes them more likely to tighten and knot.",
    ),
    Entry(
        "dehydration",
        "dehydration",
        "Dehydration",
        "Not drinking enough water can lead to knots.",
        "Muscles need enough water to work well and stay flexible. Without it they can cramp, and knots can form.",
    ),
    Entry(
        "no_warm_up",
        "skipping your warm-up or cool-down",
        "No warm-up or cool-down",
        "Skipping your warm-up or cool-down raises the risk of knots.",
        "Without a warm-up, your muscles aren't ready for the work. Without a cool-down, they may not relax "
        "properly afterwards.",
    ),
    Entry(
        "muscle_imbalance",
        "muscle imbalances",
        "Muscle imbalances",
        "Muscle imbalances can lead to knots in your lower back.",
        "When some muscles are stronger or tighter than others, you make up for it with movements that strain "
        "your lower back.",
    ),
    Entry(
        "stress",
        "stress and tension",
        "Stress and tension",
        "Stress and tension can make knots more likely.",
        "Mental stress can turn into physical tension, often in the neck, shoulders and lower back. That makes "
        "knots more likely when you exercise.",
    ),
)

SYMPTOMS = (
    Entry(
        "local_pain",
        "pain at the spot",
        "Localized pain",
        "You may feel a dull ache or a sharp pain right where the knot is.",
    ),
    Entry(
        "tenderness",
        "tenderness",
        "Tenderness",
        "The lump can feel very sensitive when you touch it.",
    ),
    Entry(
        "referred_pain",
        "pain that spreads",
        "Referred pain",
        "Pain can spread to other places, like your buttocks or down your leg. If your leg goes numb or "
        "tingles, though, see a professional.",
    ),
    Entry(
        "stiffness",
        "stiffness",
        "Stiffness",
        "Your lower back may feel stiff, with less flexibility and movement.",
    ),
    Entry(
        "weakness",
        "weakness",
        "Muscle weakness",
        "The muscles around the knot may feel weaker than usual. Weakness in your legs, though, is a reason to "
        "see a professional.",
    ),
)

RELIEF_METHODS = (
    Entry(
        "stretching",
        "gentle stretching",
        "Gentle stretching",
        "Stretch your lower back slowly. Hold each stretch for 20 to 30 seconds, without bouncing.",
        "Good stretches to try are child's pose, cat-cow, and gentle lumbar rotations.",
    ),
    Entry(
        "massage",
        "foam rolling or massage",
        "Foam rolling and massage",
        "Press gently on the knot with a foam roller, a massage ball or your hands. Roll or press for 30 to 60 "
        "seconds, and repeat several times.",
        "A professional massage can help too.",
    ),
    Entry(
        "heat_or_ice",
        "heat or ice",
        "Heat and cold",
        "A warm compress or heating pad brings blood flow and relaxes the muscle. An ice pack reduces "
        "inflammation and numbs the area if the pain is acute.",
    ),
    Entry(
        "hydration",
        "water",
        "Hydration",
        "Drink plenty of water through the day, especially before, during and after exercise. It helps your "
        "muscles work and stay flexible.",
    ),
    Entry(
        "rest",
        "rest",
        "Rest",
        "Give your muscles time to recover. Avoid hard activities that make the knot worse until it's gone.",
    ),
    Entry(
        "form",
        "good form",
        "Proper form and posture",
        "Focus on good posture and exercise technique. A trainer can guide you on exercises that work your lower back.",
    ),
)

# The article's reasons to see a professional.  Names are "if" clauses; a
# detail names the sign as heard, and opens the reply that sends them on.
REASONS_TO_SEE_A_PROFESSIONAL = (
    Entry(
        "lump_changes",
        "if the lump is very painful, lasting or growing",
        "A lump that is very painful, lasting or growing",
        "A lump that is very painful, won't go away, or keeps growing",
    ),
    Entry(
        "nerve_signs",
        "if your legs feel numb, tingly or weak",
        "Numbness, tingling or leg weakness",
        "Numbness, tingling or weakness in your legs",
    ),
    Entry(
        "severe_pain",
        "if the pain is severe or disrupts daily life",
        "Severe pain",
        "Pain that is severe or gets in the way of daily life",
    ),
    Entry(
        "other_growth",
        "if it might be a cyst or a hernia",
        "It may be something else",
        "A lump that might be a cyst, a hernia or another growth",
    ),
    Entry(
        "no_relief",
        "if self-care hasn't helped after a few days or weeks",
        "No relief from self-care",
        "No relief from self-care after a few days or weeks",
    ),
)

# The guided sessions' names (skill/guides.py); the check is offered as a topic, too.
GUIDE_TITLES = {"stretch": "Stretch routine", "foam": "Foam rolling timer", "check": "Warning-sign check"}

TOPICS = (
    Topic(
        "lump",
        "That lump in your lower back",
        "A lump in your lower back after exercise is most often a muscle knot, also called a myofascial "
        "trigger point. I can't tell what yours is, though.",
        "Want to hear what the lump usually is?",
        "knot",
        more="knot",
    ),
    Topic(
        "knot",
        "Muscle knots",
        "Exercise stresses your muscles. Sometimes muscle fibers stick together instead of staying flexible, "
        "and tighten into a tender lump. Knots are common in the lower back after activity.",
        "Want to hear how a knot forms?",
        "causes",
        more="causes",
    ),
    Topic(
        "causes",
        "Common causes after exercise",
        "Common causes are {list}.",
        "Want to hear what causes it?",
        "relief",
        CAUSES,
    ),
    Topic(
        "symptoms",
        "Symptoms to look for",
        "Besides the lump, you might notice {list}.",
        "Want to hear the symptoms that often come with it?",
        "relief",
        SYMPTOMS,
    ),
    Topic(
        "relief",
        "Ways to find relief",
        "Most knots ease with self-care. You can try {list}.",
        "Want to hear how to relieve it?",
        "method.stretching",
        RELIEF_METHODS,
    ),
    Topic(
        "prevention",
        "Preventing knots",
        "To help prevent knots, warm up before exercise and cool down after. Use good form, drink plenty of "
        "water, and give your muscles time to recover.",
        "Want to hear how to prevent it?",
        "see_doctor",
    ),
    Topic(
        "see_doctor",
        "When to see a professional",
        "Most knots ease with self-care. But see a doctor or physical therapist {list}.",
        "Want to hear when to see a doctor?",
        "check",
        REASONS_TO_SEE_A_PROFESSIONAL[:2],
        card_details=False,
        more="see_doctor.rest",
    ),
    Topic(
        "see_doctor.rest",
        "More reasons to see a professional",
        "Also see one {list}.",
        "Want to hear the other reasons to see someone?",
        "doctor",
        REASONS_TO_SEE_A_PROFESSIONAL[2:],
        card_details=False,
    ),
    # The warning-sign check, offered after "when should I see a doctor": a "yes" starts it
    # (skill/guides.py asks the questions; this is its one-line introduction).
    Topic(
        "check",
        GUIDE_TITLES["check"],
        "Let's go through the five warning signs, one at a time. Say yes, no, or not sure.",
        "Want to go through the warning signs together?",
        None,
    ),
    Topic(
        "doctor",
        "What a professional can do",
        "A doctor or physical therapist can find out what's causing the lump and suggest treatment. That may "
        "include physical therapy, dry needling, or other options.",
        "Want to hear what a professional may do?",
        None,
    ),
)

# Topic ids for one entry are "<group>.<entry id>", e.g. "cause.overuse".
# Each group is a list a person can walk with "next" and "go back"; the topic
# is where a "yes" leads after its entries (None: on to the next entry).
ENTRY_GROUPS = {
    "cause": (CAUSES, "prevention"),
    "symptom": (SYMPTOMS, "relief"),
    "method": (RELIEF_METHODS, None),  # methods chain to the next method
    "red_flag": (REASONS_TO_SEE_A_PROFESSIONAL, "doctor"),
}
# The overview that introduces each walkable list ("go back" from its first entry).
GROUP_OVERVIEWS = {"cause": "causes", "symptom": "symptoms", "method": "relief", "red_flag": "see_doctor"}

# A warning sign, heard in any words: name it and send them on.  Never a diagnosis.
RED_FLAG_SPEECH = "{detail} is a reason to see a doctor or physical therapist. They can find out what's causing it."
# The warning signs as short nouns, for the "denied" phrase.
DENIED_NAMES = {
    "lump_changes": "change in the lump",
    "nerve_signs": "numbness, tingling or weakness in your legs",
    "severe_pain": "severe pain",
    "other_growth": "sign of another growth",
    "no_relief": "trouble getting relief",
}

# Short follow-ups ("how long?"), read in the context of the last answer:
# the topic (or group, for any entry of it) just heard -> the answer.
HOW_LONG = {
    "method.stretching": "Hold each stretch for 20 to 30 seconds, without bouncing.",
    "method.massage": "Roll or press for 30 to 60 seconds, and repeat several times.",
    "method.rest": "Avoid hard activities that make the knot worse until it's gone.",
    "see_doctor": "See a doctor or physical therapist if self-care hasn't helped after a few days or weeks.",
    "red_flag": "See a doctor or physical therapist if self-care hasn't helped after a few days or weeks.",
    None: "Hold a stretch for 20 to 30 seconds. Roll or press a knot for 30 to 60 seconds, and repeat several times.",
}

# How each relief method is done, for the relief table on screens: labelled
# quotations of the method's own words, so the table states nothing new.
# Every quotation must appear word for word in the detail or its "more" (a test checks).
RELIEF_HOW = {
    "stretching": (
        ("Hold", "20 to 30 seconds, without bouncing"),
        ("Try", "child's pose, cat-cow, and gentle lumbar rotations"),
    ),
    "massage": (
        ("Use", "a foam roller, a massage ball or your hands"),
        ("Time", "30 to 60 seconds, and repeat several times"),
        ("Also", "A professional massage can help too"),
    ),
    "heat_or_ice": (
        ("Heat", "A warm compress or heating pad brings blood flow and relaxes the muscle"),
        ("Ice", "An ice pack reduces inflammation and numbs the area if the pain is acute"),
    ),
    "hydration": (("Drink", "plenty of water through the day, especially before, during and after exercise"),),
    "rest": (("Avoid", "hard activities that make the knot worse until it's gone"),),
    "form": (
        ("Focus", "good posture and exercise technique"),
        ("Ask", "A trainer can guide you on exercises that work your lower back"),
    ),
}

# Words Alexa says around a list walk and other moves.
ENTRY_INVITES = {
    "method.stretching": "Want to hear how to stretch it?",
    "method.massage": "Want to hear about foam rolling and massage?",
    "method.heat_or_ice": "Want to hear whether to use heat or ice?",
    "method.hydration": "Want to hear how water helps?",
    "method.rest": "Want to hear about rest?",
    "method.form": "Want to hear about form and posture?",
}

# -- guided sessions (skill/guides.py) -----------------------------------------
# The article's stretches, held for the top of its 20 to 30 seconds; its foam
# rolling, pressed for the bottom of its 30 to 60 seconds, "repeating several
# times"; and its five reasons to see a professional, asked one at a time.  A
# stretch is named and timed, never described: the article gives no technique.
STRETCHES = ("child's pose", "cat-cow", "gentle lumbar rotations")
STRETCH_HOLD_SECONDS = 30
FOAM_ROUND_SECONDS = 30
FOAM_ROUNDS = 5  # "several times": the timer offers one more round up to this many
# Numbers are said as words: a digit in speech could state a figure the article does not give.
NUMBER_WORDS = ("one", "two", "three", "four", "five")
# One plain yes/no question per reason to see a professional, in the article's order.
CHECK_QUESTIONS = {
    "lump_changes": "Is the lump very painful, or is it lasting or growing?",
    "nerve_signs": "Do your legs feel numb, tingly or weak?",
    "severe_pain": "Is the pain severe, or does it get in the way of daily life?",
    "other_growth": "Do you think it might be something other than a knot, like a cyst or a hernia?",
    "no_relief": "Have you tried self-care for a few days or weeks without relief?",
}
# What the on-screen buttons say, by the action each one sends.
BUTTON_LABELS = {
    "next": "Next",
    "pause": "Pause",
    "resume": "Resume",
    "stop": "Stop",
    "yes": "Yes",
    "no": "No",
    "unsure": "Not sure",
}
GUIDE_PHRASES = {
    "stretch_intro": "Let's stretch. I'll time each hold for about 30 seconds.",
    "stretch_step": "Stretch {number} of {count}: {name}. Stretch slowly, and hold it without bouncing.",
    "halfway": "Halfway.",
    "stretch_release": "And release.",
    "stretch_all_done": "That's all {count} stretches.",
    "stretch_next": "Ready for the next one, {name}?",
    "stretch_again": "Want to go through them again?",
    "stretch_resume": "Want to pick up with {name}?",
    "stretch_finished": "Nice work. We'll stop the stretches there.",
    "stretch_goodbye": "Nice work with the stretches. Take care of your back. Goodbye.",
    "stretch_how_long": "{text} I time about 30 seconds for each.",
    "foam_intro": "Let's time your foam rolling. Use a foam roller, a massage ball or your hands.",
    "foam_round": "Round {number}.",
    "foam_press": "Roll or press gently on the knot, starting now.",
    "foam_rest": "And rest.",
    "foam_all_done": "That's {count} rounds. Nice work.",
    "foam_again": "One more round?",
    "foam_resume": "Want to pick up the round?",
    "foam_finished": "Nice work. Well done for looking after your back.",
    "foam_goodbye": "Nice work. Well done for looking after your back. Goodbye.",
    "foam_how_long": "{text} Each round here is 30 seconds.",
    "check_number": "Question {number} of {count}.",
    # "Not sure" is a reason to see someone, too: the check never guesses on a person's behalf.
    "check_unsure": "If you're not sure, that's reason enough to see a doctor or physical therapist. They can "
    "find out what's causing it.",
    # All five answered no: the article's signs are absent, and that is all it says.  Never "you're fine".
    "check_clear": "From what you've said, none of the five warning signs apply. Most knots ease with self-care. "
    "If yours hasn't eased after a few days or weeks, see a doctor or physical therapist.",
    "check_unclear": "Sorry, I need a yes, a no, or not sure.",
    "check_stopped": "Let's leave the questions there. If any warning sign applies, or you're not sure, please see "
    "a doctor or physical therapist.",
    "check_goodbye": "Okay, we'll stop there. If something feels seriously wrong, please see a doctor. Goodbye.",
    "guide_paused": "Okay, paused.",
    "check_paused": "Okay, take your time.",
    "routine_help": "You can say next, go back, repeat, pause, how long, or stop.",
    "check_help": "Just answer yes, no, or not sure. You can also say go back, or stop.",
    "guide_lost": "Sorry, I lost my place, so let's start again.",
    "guide_lost_kind": "Sorry, I lost my place in that.",
    # Each choice is said as its session's own name, which starts it ("the stretch routine").
    "guide_menu": "Would you like the stretch routine, the foam rolling timer, or the warning-sign check?",
    "unknown_button": "Sorry, that button didn't work.",
    # What the screen shows above a step: "step N of M", as the person can see it.
    "guide_progress": "Step {number} of {count}",
}

# Conversation lines that are not facts but still belong in one place.
PHRASES = {
    "welcome": f"Welcome to {SKILL_NAME}. {DISCLAIMER} I can help with a lower back lump after exercise.",
    "help": "You can ask what the lump is, its causes or symptoms, how to relieve or prevent it, or when to see "
    "a doctor. Say next or go back to move through a list.",
    "what_else": "What would you like to know?",
    "anything_else": "Is there anything else you'd like to know?",
    "declined": "All right. You can ask about causes, symptoms, relief, prevention, or when to see a doctor.",
    "goodbye": "Take care of your back. Goodbye.",
    # AMAZON.FallbackIntent carries no words: the skill cannot know whether a
    # warning sign was just said, so the reply always points to a doctor.
    "fallback": "I didn't catch that. If something feels seriously wrong, please see a doctor.",
    "fallback_question": "What would you like: what a knot is, relief, or warning signs?",
    "menu": "Here's what I can do: explain the lump, its causes and symptoms, relief, prevention, and when to "
    "see a doctor.",
    "menu_question": "Which would you like?",
    "unrelated": "I'm not sure that's about a back knot. If something feels seriously wrong, please see a doctor.",
    "serious": "I can't advise on that. Please contact a doctor, and if it feels like an emergency, call your "
    "local emergency number.",
    "unmatched_value": "I don't have details on that one.",
    "nothing_to_repeat": "There's nothing to repeat yet.",
    # A warning sign said to be absent: acknowledge it, diagnose nothing.
    "denied": "Thanks, noted: no {name}. If that changes, please see a doctor or physical therapist.",
    "noted": "Okay, noted. If that changes, please see a doctor or physical therapist.",
    "sign_stands": "Okay. You mentioned a warning sign earlier, so please still see a doctor or physical therapist.",
    "improving": "Good to hear it's easing. If it stops getting better, grows or keeps hurting, please see a "
    "doctor or physical therapist.",
    "how_long": "{text}",
    # Asked how long for heat, ice, water or form: the article gives no time, so none is made up.
    "no_set_time": "There's no set time for that.",
    "thanks": "You're welcome. I'm here whenever your back needs it.",
    "start_over": "Okay, from the top. I can explain a lower back lump after exercise, how to ease it, and when "
    "to see a doctor.",
    "end_of_list": "That was the last one.",
    "start_of_list": "That's the first one.",
    "nothing_more": "That's all I have on that.",
    "paused": "Okay, take your time.",
    "ready": "Ready to go on?",
    "error": "Sorry, something went wrong on my side.",
    **GUIDE_PHRASES,
}

# Card titles for answers that are not topics.
CARD_TITLES = {
    "default": SKILL_NAME,
    "help": "What you can ask",
    "menu": "What you can ask",
    "serious": "Please contact a doctor",
}

# Where other English locales differ from US English in the text above (and
# in the interaction model, which tooling/locales.py derives from en-US).
# Canada keeps "-ize" but says "physiotherapist" and spells "fibre" and "tumour".
_COMMONWEALTH_WORDS = {
    "physical therapist": "physiotherapist",
    "physical therapy": "physiotherapy",
    "fibers": "fibres",
    "tumor": "tumour",
}
_REGIONAL_WORDS = {
    "en-GB": {**_COMMONWEALTH_WORDS, "Localized": "Localised", "localized": "localised"},
    "en-CA": _COMMONWEALTH_WORDS,
}
_REGIONAL_WORDS["en-AU"] = _REGIONAL_WORDS["en-GB"]
_REGIONAL_WORDS["en-IN"] = _REGIONAL_WORDS["en-GB"]

LOCALES = ("en-US", "en-GB", "en-CA", "en-AU", "en-IN")
DEFAULT_LOCALE = "en-US"


def regional(text: str, locale: str) -> str:
    """Return ``text`` in the spelling and words of ``locale``."""
    for us_word, local_word in _REGIONAL_WORDS.get(locale, {}).items():
        text = text.replace(us_word, local_word)
    return text
