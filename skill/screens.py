"""Screens: which APL document shows a reply, and the data it shows.

The documents are JSON files in ``skill/apl/``, read once at import.  A
document's datasource carries what Alexa says (title, speech, question) plus,
for a topic, the list or table behind it, built from the content module once
per locale and topic.  Only the few strings of the reply itself are put
together per request.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from skill import content, routines
from skill.topics import MORE_SUFFIX, catalogue_for

if TYPE_CHECKING:
    from ask_sdk_model import RequestEnvelope
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

    from skill.replies import Reply

DOCUMENT_DIR = Path(__file__).resolve().parent / "apl"
DOCUMENTS = {path.stem: json.loads(path.read_text(encoding="utf-8")) for path in sorted(DOCUMENT_DIR.glob("*.json"))}
DATASOURCE = "payload"  # the one mainTemplate parameter every document takes
TOKEN_PREFIX = "backKnotGuide"

RELIEF_TOPIC = "relief"  # shown as a table; other overviews as a numbered list
TABLE_COLUMNS = {"method": "Method", "how": "How to do it"}
METHOD_GROUP = "method"  # topic ids "method.<id>" show how that method is done
NO_POINTS = {"pointsHeading": "", "points": []}


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


def render_directive(reply: Reply, locale: str | None) -> RenderDocumentDirective:
    # Imported on first use: the APL models cost ~10 ms of every cold start,
    # and a voice-only device never needs them.
    from ask_sdk_model.interfaces.alexa.presentation.apl import RenderDocumentDirective

    screen = screen_for(reply, locale)
    return RenderDocumentDirective(
        token=f"{TOKEN_PREFIX}.{screen.document}",
        document=DOCUMENTS[screen.document],
        datasources=screen.datasources,
    )


def screen_for(reply: Reply, locale: str | None) -> Screen:
    """The document for ``reply`` and its datasource: what was said, and what lies behind it."""
    if routines.parse_step(reply.step) is not None:
        return guide_screen(reply, locale)
    catalogue = catalogue_for(locale)
    topic_id = reply.topic if reply.topic in catalogue.topics else None
    document, fixed = _fixed_part(catalogue.locale, topic_id)
    said = {"title": reply.card_title, "text": reply.speech, "prompt": reply.question or ""}
    return Screen(document, {DATASOURCE: {**fixed, **said}})


@cache
def _fixed_part(locale: str, topic_id: str | None) -> tuple[str, dict]:
    """What a screen shows besides the reply's own words, built once per locale and topic.

    Callers pass a known locale and topic (or None), so the cache stays small.
    """
    document, details = _topic_details(locale, topic_id)
    common = {"skill": content.SKILL_NAME, "disclaimer": content.regional(content.DISCLAIMER, locale)}
    return document, {**common, **details}


def _topic_details(locale: str, topic_id: str | None) -> tuple[str, dict]:
    """The document a topic needs and the data behind its speech."""
    if topic_id is None:
        return "answer", NO_POINTS
    topic = catalogue_for(locale).topics[topic_id]
    if topic.id == RELIEF_TOPIC:
        rows = [{"method": entry.title, "how": _how(entry.id, locale)} for entry in topic.entries]
        return "table", {"columns": TABLE_COLUMNS, "rows": rows}
    if topic.entries:
        items = [{"title": e.title, "detail": e.detail if topic.card_details else ""} for e in topic.entries]
        return "list", {"items": items}
    group, _, entry_id = topic_id.removesuffix(MORE_SUFFIX).partition(".")
    if group != METHOD_GROUP:
        return "answer", NO_POINTS
    return "answer", {"pointsHeading": TABLE_COLUMNS["how"], "points": _how(entry_id, locale)}


def _how(method_id: str, locale: str) -> list[dict]:
    return [{"label": label, "text": content.regional(quote, locale)} for label, quote in content.RELIEF_HOW[method_id]]


# -- a step of a guided session (skill/guides.py) ------------------------------------------

GUIDE_DOCUMENT = "guide"
PAUSED_PHRASE = "guide_paused"  # a paused routine offers Resume where it offered Pause
# Roughly how fast Alexa speaks (about 160 words a minute): the progress bar starts when the
# words before the first silence are said, so that it fills while Alexa is silent.
WORDS_PER_SECOND = 2.7


def guide_screen(reply: Reply, locale: str | None) -> Screen:
    """A guided step: the stretch or question, "step N of M", the hold's progress bar, and buttons."""
    kind, index = routines.parse_step(reply.step) or (routines.STRETCH, 0)  # callers pass a step
    catalogue = catalogue_for(locale)
    start_ms, hold_ms = _hold_timing(reply.timed)
    payload = {
        "skill": content.SKILL_NAME,
        "disclaimer": content.regional(content.DISCLAIMER, catalogue.locale),
        "title": reply.card_title,
        "text": reply.speech,
        "prompt": reply.question or "",
        "session": content.regional(content.GUIDE_TITLES[kind], catalogue.locale),
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
