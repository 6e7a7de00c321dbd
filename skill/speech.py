"""Turning plain sentences into speech Alexa can say safely."""

from __future__ import annotations

import re
from html import escape

_TAGS = re.compile(r"<[^>]*>")


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
