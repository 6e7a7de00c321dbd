"""Fuzzing the webhook: whatever arrives, the answer is a 2xx or a 4xx, never a crash.

Verification is off so that parsing and the skill itself are reached; the
signature checks have their own attack matrix in test_verification.py.
`make test` runs a bounded, derandomised set of examples; `make fuzz` runs
the same tests with at least 10,000 examples each (FUZZ_PROFILE=long).
"""

from __future__ import annotations

import copy
import json
import logging
import os
import xml.etree.ElementTree as ET
from contextlib import contextmanager

import pytest
from helpers import SKILL_ID, envelope, intent_request, launch_request, session_ended_request
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skill.content import LOCALES
from skill.conversation import HISTORY, LAST_REPLY, MISSES, MOVES
from skill.topics import INTENT_ROUTES, SLOT_VALUE_TOPICS
from skill.web.app import create_app
from skill.web.config import Config

_COMMON: dict = dict(  # noqa: C408  (keyword names read as the settings they are)
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
settings.register_profile("ci", max_examples=300, derandomize=True, **_COMMON)
settings.register_profile("long", max_examples=10_000, **_COMMON)
FUZZ = settings.get_profile(os.environ.get("FUZZ_PROFILE", "ci"))

SMALL_LIMIT = 1024  # the smallest body limit Config accepts
ANSWERED = {200, 400, 413, 415}

# -- strategies ---------------------------------------------------------------

# Odd unicode on purpose: control characters, right-to-left marks, emoji,
# combining marks, noncharacters. Lone surrogates arrive as JSON escapes below.
odd_text = st.text(st.characters(codec="utf-8"), max_size=40) | st.sampled_from(
    ["", " ", "\u202eevil", "\ufeff", "\u0000", "e\u0301", "\U0001f4a9" * 3, "\uffff", "<speak>", "&amp;<"]
)
json_scalars = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | odd_text
json_values = st.recursive(
    json_scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(odd_text, inner, max_size=5),
    max_leaves=25,
)
huge_text = st.integers(min_value=1_000, max_value=120_000).map(lambda n: "x" * n)
intent_names = st.sampled_from(sorted(MOVES)) | odd_text
slot_names = st.sampled_from(sorted({*(r.slot for r in INTENT_ROUTES.values() if r.slot), "description"})) | odd_text
value_ids = st.sampled_from(sorted({i for ids in SLOT_VALUE_TOPICS.values() for i in ids})) | odd_text
request_types = (
    st.sampled_from(
        [
            "LaunchRequest",
            "IntentRequest",
            "SessionEndedRequest",
            "CanFulfillIntentRequest",
            "System.ExceptionEncountered",
            "AlexaSkillEvent.SkillEnabled",
            "Alexa.Presentation.APL.UserEvent",
            "Messaging.MessageReceived",
            "Connections.Response",
        ]
    )
    | odd_text
)


@st.composite
def slots(draw) -> dict:
    """A slot the way Alexa may fill it: no value, a value, matched or not."""
    name = draw(slot_names)
    filled: dict = {"name": name, "confirmationStatus": "NONE"}
    value = draw(st.none() | odd_text | huge_text)
    if value is not None:
        filled["value"] = value
    code = draw(st.sampled_from([None, "ER_SUCCESS_MATCH", "ER_SUCCESS_NO_MATCH", "ER_ERROR_TIMEOUT"]))
    if code:
        resolution: dict = {"authority": f"amzn1.er-authority.echo-sdk.{SKILL_ID}.T", "status": {"code": code}}
        if code == "ER_SUCCESS_MATCH":
            ids = draw(st.lists(value_ids, max_size=2))
            resolution["values"] = [{"value": {"name": value or "", "id": i}} for i in ids]
        filled["resolutions"] = {"resolutionsPerAuthority": [resolution]}
    return {name: filled}


@st.composite
def session_attributes(draw) -> dict:
    """What a client may send back as 'state': often garbage, sometimes near-valid."""
    attributes = draw(st.dictionaries(odd_text, json_values, max_size=4))
    if draw(st.booleans()):
        attributes[HISTORY] = draw(
            json_values | st.lists(st.sampled_from(["lump", "cause.stress", "nope"]), max_size=7)
        )
    if draw(st.booleans()):
        attributes[MISSES] = draw(json_values | st.integers(min_value=-3, max_value=12))
    if draw(st.booleans()):
        fields = ("speech", "question", "card_title", "card_text", "offer", "topic", "phrase")
        last = {k: draw(json_values | odd_text | st.sampled_from(["lump", "red_flag.severe_pain"])) for k in fields}
        if draw(st.booleans()):
            last[draw(odd_text)] = draw(json_values)
        attributes[LAST_REPLY] = draw(st.just(last) | json_values)
    return attributes


@st.composite
def well_formed_envelopes(draw) -> dict:
    """Envelopes whose shape is Alexa's; names, values, locale and state are not."""
    locale = draw(st.sampled_from(sorted(LOCALES)) | odd_text)
    kind = draw(st.sampled_from(["launch", "intent", "ended"]))
    if kind == "intent":
        slot_map: dict = {}
        for item in draw(st.lists(slots(), max_size=3)):
            slot_map.update(item)
        request = intent_request(draw(intent_names), slot_map, locale)
    elif kind == "launch":
        request = launch_request(locale)
    else:
        request = session_ended_request(draw(st.sampled_from(["USER_INITIATED", "ERROR", "EXCEEDED_MAX_REPROMPTS"])))
    return envelope(request, attributes=draw(session_attributes()), new=draw(st.booleans()))


def _paths(node, prefix=()):
    """Every (container, key) in a JSON tree, so a mutation can reach any of them."""
    items = node.items() if isinstance(node, dict) else enumerate(node) if isinstance(node, list) else ()
    for key, child in items:
        yield node, key
        yield from _paths(child, (*prefix, key))


@st.composite
def mutated_envelopes(draw) -> dict:
    """A well-formed envelope with a few fields replaced by wrong types, or removed."""
    # A copy: the builders share module-level dicts that other tests rely on.
    body = copy.deepcopy(draw(well_formed_envelopes()))
    for _ in range(draw(st.integers(1, 4))):
        places = list(_paths(body))
        if not places:
            break
        container, key = draw(st.sampled_from(places))
        if draw(st.booleans()):
            container[key] = draw(json_values | huge_text)
        elif isinstance(container, dict):
            del container[key]
    return body


def _nested_json(depth: int, leaf: object) -> str:
    """JSON text nesting ``leaf`` ``depth`` containers deep (json.dumps itself would recurse)."""
    opening = "".join('{"k":' if level % 2 else "[" for level in range(depth))
    closing = "".join("}" if level % 2 else "]" for level in reversed(range(depth)))
    return opening + json.dumps(leaf) + closing


# -- helpers ------------------------------------------------------------------


@pytest.fixture(scope="module")
def client():
    return create_app(Config(skill_id=SKILL_ID, verify=False)).test_client()


@pytest.fixture(scope="module")
def small_client():
    return create_app(Config(skill_id=SKILL_ID, verify=False, max_body_bytes=SMALL_LIMIT)).test_client()


class _Records(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextmanager
def errors_logged():
    """ERROR records from the skill: the app's and the skill's last-resort handlers log there."""
    handler = _Records()
    logger = logging.getLogger("skill")
    logger.addHandler(handler)
    try:
        yield handler.records
    finally:
        logger.removeHandler(handler)


def post(client, data, content_type="application/json"):
    if not isinstance(data, (bytes, str)):
        data = json.dumps(data)
    reply = client.post("/alexa", data=data, content_type=content_type)
    assert reply.status_code in ANSWERED, (reply.status_code, reply.data[:200])
    answer = reply.get_json()
    assert isinstance(answer, dict)
    if reply.status_code != 200:
        assert set(answer) == {"error"} and 0 < len(answer["error"]) <= 80
    return reply.status_code, answer


def assert_no_crash(records):
    crashes = [r.getMessage() for r in records]
    assert not crashes, crashes


# -- the fuzz tests -----------------------------------------------------------


@FUZZ
@given(json_values)
def test_any_json_gets_an_answer(client, value):
    with errors_logged() as records:
        post(client, value)
    assert_no_crash(records)


@FUZZ
@given(st.binary(max_size=600) | odd_text.map(lambda s: '{"request": "' + s + '\\ud800"}'))
def test_any_bytes_get_an_answer(client, raw):
    with errors_logged() as records:
        post(client, raw)
    assert_no_crash(records)


@FUZZ
@given(well_formed_envelopes())
def test_well_formed_envelopes_are_answered_with_valid_speech(client, body):
    data = json.dumps(body).encode()
    with errors_logged() as records:
        status, answer = post(client, data)
    assert_no_crash(records)
    if len(data) > Config.max_body_bytes:  # three huge slot values can pass the limit
        assert status == 413
        return
    request = body["request"]
    if request["type"] == "SessionEndedRequest":
        assert status == 200 and "outputSpeech" not in answer["response"]
        return
    assert status == 200, answer
    speech = answer["response"]["outputSpeech"]["ssml"]
    assert ET.fromstring(speech).tag == "speak"  # escaped, so it parses
    if not answer["response"].get("shouldEndSession"):
        assert answer["response"]["reprompt"]["outputSpeech"]["ssml"]


@FUZZ
@given(mutated_envelopes())
def test_envelopes_with_wrong_types_or_missing_fields_get_an_answer(client, body):
    with errors_logged() as records:
        post(client, body)
    assert [r.getMessage() for r in records if r.name == "skill.web.app"] == []


@FUZZ
@given(st.integers(min_value=1, max_value=3000), json_values, st.sampled_from(["attributes", "slot"]))
def test_deep_nesting_gets_an_answer(client, depth, leaf, where):
    if where == "slot":
        body = envelope(intent_request("CausesIntent", {"cause": {"name": "cause", "value": "@"}}))
    else:
        body = envelope(launch_request(), attributes={"deep": "@"})
    text = json.dumps(body).replace('"@"', _nested_json(depth, leaf))
    with errors_logged() as records:
        post(client, text)
    assert_no_crash(records)


@FUZZ
@given(st.integers(min_value=0, max_value=4 * SMALL_LIMIT), st.sampled_from([b" ", b"x", b"\xff", b"{"]))
def test_bodies_over_the_limit_get_413(small_client, size, filler):
    body = json.dumps(envelope(launch_request())).encode()
    body = body + filler * max(0, size - len(body))
    status, answer = post(small_client, body)
    if len(body) > SMALL_LIMIT:
        assert (status, answer) == (413, {"error": "request body too large"})
    else:
        assert status != 413


# -- regressions found by fuzzing -----------------------------------------------


@pytest.mark.parametrize("depth", [50, 100, 500])
def test_deeply_nested_session_attributes_are_refused_not_crashed(client, depth):
    # ask-sdk deep-copies session attributes recursively; ~500 levels used to
    # raise RecursionError inside the skill, caught only by the last resort.
    text = json.dumps(envelope(launch_request(), attributes={"deep": "@"}))
    text = text.replace('"@"', _nested_json(depth, None))
    with errors_logged() as records:
        status, answer = post(client, text)
    assert_no_crash(records)
    if depth == 50:
        assert status == 200 and "deep" not in answer["sessionAttributes"]  # only the skill's own state goes back
    else:
        assert (status, answer) == (400, {"error": "body is nested too deeply"})
