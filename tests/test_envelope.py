"""skill.envelope reads a request exactly as ask-sdk's own DefaultSerializer would."""

import copy
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from ask_sdk_core.serialize import DefaultSerializer
from ask_sdk_model import IntentRequest, RequestEnvelope
from ask_sdk_model.slu.entityresolution import StatusCode
from helpers import SKILL_ID, envelope, intent_request, launch_request, session_ended_request, slot

from skill.envelope import envelope_from_json
from tooling.simulator.alexa_requests import ECHO_SHOW

SDK = DefaultSerializer()


def sdk_outcome(data):
    try:
        return "ok", SDK.deserialize(json.dumps(data), RequestEnvelope)
    except Exception:
        return "refused", None


def our_outcome(data):
    try:
        return "ok", envelope_from_json(data)
    except Exception:
        return "refused", None


REAL_REQUESTS = {
    "launch": envelope(launch_request(), new=True),
    "launch on a screen": envelope(launch_request("en-GB"), interfaces=ECHO_SHOW),
    "intent with a resolved slot": envelope(
        intent_request("CausesIntent", slot("cause", "overuse", slot_type="CauseType", value_id="OVERUSE"))
    ),
    "intent with an unresolved slot": envelope(
        intent_request("SymptomsIntent", slot("symptom", "itchy", slot_type="SymptomType"))
    ),
    "yes with stored reply": envelope(
        intent_request("AMAZON.YesIntent"),
        attributes={
            "last": {"speech": "s", "question": None, "card_title": "t", "card_text": "c", "offer": None},
            "offer": "knot",
        },
    ),
    "session ended": envelope(session_ended_request("ERROR")),
    "system exception": envelope(
        launch_request()
        | {
            "type": "System.ExceptionEncountered",
            "error": {"type": "INVALID_RESPONSE", "message": "x"},
            "cause": {"requestId": "amzn1.echo-api.request.1"},
        }
    ),
}


@pytest.mark.parametrize("name", REAL_REQUESTS)
def test_real_requests_read_the_same_as_the_sdk(name):
    ours: Any = envelope_from_json(REAL_REQUESTS[name])
    assert ours == sdk_outcome(REAL_REQUESTS[name])[1]
    assert ours.request.request_id == REAL_REQUESTS[name]["request"]["requestId"]


def test_slots_become_sdk_objects_with_resolutions():
    data = REAL_REQUESTS["intent with a resolved slot"]
    sdk_request = envelope_from_json(data).request
    assert isinstance(sdk_request, IntentRequest)
    request: Any = sdk_request  # the SDK types every field Optional
    authority = request.intent.slots["cause"].resolutions.resolutions_per_authority[0]
    assert authority.status.code is StatusCode.ER_SUCCESS_MATCH
    assert authority.values[0].value.id == "OVERUSE"


@pytest.mark.parametrize(
    "stamp", ["2024-05-01T10:00:00Z", "2024-05-01T10:00:00.125+02:00", "2024-05-01T10:00:00", "2024-05-01"]
)
def test_timestamps_match_dateutil(stamp):
    data = envelope(launch_request() | {"timestamp": stamp})
    ours: Any = envelope_from_json(data)
    assert ours.request.timestamp == sdk_outcome(data)[1].request.timestamp


def test_alexa_timestamps_are_utc():
    data = envelope(launch_request() | {"timestamp": "2024-05-01T10:00:00Z"})
    ours: Any = envelope_from_json(data)
    stamp = ours.request.timestamp
    assert stamp - datetime(2024, 5, 1, 10, tzinfo=UTC) == timedelta(0)


# (path to a value, odd value): each either read or refused, exactly as by the SDK.
ODD_VALUES = [
    (("request",), "LaunchRequest"),
    (("request",), None),
    (("request", "type"), "Alexa.Unheard.Of"),
    (("request", "timestamp"), 12345),
    (("request", "timestamp"), "yesterday"),
    (("request", "locale"), 7),
    (("request", "dialogState"), 3),
    (("request", "unknownField"), {"a": 1}),
    (("request", "__class__"), "x"),
    (("request", "intent"), "x"),
    (("request", "intent", "confirmationStatus"), "BOGUS"),
    (("request", "intent", "slots"), "not a map"),
    (("request", "intent", "slots"), [1, 2]),
    (("request", "intent", "slots"), {"a": None}),
    (("request", "intent", "slots"), {"a": "text"}),
    (("session",), "x"),
    (("session", "new"), "false"),
    (("session", "attributes"), [1]),
    (("context",), []),
    (("context", "System", "device"), 5),
    (("version",), {"a": 1}),
]


@pytest.mark.parametrize(("path", "value"), ODD_VALUES, ids=[f"{'.'.join(p)}={v!r}" for p, v in ODD_VALUES])
def test_odd_shapes_are_read_or_refused_like_the_sdk(path, value):
    data = copy.deepcopy(envelope(intent_request("LumpIntent")))
    parent = data
    for key in path[:-1]:
        parent = parent[key]
    parent[path[-1]] = value
    assert our_outcome(data) == sdk_outcome(data)


def test_unknown_request_types_are_refused():
    data = envelope(launch_request() | {"type": "Alexa.Unheard.Of"})
    with pytest.raises(ValueError):
        envelope_from_json(data)


def test_lambda_handler_answers_an_event_as_the_webhook_would(client):
    from skill.lambda_entry import lambda_handler

    event = envelope(launch_request(), new=True)
    answer = lambda_handler(copy.deepcopy(event), None)
    over_http = client.post("/alexa", data=json.dumps(event), content_type="application/json").get_json()
    assert answer == over_http
    assert answer["response"]["outputSpeech"]["ssml"].startswith("<speak>")


def test_lambda_handler_refuses_an_event_that_is_not_an_envelope():
    from skill.envelope import BadEnvelope
    from skill.lambda_entry import lambda_handler

    with pytest.raises(BadEnvelope):
        lambda_handler({"request": "LaunchRequest"}, None)


def test_lambda_handler_refuses_another_skills_request(monkeypatch):
    from skill.lambda_entry import lambda_handler

    event = envelope(launch_request())
    monkeypatch.setenv("ALEXA_SKILL_ID", SKILL_ID)
    assert lambda_handler(copy.deepcopy(event), None)["response"]["outputSpeech"]
    monkeypatch.setenv("ALEXA_SKILL_ID", "amzn1.ask.skill.someone-else")
    with pytest.raises(PermissionError):
        lambda_handler(event, None)
