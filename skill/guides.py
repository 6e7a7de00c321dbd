"""Guided sessions: the timed stretch routine, the foam-rolling timer and the warning-sign check.

Where a person is in a session is a ``Guide``: plain JSON in the session, read back like
every other field of the conversation state, so anything this skill did not write starts the
session again with a word of explanation.  ``move`` answers what was said in the light of the
session (a "yes" in the check is a warning sign; in the stretches it is the next stretch), or
returns None for words the session leaves to the rest of the conversation.  A warning sign in
free words is read before any of this (``conversation.reply_to``) and ends the session.

Every step is built from ``skill/content.py``: the stretch is named and timed, never described.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache

from skill import content
from skill.catalogue import Catalogue
from skill.reading import HOW_LONG, STOP, THANKS, Reading
from skill.replies import Reply, phrase_reply, topic_reply
from skill.routines import (
    CHECK,
    FOAM,
    NOT_SURE_INTENT,
    SIGNS,
    STEP_COUNTS,
    STRETCH,
    count_word,
    step_id,
    step_title,
)
from skill.topics import RED_FLAG_GROUP

FIELDS = frozenset({"kind", "step", "paused", "unclear"})
MAX_UNCLEAR = 1  # an unclear answer in the check gets the question again, once
CHECK_TOPIC = "check"  # the topic whose "yes" starts the check (offered after "when should I see a doctor")

YES, NO = "AMAZON.YesIntent", "AMAZON.NoIntent"
NEXT, PREVIOUS, MORE = "AMAZON.NextIntent", "AMAZON.PreviousIntent", "AMAZON.MoreIntent"
PAUSE, RESUME, REPEAT = "AMAZON.PauseIntent", "AMAZON.ResumeIntent", "AMAZON.RepeatIntent"
HELP, START_OVER, FALLBACK = "AMAZON.HelpIntent", "AMAZON.StartOverIntent", "AMAZON.FallbackIntent"
ENDINGS = frozenset({STOP, "AMAZON.CancelIntent", "AMAZON.NavigateHomeIntent"})
DESCRIBE, NEGATIVE = "DescribeIntent", "NegativeStatementIntent"
# Words that only make sense inside a session: said when the session came back unreadable, they
# start it again.  Anything else is answered as usual.
NAVIGATION = frozenset({YES, NO, NEXT, PREVIOUS, MORE, PAUSE, RESUME, NOT_SURE_INTENT})
STARTS = {"StretchRoutineIntent": STRETCH, "FoamRollingTimerIntent": FOAM, "SymptomCheckIntent": CHECK}


@dataclass(frozen=True)
class Guide:
    """Where a person is in a guided session; stored as plain JSON in the session."""

    kind: str  # STRETCH, FOAM or CHECK
    step: int = 0  # the stretch just held, the round just timed, or the question just asked
    paused: bool = False
    unclear: int = 0  # answers in a row the check could not read

    def to_session(self) -> dict:
        return {"kind": self.kind, "step": self.step, "paused": self.paused, "unclear": self.unclear}


Moved = tuple[Reply, Guide | None]  # a reply, and the session after it (None: over)


def read_guide(stored: object) -> tuple[Guide | None, str | None]:
    """The session a request carries back, and what was lost if it could not be read.

    Returns (guide, None) for a session this skill wrote, (None, None) for none at all, and
    (None, kind) for anything else: kind is the session's kind if that much is readable, else "".
    """
    if stored is None:
        return None, None
    kind = stored.get("kind") if isinstance(stored, dict) else None
    known = kind if isinstance(kind, str) and kind in STEP_COUNTS else ""
    if not (known and isinstance(stored, dict) and set(stored) == FIELDS):
        return None, known
    step, paused, unclear = stored["step"], stored["paused"], stored["unclear"]
    if not (
        type(step) is int
        and 0 <= step < STEP_COUNTS[known]
        and type(paused) is bool
        and type(unclear) is int
        and 0 <= unclear <= MAX_UNCLEAR
    ):
        return None, known
    return Guide(known, step, paused, unclear), None


# -- starting ---------------------------------------------------------------------------


def start(kind: str, catalogue: Catalogue) -> tuple[Reply, Guide]:
    """The first step of a session, with its one-line introduction."""
    intro = catalogue.topics[CHECK_TOPIC].speech if kind == CHECK else catalogue.phrases[f"{kind}_intro"]
    return step_at(kind, 0, catalogue, intro), Guide(kind)


def restart(lost: str, catalogue: Catalogue) -> Moved:
    """A session that came back unreadable: say so, and start it again (or offer the sessions)."""
    if lost in STEP_COUNTS:
        return step_at(lost, 0, catalogue, catalogue.phrases["guide_lost"]), Guide(lost)
    return phrase_reply(catalogue, "guide_lost_kind", question_key="guide_menu"), None


# -- the steps --------------------------------------------------------------------------


def step_at(kind: str, index: int, catalogue: Catalogue, lead: str = "") -> Reply:
    """Step ``index`` of a session, as said when the person reaches it (``lead`` said first)."""
    return _question(index, catalogue, lead) if kind == CHECK else step_reply(kind, index, catalogue, lead)


def step_reply(kind: str, index: int, catalogue: Catalogue, lead: str = "") -> Reply:
    """One stretch held, or one round of rolling timed: the words, the silences, and what comes next."""
    phrases = catalogue.phrases
    last = index == STEP_COUNTS[kind] - 1
    if kind == STRETCH:
        opening = phrases["stretch_step"].format(
            number=count_word(index + 1), count=count_word(STEP_COUNTS[STRETCH]), name=content.STRETCHES[index]
        )
        hold, release = content.STRETCH_HOLD_SECONDS, phrases["stretch_release"]
        if last:
            release += " " + phrases["stretch_all_done"].format(count=count_word(STEP_COUNTS[STRETCH]))
    else:
        opening = phrases["foam_press"] if index == 0 else f"{phrases['foam_round']} {phrases['foam_press']}"
        opening = opening.format(number=count_word(index + 1))
        hold, release = content.FOAM_ROUND_SECONDS, phrases["foam_rest"]
        if last:
            release += " " + phrases["foam_all_done"].format(count=count_word(STEP_COUNTS[FOAM]))
    if lead:
        opening = f"{lead} {opening}"
    half = hold // 2
    timed: tuple[str | int, ...] = (opening, half, phrases["halfway"], hold - half, release)
    speech = " ".join(part for part in timed if isinstance(part, str))
    question = phrases["anything_else"] if kind == FOAM and last else question_for(Guide(kind, index), catalogue)
    title = step_title(kind, index, catalogue.locale)
    return Reply(speech, question, title, speech, timed=timed, step=step_id(kind, index))


def question_for(guide: Guide, catalogue: Catalogue) -> str:
    """What a session asks while it waits: go on, pick up again, or the check's question."""
    phrases = catalogue.phrases
    if guide.kind == CHECK:
        return _check_questions(catalogue.locale)[guide.step]
    if guide.kind == FOAM:
        return phrases["foam_resume" if guide.paused else "foam_again"]
    if guide.paused:
        return phrases["stretch_resume"].format(name=content.STRETCHES[guide.step])
    if guide.step + 1 < STEP_COUNTS[STRETCH]:
        return phrases["stretch_next"].format(name=content.STRETCHES[guide.step + 1])
    return phrases["stretch_again"]


