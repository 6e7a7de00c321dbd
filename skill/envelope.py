"""Alexa request envelopes from already-parsed JSON, without re-deriving the SDK's models.

ask-sdk's ``DefaultSerializer.deserialize`` accepts only a JSON string, and
for every object of every request it re-reads the model class's type table:
a regex per "list[...]" type, an ``__import__`` per class name, the attribute
map rebuilt.  The profile showed that as two thirds of a webhook request.
Here each model class's table is read once, and then applied with the same
rules as the SDK, to the dict the webhook has already parsed (so the body is
not parsed twice):

- a ``None`` value stays ``None``;
- ``list[T]`` / ``dict(str, T)`` convert each item to T;
- primitives are cast (``str(x)``, ``int(x)``...); a cast that raises
  TypeError keeps the raw value, as the SDK does;
- ``object`` keeps the raw value; ``datetime`` / ``date`` are parsed;
- enums by value; a model with a discriminator becomes the subclass its
  discriminator names; model fields are set from their JSON names, and any
  unknown key is kept as a plain attribute.

Anything the SDK would refuse raises here too (the caller turns it into a 400).
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Callable
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from ask_sdk_model import RequestEnvelope

Decoder = Callable[[Any], Any]

_NATIVE = {
    "int": int,
    "long": int,
    "float": float,
    "str": str,
    "bool": bool,
    "date": date,
    "datetime": datetime,
    "object": object,
}
_PRIMITIVES = (float, bool, bytes, str, int)
_LIST = re.compile(r"list\[(.*)\]")
_DICT = re.compile(r"dict\(([^,]*), (.*)\)")


def envelope_from_json(data: Any) -> RequestEnvelope:
    """The SDK's RequestEnvelope for parsed JSON; raises on shapes the SDK refuses."""
    return _decode(RequestEnvelope, data)


def _decode(spec: str | type, value: Any) -> Any:
    return None if value is None else _decoder(spec)(value)


@cache
def _decoder(spec: str | type) -> Decoder:
    if isinstance(spec, str):
        return _decoder_for_name(spec)
    if spec in _PRIMITIVES:
        return _primitive(spec)
    if spec is object:
        return _unchanged
    if spec is datetime:
        return _datetime
    if spec is date:
        return lambda value: _datetime(value).date()
    if issubclass(spec, Enum):
        return spec
    if hasattr(spec, "deserialized_types"):
        return _model(spec)
    return _unchanged


def _decoder_for_name(spec: str) -> Decoder:
    if spec.startswith("list["):
        inner = _LIST.match(spec)
        if inner is None:
            return lambda value: []
        item_specs = [part.strip() for part in inner.group(1).split(",")]
        if len(item_specs) > 1:  # a tuple-like list: one type per position
            return lambda value: [_decode(s, v) for v, s in zip(value, item_specs, strict=False)]
        return lambda value: [_decode(item_specs[0], v) for v in value]
    if spec.startswith("dict("):
        inner = _DICT.match(spec)
        if inner is None:
            return lambda value: {}
        item_spec = inner.group(2)
        return lambda value: {k: _decode(item_spec, v) for k, v in value.items()}
    if spec in _NATIVE:
        return _decoder(_NATIVE[spec])
    return _decoder(_class_named(spec))


def _unchanged(value: Any) -> Any:
    return value


def _primitive(cast: type) -> Decoder:
    def convert(value: Any) -> Any:
        try:
            return cast(value)
        except TypeError:
            return value

    return convert


def _datetime(value: Any) -> datetime:
    # Alexa sends ISO 8601, which the standard library reads ~6x faster than
    # dateutil; anything else goes through dateutil exactly as in the SDK.
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    from dateutil.parser import parse  # imported on first need, as the SDK does

    return parse(value)


def _model(cls: type) -> Decoder:
    if hasattr(cls, "get_real_child_model"):
        return _by_discriminator(cls)
    return _fields(cls)


def _fields(cls: Any) -> Decoder:
    types = cls.deserialized_types
    names = {param: getattr(cls, "attribute_map", {}).get(param, param) for param in types}
    fields = tuple((param, key, types[param]) for param, key in names.items())
    known = frozenset(names.values())

    def build(payload: Any) -> Any:
        instance = cls()
        for param, key, spec in fields:
            if key in payload:
                setattr(instance, param, _decode(spec, payload[key]))
        for key in payload:
            if key not in known:
                setattr(instance, key, payload[key])
        return instance

    return build


def _by_discriminator(cls: Any) -> Decoder:
    # Resolved once, as in the SDK: the subclass inherits the discriminator
    # lookup but is not resolved again.
    def build(payload: Any) -> Any:
        name = cls.get_real_child_model(payload)
        if not name:
            raise ValueError(f"unknown {cls.__name__} type")
        return _subclass_fields(name)(payload)

    return build


@cache
def _subclass_fields(name: str) -> Decoder:
    return _fields(_class_named(name))


def _class_named(name: str) -> type:
    module, _, class_name = name.rpartition(".")
    return getattr(importlib.import_module(module), class_name)


class BadEnvelope(ValueError):
    """The body is JSON but not an Alexa request envelope."""


def parse_envelope(body: str | bytes | dict) -> RequestEnvelope:
    """The SDK envelope for a request body, raw or already parsed."""
    try:
        data = body if isinstance(body, dict) else json.loads(body)
        envelope = envelope_from_json(data)
    except Exception:  # bad shapes fail in many ways (types, casts, unknown kinds)
        raise BadEnvelope("not an Alexa request envelope") from None  # the cause quotes request data
    if envelope is None or envelope.request is None:
        raise BadEnvelope("missing request")
    return envelope
