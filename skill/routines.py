"""The guided sessions' steps as plain data: which sessions there are, how many steps each has,
how a step is named in the session and on screen, and what each on-screen button stands for.

The conversation (``skill/guides.py``) and the screens (``skill/screens.py``) both read this;
it imports neither, so neither depends on the other through it.
"""

from __future__ import annotations

from skill import content

STRETCH = "stretch"  # the article's three stretches, each held about 30 seconds
FOAM = "foam"  # rounds of foam rolling, about 30 seconds each
CHECK = "check"  # the article's five reasons to see a professional, one yes/no question each

# The article's reasons, in its order: the check's questions.
SIGNS = tuple(entry.id for entry in content.REASONS_TO_SEE_A_PROFESSIONAL)
STEP_COUNTS = {STRETCH: len(content.STRETCHES), FOAM: content.FOAM_ROUNDS, CHECK: len(SIGNS)}

NOT_SURE_INTENT = "NotSureIntent"
EVENT_SOURCE = "guide"  # the first argument every button's SendEvent carries; the second is the action
# What each on-screen button stands for: the intent of the words a person would say instead.
BUTTON_INTENTS = {
    "next": "AMAZON.NextIntent",
    "pause": "AMAZON.PauseIntent",
    "resume": "AMAZON.ResumeIntent",
    "stop": "AMAZON.StopIntent",
    "yes": "AMAZON.YesIntent",
    "no": "AMAZON.NoIntent",
    "unsure": NOT_SURE_INTENT,
}
_ROUTINE_BUTTONS = ("next", "pause", "stop")
_PAUSED_BUTTONS = ("next", "resume", "stop")
_CHECK_BUTTONS = ("yes", "no", "unsure", "stop")


def step_id(kind: str, index: int) -> str:
    """How a step is named in a stored reply: "stretch.0" is the first stretch."""
    return f"{kind}.{index}"


def parse_step(step: object) -> tuple[str, int] | None:
    """The session and index a step id names, or None for anything this skill never writes."""
    if not isinstance(step, str):
        return None
    kind, _, index = step.partition(".")
    if kind not in STEP_COUNTS or index not in {str(i) for i in range(STEP_COUNTS[kind])}:
        return None
    return kind, int(index)


def count_word(number: int) -> str:
    """A small count as a spoken word ("two"): digits in speech are kept to the article's own figures."""
    return content.NUMBER_WORDS[number - 1]


def step_title(kind: str, index: int, locale: str) -> str:
    """The heading of a step's card and screen: the stretch's name, or the session's."""
    if kind == STRETCH:
        name = content.STRETCHES[index]
        return name[0].upper() + name[1:]
    return content.regional(content.GUIDE_TITLES[kind], locale)


def progress(kind: str, index: int) -> str:
    """ "Step 2 of 3", as the screen shows it."""
    return content.GUIDE_PHRASES["guide_progress"].format(number=index + 1, count=STEP_COUNTS[kind])


def buttons(kind: str, paused: bool) -> list[dict[str, str]]:
    """The buttons under a step: the check's answers, or a routine's next, pause (or resume) and stop."""
    actions: tuple[str, ...] = _CHECK_BUTTONS
    if kind != CHECK:
        actions = _PAUSED_BUTTONS if paused else _ROUTINE_BUTTONS
    return [{"label": content.BUTTON_LABELS[action], "action": action} for action in actions]