def _question(index: int, catalogue: Catalogue, lead: str = "") -> Reply:
    """The check's question ``index``: "Question two of five", then the question itself."""
    number = catalogue.phrases["check_number"].format(
        number=count_word(index + 1), count=count_word(STEP_COUNTS[CHECK])
    )
    speech = f"{lead} {number}" if lead else number
    question = _check_questions(catalogue.locale)[index]
    title = step_title(CHECK, index, catalogue.locale)
    return Reply(speech, question, title, f"{speech} {question}", step=step_id(CHECK, index))


@cache
def _check_questions(locale: str) -> tuple[str, ...]:
    return tuple(content.regional(content.CHECK_QUESTIONS[sign], locale) for sign in SIGNS)


def waiting(key: str, guide: Guide, catalogue: Catalogue, fill: dict[str, str] | None = None) -> Reply:
    """A phrase said mid-session, closed by what the session is waiting for; the step's screen stays."""
    speech = catalogue.phrases[key].format(**fill) if fill else catalogue.phrases[key]
    title = step_title(guide.kind, guide.step, catalogue.locale)
    return Reply(
        speech, question_for(guide, catalogue), title, speech, phrase=key, step=step_id(guide.kind, guide.step)
    )


# -- the moves --------------------------------------------------------------------------


def move(intent: str, found: Reading, guide: Guide, last: Reply | None, catalogue: Catalogue) -> Moved | None:
    """The reply to ``intent`` within ``guide`` and the session after it (None: the session is over),
    or None when the words are not for the session: then the conversation answers them as usual."""
    if intent in ENDINGS:
        return phrase_reply(catalogue, f"{guide.kind}_goodbye", question_key=None), None
    if guide.kind == CHECK:
        return _check_move(intent, found, guide, catalogue)
    return _routine_move(intent, found, guide, last, catalogue)


def _unread(found: Reading) -> bool:
    """Free words that name nothing: no topic, no denied sign, no request in other words."""
    return not (found.topic or found.denied or found.request)


