"""Screens: which APL document shows a reply, and the data it shows.

The documents are JSON files in ``skill/apl/``, read once at import.  A
document's datasource carries what Alexa says (title, speech, question) plus,
for a topic, the list or table behind it: that fixed part (``ScreenPart``) is
made once per locale and topic when the catalogue is built (skill/catalogue.py),
so a request only adds the few strings of the reply itself.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from skill import routines
from skill.catalogue import GUIDE_DOCUMENT

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

    from skill.catalogue import ScreenPart
    from skill.replies import Reply

DOCUMENT_DIR = Path(__file__).resolve().parent / "apl"
DOCUMENTS = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(DOCUMENT_DIR.glob("*.json"))}
DATASOURCE = "payload"  # the one mainTemplate parameter every document takes
TOKEN_PREFIX = "backKnotGuide"


@dataclass(frozen=True)
class Screen:
    document: str  # a file name in skill/apl, without ".json"
    datasources: dict


def _version(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


# Send a document only to devices whose APL runtime can render its version.
DOCUMENT_VERSION = max((document["version"] for document in DOCUMENTS.values()), key=_version)


def supports_apl(envelope: RequestEnvelope) -> bool:
    """Whether the device that sent ``envelope`` can show the documents."""
    system = getattr(getattr(envelope, "context", None), "system", None)
    interfaces = getattr(getattr(system, "device", None), "supported_interfaces", None)
    apl = getattr(interfaces, "alexa_presentation_apl", None)
    if apl is None:
        return False
    max_version = getattr(getattr(apl, "runtime", None), "max_version", None)
    try:
        return max_version is None or _version(max_version) >= _version(DOCUMENT_VERSION)
    except (AttributeError, ValueError):
        return True  # the device says it has APL; an odd version string is no reason to show nothing


def render_directive(reply: Reply, part: ScreenPart) -> RenderDocumentDirective:
    # Imported on first use: the APL models cost ~10 ms of every cold start,
    # and a voice-only device never needs them.
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

    screen = screen_for(reply, part)
    return RenderDocumentDirective(
        token=f"{TOKEN_PREFIX}.{screen.document}",
        document=DOCUMENTS[screen.document],
        datasources=screen.datasources,
    )


def screen_for(reply: Reply, part: ScreenPart) -> Screen:
    """The document for ``reply`` and its datasource: what was said, and what lies behind it."""
    said = {"title": reply.card_title, "text": reply.speech, "prompt": reply.question or ""}
    if part.document == GUIDE_DOCUMENT:
        return guide_screen(reply, part)
    return Screen(part.document, {DATASOURCE: {**part.fixed, **said}})


# -- a step of a guided session (skill/guides.py) ------------------------------------------

PAUSED_PHRASE = "guide_paused"  # a paused routine offers Resume where it offered Pause
# Roughly how fast Alexa speaks (about 160 words a minute): the progress bar starts when the
# words before the first silence are said, so that it fills while Alexa is silent.
WORDS_PER_SECOND = 2.7


def guide_screen(reply: Reply, part: ScreenPart) -> Screen:
    """A guided step: the stretch or question, "step N of M", the hold's progress bar, and buttons.

    ``part`` (from the catalogue) carries the skill's name, the disclaimer and the session's title."""
    kind, index = routines.parse_step(reply.step) or (routines.STRETCH, 0)  # callers pass a step
    start_ms, hold_ms = _hold_timing(reply.timed)
    payload = {
        **part.fixed,
        "title": reply.card_title,
        "text": reply.speech,
        "prompt": reply.question or "",
        "progress": routines.progress(kind, index),
        "hold": hold_ms > 0,
        "holdStartMs": start_ms,
        "holdMs": hold_ms,
        "buttons": routines.buttons(kind, paused=reply.phrase == PAUSED_PHRASE),
    }
    return Screen(GUIDE_DOCUMENT, {DATASOURCE: payload})


def _hold_timing(timed: tuple[str | int, ...]) -> tuple[int, int]:
    """When the hold starts and how long it lasts, in milliseconds: from the first silence to the
    end of the last, the cues said between them included.  (0, 0) for a reply said without pauses."""
    pauses = [i for i, part in enumerate(timed) if not isinstance(part, str)]
    if not pauses:
        return 0, 0

    def duration(parts: tuple[str | int, ...]) -> float:
        return sum(p if isinstance(p, int) else len(p.split()) / WORDS_PER_SECOND for p in parts)

    start = duration(timed[: pauses[0]])
    hold = duration(timed[pauses[0] : pauses[-1] + 1])
    return round(start * 1000), round(hold * 1000)
