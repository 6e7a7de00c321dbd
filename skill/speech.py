"""Turning plain sentences into speech Alexa can say safely."""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape

_TAGS = re.compile(r"<[^>]*>")

# Alexa's limits on what one response may say (a test holds every guided step to them):
# - one <break> lasts at most 10 seconds ("time: ... up to 10 seconds (10s) or 10000 milliseconds"),
#   https://developer.amazon.com/en-US/docs/alexa/custom-skills/speech-synthesis-markup-language-ssml-reference.html#break
#   so a longer silence is said as several breaks in a row;
# - the output speech "must be less than 8000 characters",
#   https://developer.amazon.com/en-US/docs/alexa/custom-skills/best-practice-text-response.html
# - all audio in one response together lasts at most 240 seconds (the same SSML reference, #audio;
#   it was 90 seconds before).  Silence is kept within the older, stricter 90, so that a response stays
#   inside the limit whether or not Alexa counts breaks as audio.
MAX_BREAK_SECONDS = 10
MAX_SSML_CHARACTERS = 8000  # <speak> and </speak> included
MAX_SILENCE_SECONDS = 90


def spoken_list(items: list[str] | tuple[str, ...], conjunction: str = "and") -> str:
    """Join items the way a person says a list: "a, b, and c"."""
    items = list(items)
    if len(items) <= 1:
        return "".join(items)
    if len(items) == 2:
        return f"{items[0]} {conjunction} {items[1]}"
    return f"{', '.join(items[:-1])}, {conjunction} {items[-1]}"


def ssml(text: str) -> str:
    """Plain text as the inside of a <speak> element.

    The SDK adds the <speak> wrapper; everything here is escaped so that a
    stray "&" or "<" in content or a slot value can never break the SSML.
    (``html.escape`` rather than ``xml.sax.saxutils.escape``: the same three
    characters, without the ~15 ms of imports saxutils adds to a cold start.)
    """
    return escape(text, quote=False)


def plain(ssml_text: str) -> str:
    """SSML back to what a listener hears, for logs, cards and the simulator."""
    text = _TAGS.sub("", ssml_text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def timed_ssml(parts: Iterable[str | int]) -> str:
    """Speech with silences in it, as the inside of a <speak> element.

    A string is said (escaped, as in ``ssml``); an integer is that many seconds of
    silence, as <break> tags of at most MAX_BREAK_SECONDS each.  Every pause of a
    guided hold is rendered here, and only here.
    """
    said = []
    for part in parts:
        if isinstance(part, str):
            said.append(ssml(part))
            continue
        seconds = part
        while seconds > 0:
            step = min(seconds, MAX_BREAK_SECONDS)
            said.append(f'<break time="{step}s"/>')
            seconds -= step
    return " ".join(said)