def _routine_move(intent: str, found: Reading, guide: Guide, last: Reply | None, catalogue: Catalogue) -> Moved | None:
    kind = guide.kind
    if intent == PAUSE:
        paused = replace(guide, paused=True)
        return waiting("guide_paused", paused, catalogue), paused
    if intent in (YES, RESUME) and guide.paused:
        return step_reply(kind, guide.step, catalogue), _at(kind, guide.step)
    if intent in (NEXT, MORE, YES, RESUME):
        return _go_on(guide, catalogue, again=intent == YES)
    if intent == REPEAT and kind == FOAM and last is not None and last.step == step_id(kind, guide.step):
        return _go_on(guide, catalogue, again=True)  # "one more time", after a round: another round
    if intent == PREVIOUS:
        index = max(guide.step - 1, 0) if kind == STRETCH else guide.step
        return step_reply(kind, index, catalogue), Guide(kind, index)
    if intent == START_OVER:
        return step_reply(kind, 0, catalogue), Guide(kind)
    if intent == NO or (intent == NEGATIVE and _unread(found)):
        return phrase_reply(catalogue, f"{kind}_finished", question_key="anything_else"), None
    if intent == HOW_LONG:
        text = catalogue.how_long["method.stretching" if kind == STRETCH else "method.massage"]
        return waiting(f"{kind}_how_long", guide, catalogue, {"text": text}), guide
    if intent in (HELP, NOT_SURE_INTENT):
        return waiting("routine_help", guide, catalogue), guide
    if intent == THANKS:
        return waiting("thanks", guide, catalogue), guide
    if intent == FALLBACK or (intent == DESCRIBE and _unread(found)):
        return waiting("fallback", guide, catalogue), guide
    return None


def _go_on(guide: Guide, catalogue: Catalogue, *, again: bool) -> Moved:
    """The next stretch or round; after the last stretch, the routine again ("yes") or the end."""
    kind, following = guide.kind, guide.step + 1
    if following < STEP_COUNTS[kind]:
        return step_reply(kind, following, catalogue), _at(kind, following)
    if again:
        return step_reply(kind, 0, catalogue), Guide(kind)
    return phrase_reply(catalogue, f"{kind}_finished", question_key="anything_else"), None


def _at(kind: str, index: int) -> Guide | None:
    """The session once step ``index`` is said: the foam timer's last round closes it."""
    return None if kind == FOAM and index == STEP_COUNTS[FOAM] - 1 else Guide(kind, index)


def _check_move(intent: str, found: Reading, guide: Guide, catalogue: Catalogue) -> Moved | None:
    sign = SIGNS[guide.step]
    if intent == YES:
        return topic_reply(catalogue, f"{RED_FLAG_GROUP}.{sign}"), None
    if intent == NOT_SURE_INTENT:
        return phrase_reply(catalogue, "check_unsure", offer="doctor"), None
    if found.topic and intent in (DESCRIBE, NEGATIVE):
        return None  # a question about something else: answered as usual, and the check is over
    if intent == NO or (intent in (DESCRIBE, NEGATIVE) and found.denied == (sign,)):
        return _next_question(guide, catalogue)
    if intent == NEGATIVE and not found.denied:
        return _next_question(guide, catalogue)  # "no, not really": the carrier says no
    if intent == PREVIOUS:
        index = max(guide.step - 1, 0)
        return _question(index, catalogue), Guide(CHECK, index)
    if intent == START_OVER:
        return _question(0, catalogue), Guide(CHECK)
    if intent in (PAUSE, RESUME, HELP, HOW_LONG):
        return _question(guide.step, catalogue, _check_lead(intent, catalogue)), guide
    if intent in (FALLBACK, NEXT, MORE, THANKS, DESCRIBE, NEGATIVE) and not found.request:
        return _unclear(guide, catalogue)
    return None


def _check_lead(intent: str, catalogue: Catalogue) -> str:
    """What is said before the question is asked again: "take your time", how to answer, or how long."""
    if intent == PAUSE:
        return catalogue.phrases["check_paused"]
    if intent == HELP:
        return catalogue.phrases["check_help"]
    if intent == HOW_LONG:
        return catalogue.how_long[RED_FLAG_GROUP]
    return ""


def _next_question(guide: Guide, catalogue: Catalogue) -> Moved:
    following = guide.step + 1
    if following < STEP_COUNTS[CHECK]:
        return _question(following, catalogue), Guide(CHECK, following)
    # Every answer was no: none of the article's signs, and when to see someone anyway.
    return phrase_reply(catalogue, "check_clear", offer="relief"), None


def _unclear(guide: Guide, catalogue: Catalogue) -> Moved:
    """Not a yes, a no or "not sure": the question again, once; then the check stops, pointing to a doctor."""
    if guide.unclear >= MAX_UNCLEAR:
        return phrase_reply(catalogue, "check_stopped", offer="see_doctor"), None
    return _question(guide.step, catalogue, catalogue.phrases["check_unclear"]), replace(guide, unclear=1)
