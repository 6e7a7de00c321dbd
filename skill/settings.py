"""Settings both entry points share, read from the environment when asked."""

from __future__ import annotations

from collections.abc import Mapping


def expected_skill_id(environ: Mapping[str, str]) -> str | None:
    """The skill ID requests must carry (ALEXA_SKILL_ID), or None when unset."""
    return (environ.get("ALEXA_SKILL_ID") or "").strip() or None
