"""Fields of a raw request's JSON, read without the SDK (the verifier stays SDK-free)."""

from __future__ import annotations

from typing import Any


def _dict_at(obj: Any, *keys: str) -> Any:
    """Walk nested dicts; any non-dict on the way yields None."""
    for key in keys:
        if not isinstance(obj, dict):
            return None
        obj = obj.get(key)
    return obj


def application_id(envelope: dict) -> Any:
    """The skill a raw request is for."""
    # The session copy is only authoritative when Amazon sent no context.
    if envelope.get("context") is not None:
        return _dict_at(envelope, "context", "System", "application", "applicationId")
    return _dict_at(envelope, "session", "application", "applicationId")
